/**
 * @fileoverview workload-network-policy: where a namespace uses NetworkPolicies, every workload
 * is selected by at least one.
 */
import { podLabels, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';
import { anyPolicySelects, policiesByNamespace } from './network-helpers';

export default defineRule({
  id: 'workload-network-policy',
  category: 'networking',
  severity: 'warning',
  title: 'Workloads should be selected by a NetworkPolicy where the namespace has some',
  docs: {
    description: 'Reports a workload (a pod template holder) of a namespace that has NetworkPolicies among the inputs, when none of them selects its pods.',
    rationale: 'A pod that no policy selects accepts and opens every connection, whatever the other policies of the namespace say: the namespace looks protected but this workload is not, usually because its labels differ from those the policies expect or it was added after them.',
    remediation: 'Add a default-deny policy (`podSelector: {}`) to the namespace, or a policy whose `podSelector` matches this workload\'s pod labels.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/#isolated-and-non-isolated-pods'],
    examples: {
      invalid: ['apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: db\nspec:\n  podSelector:\n    matchLabels:\n      app: db\n  policyTypes: [Ingress]\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
      valid: ['apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-all\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  messages: {
    uncovered: 'No NetworkPolicy of namespace "{{namespace}}" selects the pods of this {{kind}} (labels {{labels}}), although the namespace has {{count}}: these pods accept and open every connection. Add a default-deny policy or one that selects them.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!ctx.namespace || !template) return;
    const policies = policiesByNamespace(ctx.index).get(ctx.namespace) ?? [];
    if (policies.length === 0) return;
    const holder = { manifest: ctx.manifest, template, namespace: ctx.namespace, labels: podLabels(template) };
    if (anyPolicySelects(ctx.index, holder)) return;
    const labels = Object.entries(holder.labels).map(([k, v]) => `${k}=${v}`).join(',') || 'none';
    ctx.report({
      path: Object.keys(holder.labels).length ? [...holder.template.path, 'metadata', 'labels'] : ['metadata', 'name'], target: 'key', messageId: 'uncovered',
      data: { namespace: ctx.namespace, kind: ctx.manifest.kind, labels, count: `${policies.length} ${policies.length > 1 ? 'policies' : 'policy'}` },
    });
  },
});
