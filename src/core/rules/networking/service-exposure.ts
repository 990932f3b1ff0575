/**
 * @fileoverview service-exposure: Services that open a port outside the cluster (NodePort,
 * LoadBalancer) are pointed out.
 */
import { defineRule } from '../types';
import { specOf } from './network-helpers';

export default defineRule({
  id: 'service-exposure',
  category: 'networking',
  severity: 'info',
  title: 'NodePort and LoadBalancer Services expose pods outside the cluster',
  docs: {
    description: 'Reports Services of type NodePort or LoadBalancer, which are reachable from outside the cluster.',
    rationale: 'A NodePort opens the port on every node, a LoadBalancer gets a public address from the cloud (or from ServiceLB/MetalLB on k3s): the pods become reachable by anyone who can reach the nodes, around the Ingress and its TLS, authentication and logs. Sometimes that is the goal; it should be a decision.',
    remediation: 'Use a ClusterIP Service behind an Ingress for HTTP; keep NodePort/LoadBalancer for what must be reached directly, and restrict it (`loadBalancerSourceRanges`, a firewall, `externalTrafficPolicy: Local`).',
    references: ['https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types', 'https://kubernetes.io/docs/concepts/services-networking/ingress/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n  - port: 80\n'],
      valid: ['apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n'],
    },
  },
  kinds: ['Service'],
  messages: {
    nodePort: 'Service "{{name}}" of type NodePort opens its ports on every node: anyone who reaches a node reaches these pods, around any Ingress. Prefer ClusterIP behind an Ingress unless direct access is the goal.',
    loadBalancer: 'Service "{{name}}" of type LoadBalancer gets an external address{{ranges}}: these pods are reachable from outside, around any Ingress. Prefer ClusterIP behind an Ingress, or restrict loadBalancerSourceRanges.',
  },
  check(ctx) {
    const spec = specOf(ctx.manifest);
    if (spec.type === 'NodePort') ctx.report({ path: ['spec', 'type'], messageId: 'nodePort', data: { name: ctx.manifest.name } });
    if (spec.type === 'LoadBalancer') {
      const ranges = Array.isArray(spec.loadBalancerSourceRanges) && spec.loadBalancerSourceRanges.length > 0 ? ` (limited to ${spec.loadBalancerSourceRanges.join(', ')})` : '';
      ctx.report({ path: ['spec', 'type'], messageId: 'loadBalancer', data: { name: ctx.manifest.name, ranges } });
    }
  },
});
