/**
 * @fileoverview namespace-default-deny: a namespace that runs workloads starts with a
 * default-deny NetworkPolicy ("deny-all first").
 */
import { defineRule } from '../types';
import { isEmptySelector, policiesByNamespace, policyPodSelector, policyTypes, specOf } from './network-helpers';

export default defineRule({
  id: 'namespace-default-deny',
  category: 'networking',
  severity: 'info',
  title: 'A namespace with workloads should have a default-deny NetworkPolicy',
  docs: {
    description: 'Reports a Namespace of the inputs whose namespace runs pod templates (Deployments, Pods…) among the inputs but has no default-deny NetworkPolicy for ingress: one with `podSelector: {}`, `Ingress` in its `policyTypes` and no ingress rule.',
    rationale: 'Without any policy, every pod accepts connections from every pod of the cluster: one compromised pod reaches your database. Denying everything first and then allowing each flow explicitly makes the allowed traffic visible and reviewable. (Policies need a CNI that enforces them: Calico, Cilium; k3s\'s default flannel does, through its embedded network policy controller.)',
    remediation: 'Add a NetworkPolicy with `podSelector: {}` and `policyTypes: [Ingress]` (and `Egress` too, with a rule allowing DNS) to the namespace, then one policy per allowed flow.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-ingress-traffic', 'https://kubernetes.io/docs/concepts/services-networking/network-policies/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
      valid: ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
    },
  },
  kinds: ['Namespace'],
  messages: {
    missing: 'Namespace "{{name}}" runs {{count}} workload{{plural}} ({{workloads}}) but has no default-deny NetworkPolicy: every pod of the cluster can connect to them. Add a policy with podSelector: {} and policyTypes: [Ingress], then allow each flow.',
  },
  check(ctx) {
    const name = ctx.manifest.name;
    if (!name) return;
    const templates = ctx.index.templatesIn(name);
    if (templates.length === 0) return;
    const policies = policiesByNamespace(ctx.index).get(name) ?? [];
    const denies = policies.some((p) => {
      const rules = specOf(p).ingress;
      return isEmptySelector(policyPodSelector(p)) && policyTypes(p).has('Ingress') && (rules === undefined || rules === null || (Array.isArray(rules) && rules.length === 0));
    });
    if (denies) return;
    const workloads = templates.slice(0, 3).map((h) => `${h.manifest.kind} "${h.manifest.name}"`).join(', ') + (templates.length > 3 ? ', …' : '');
    ctx.report({ path: ['metadata', 'name'], messageId: 'missing', data: { name, count: templates.length, plural: templates.length > 1 ? 's' : '', workloads } });
  },
});
