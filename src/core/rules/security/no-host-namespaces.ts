/**
 * @fileoverview no-host-namespaces: pods do not share the node's network, PID or IPC namespace
 * (Pod Security Standards, baseline control "Host Namespaces").
 */
import { podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';
import { PSS_REFERENCE } from './pod-security';

const FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

export default defineRule({
  id: 'no-host-namespaces',
  category: 'security',
  severity: 'warning',
  title: 'Pods should not share the host\'s namespaces',
  docs: {
    description: 'Reports pod templates with `hostNetwork`, `hostPID` or `hostIPC` set to true: the Pod Security Standards baseline control "Host Namespaces".',
    rationale: 'With `hostNetwork` the pod sees every network interface of the node and can bind its ports, bypassing NetworkPolicies; with `hostPID` it sees (and can signal or trace) every process of the node; with `hostIPC` it can read other workloads\' shared memory.',
    remediation: 'Remove `hostNetwork`, `hostPID` and `hostIPC` (they default to false); expose the pod with a Service instead of the node\'s network.',
    references: [PSS_REFERENCE, 'https://kubernetes.io/docs/concepts/workloads/pods/#pod-networking'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: true\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: false\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  fixable: 'suggestion',
  messages: {
    hostNetwork: 'This pod uses the node\'s network (hostNetwork: true): it can bind the node\'s ports and sniff its traffic, and NetworkPolicies no longer isolate it (Pod Security Standards, baseline: "Host Namespaces"). Remove hostNetwork and expose the pod through a Service.',
    hostPID: 'This pod shares the node\'s process namespace (hostPID: true): it sees, signals and can trace every process of the node, other pods\' included (Pod Security Standards, baseline: "Host Namespaces"). Remove hostPID.',
    hostIPC: 'This pod shares the node\'s IPC namespace (hostIPC: true): it can read the shared memory of other processes on the node (Pod Security Standards, baseline: "Host Namespaces"). Remove hostIPC.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    const spec = template.spec as unknown as Record<string, unknown>;
    for (const field of FIELDS) {
      if (spec[field] !== true) continue;
      const path = [...template.specPath, field];
      ctx.report({ path, messageId: field, suggestions: [{ title: `Remove ${field}: true`, ops: [{ op: 'remove', path }] }] });
    }
  },
});
