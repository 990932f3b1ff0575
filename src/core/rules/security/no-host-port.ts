/**
 * @fileoverview no-host-port: containers do not bind ports of the node (Pod Security Standards,
 * baseline control "Host Ports").
 */
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';
import { PSS_REFERENCE } from './pod-security';

export default defineRule({
  id: 'no-host-port',
  category: 'security',
  severity: 'warning',
  title: 'Containers should not use host ports',
  docs: {
    description: 'Reports container ports with a non-zero `hostPort`: the Pod Security Standards baseline control "Host Ports".',
    rationale: 'A hostPort opens the port on the node\'s address, outside the Service and NetworkPolicy model; only one pod using that port can run per node, so extra replicas stay Pending and rolling updates stall.',
    remediation: 'Remove `hostPort` and expose the pod with a Service (`NodePort` or `LoadBalancer` when it must be reached from outside the cluster) or an Ingress.',
    references: [PSS_REFERENCE, 'https://kubernetes.io/docs/concepts/configuration/overview/#services'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n      hostPort: 8080\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  fixable: 'suggestion',
  messages: {
    hostPort: 'Container "{{container}}" binds port {{hostPort}} of the node (hostPort): it bypasses Services and NetworkPolicies, and only one such pod fits per node, so other replicas stay Pending (Pod Security Standards, baseline: "Host Ports"). Remove hostPort and expose the pod through a Service.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    for (const c of containersOf(template)) {
      const ports: unknown = c.container.ports;
      if (!Array.isArray(ports)) continue;
      ports.forEach((port: unknown, i) => {
        if (!isRecord(port) || port.hostPort === undefined || port.hostPort === null || port.hostPort === 0) return;
        const path = [...c.path, 'ports', i, 'hostPort'];
        ctx.report({
          path, messageId: 'hostPort', data: { container: c.name, hostPort: String(port.hostPort) },
          suggestions: [{ title: `Remove hostPort ${String(port.hostPort)}`, ops: [{ op: 'remove', path }] }],
        });
      });
    }
  },
});
