/**
 * @fileoverview ingress-path-type: every path of a networking.k8s.io/v1 Ingress says how it
 * matches (`pathType`).
 */
import { isRecord } from '../../source/parse';
import { defineRule, type RuleFix } from '../types';
import { specOf } from './network-helpers';

export default defineRule({
  id: 'ingress-path-type',
  category: 'networking',
  severity: 'error',
  title: 'An Ingress path should set pathType',
  docs: {
    description: 'Reports a path of a networking.k8s.io/v1 Ingress rule without `pathType`.',
    rationale: '`pathType` is required in networking.k8s.io/v1: the API server refuses the Ingress without it. It also decides what matches: `Prefix` `/api` matches `/api/users` but not `/apiary`; `Exact` only `/api`; `ImplementationSpecific` leaves it to the controller (regular expressions for ingress-nginx).',
    remediation: 'Add `pathType: Prefix` for a path and everything below it (the usual choice), `Exact` for one URL, `ImplementationSpecific` only for controller-specific syntax.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/ingress/#path-types', 'https://kubernetes.io/docs/concepts/services-networking/ingress/#examples'],
    examples: {
      invalid: ['apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: traefik\n  rules:\n  - http:\n      paths:\n      - path: /api\n        backend:\n          service:\n            name: api\n            port:\n              number: 80\n'],
      valid: ['apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: traefik\n  rules:\n  - http:\n      paths:\n      - path: /api\n        pathType: Prefix\n        backend:\n          service:\n            name: api\n            port:\n              number: 80\n'],
    },
  },
  kinds: ['Ingress'],
  fixable: 'suggestion',
  messages: {
    missing: 'Path "{{path}}" has no pathType: the API server refuses this Ingress. Add pathType: Prefix (the path and below), Exact (this URL only) or ImplementationSpecific.',
  },
  check(ctx) {
    if (ctx.manifest.apiVersion !== 'networking.k8s.io/v1') return; // optional in the removed v1beta1 (deprecation rules handle those)
    const rules = specOf(ctx.manifest).rules;
    if (!Array.isArray(rules)) return;
    rules.forEach((rule, i) => {
      if (!isRecord(rule) || !isRecord(rule.http) || !Array.isArray(rule.http.paths)) return;
      rule.http.paths.forEach((p, j) => {
        if (!isRecord(p) || p.pathType !== undefined) return;
        const at = ['spec', 'rules', i, 'http', 'paths', j];
        const suggestions: RuleFix[] = ['Prefix', 'Exact', 'ImplementationSpecific'].map((value) => ({
          title: `Add pathType: ${value}`,
          ops: [{ op: 'set', path: [...at, 'pathType'], value, after: ['path'] }],
        }));
        ctx.report({ path: p.path !== undefined ? [...at, 'path'] : at, messageId: 'missing', data: { path: typeof p.path === 'string' ? p.path : '/' }, suggestions });
      });
    });
  },
});
