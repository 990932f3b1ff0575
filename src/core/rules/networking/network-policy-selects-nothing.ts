/**
 * @fileoverview network-policy-selects-nothing: a NetworkPolicy's podSelector selects the pods
 * of at least one pod template among the inputs.
 */
import { formatSelector } from '../../model/selector';
import { defineRule } from '../types';
import { isEmptySelector, policyPodSelector, selectsNothingSeverity } from './network-helpers';

export default defineRule({
  id: 'network-policy-selects-nothing',
  category: 'networking',
  severity: 'warning',
  title: 'A NetworkPolicy should select some pods',
  docs: {
    description: 'Reports a NetworkPolicy whose non-empty `spec.podSelector` matches no pod template of its namespace among the inputs: a warning when the namespace is described in full (its Namespace object is among the inputs and no custom resource there hints at an operator), info otherwise.',
    rationale: 'A policy that selects no pod protects nothing: the pods it was written for stay open (or closed) as before, usually because of a label typo or a policy applied in the wrong namespace.',
    remediation: 'Make `podSelector` match the labels of the pod template (`spec.template.metadata.labels`), and check the policy\'s namespace; `podSelector: {}` selects every pod of the namespace.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  podSelector:\n    matchLabels:\n      app: api\n  policyTypes: [Ingress]\n'],
      valid: ['apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-all\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n'],
    },
  },
  kinds: ['NetworkPolicy'],
  messages: {
    nothing: 'podSelector {{selector}} matches no pod template in {{scope}}: this policy protects nothing. Make it match the pod template labels.',
  },
  check(ctx) {
    if (!ctx.namespace || !ctx.manifest.apiVersion.startsWith('networking.k8s.io/')) return;
    const selector = policyPodSelector(ctx.manifest);
    if (isEmptySelector(selector)) return;
    if (ctx.index.firstWithLabelSelector(ctx.namespace, selector)) return;
    const { severity, scope } = selectsNothingSeverity(ctx.index, ctx.namespace);
    ctx.report({ path: ['spec', 'podSelector'], target: 'key', messageId: 'nothing', severity, data: { selector: formatSelector(selector), scope } });
  },
});
