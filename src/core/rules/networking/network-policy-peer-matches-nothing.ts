/**
 * @fileoverview network-policy-peer-matches-nothing: the pod selectors of a NetworkPolicy's
 * `from` and `to` peers match some pod template among the inputs.
 */
import { formatSelector } from '../../model/selector';
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';
import { isEmptySelector, selectsNothingSeverity, specOf } from './network-helpers';

export default defineRule({
  id: 'network-policy-peer-matches-nothing',
  category: 'networking',
  severity: 'warning',
  title: 'NetworkPolicy peers should match some pods',
  docs: {
    description: 'Reports a `from`/`to` peer of a NetworkPolicy whose `podSelector` matches no pod template among the inputs, in the policy\'s namespace (a peer without `namespaceSelector`) or in the namespace named by a `namespaceSelector` on `kubernetes.io/metadata.name` when the inputs describe that namespace in full (its Namespace object is among them). A warning when the namespace is described in full, info otherwise. Peers selecting namespaces by other labels are not checked.',
    rationale: 'A peer that matches nothing allows nothing: the traffic the rule was written for stays blocked, and the application fails with timeouts, usually because of a label typo or a peer that forgot its `namespaceSelector` (a bare `podSelector` only looks in the policy\'s own namespace).',
    remediation: 'Make the peer\'s `podSelector` match the labels of the client pods, and add a `namespaceSelector` (`kubernetes.io/metadata.name: NAME`) in the same peer when they run in another namespace.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: db\n  namespace: shop\nspec:\n  podSelector: {}\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels:\n          app: api\n'],
      valid: ['apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: db\nspec:\n  podSelector: {}\n  ingress:\n  - from:\n    - podSelector: {}\n'],
    },
  },
  kinds: ['NetworkPolicy'],
  messages: {
    nothing: 'This {{direction}} peer\'s podSelector {{selector}} matches no pod template in {{scope}}: the rule allows nothing.{{hint}} Make it match the client pods\' labels.',
  },
  check(ctx) {
    if (!ctx.namespace || !ctx.manifest.apiVersion.startsWith('networking.k8s.io/')) return;
    const spec = specOf(ctx.manifest);
    for (const [field, peersField, direction] of [['ingress', 'from', 'from'], ['egress', 'to', 'to']] as const) {
      const rules = spec[field];
      if (!Array.isArray(rules)) continue;
      rules.forEach((rule, i) => {
        if (!isRecord(rule) || !Array.isArray(rule[peersField])) return;
        (rule[peersField] as unknown[]).forEach((peer, j) => {
          if (!isRecord(peer) || !isRecord(peer.podSelector) || isEmptySelector(peer.podSelector)) return;
          let namespace = ctx.namespace!;
          if (peer.namespaceSelector !== undefined) {
            const ns = isRecord(peer.namespaceSelector) && isRecord(peer.namespaceSelector.matchLabels) ? peer.namespaceSelector.matchLabels['kubernetes.io/metadata.name'] : undefined;
            if (typeof ns !== 'string') return;
            // Other namespaces (kube-system's DNS, the ingress controller's) are rarely among the inputs: check them only when described.
            if (ns !== namespace && !ctx.index.isNamespaceDescribed(ns)) return;
            namespace = ns;
          }
          if (ctx.index.firstWithLabelSelector(namespace, peer.podSelector)) return;
          let hint = '';
          if (peer.namespaceSelector === undefined) {
            const elsewhere = ctx.index.firstWithLabelSelector(undefined, peer.podSelector, (h) => h.namespace === namespace);
            if (elsewhere) hint = ` ${elsewhere.manifest.kind} "${elsewhere.manifest.name}" in namespace "${elsewhere.namespace}" matches: a peer without namespaceSelector only looks in namespace "${namespace}".`;
          }
          const { severity, scope } = selectsNothingSeverity(ctx.index, namespace);
          ctx.report({
            path: ['spec', field, i, peersField, j, 'podSelector'], target: 'key', messageId: 'nothing', severity,
            data: { direction, selector: formatSelector(peer.podSelector), scope, hint },
          });
        });
      });
    }
  },
});
