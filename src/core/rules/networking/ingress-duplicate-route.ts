/**
 * @fileoverview ingress-duplicate-route: no two Ingresses of the same class claim the same host
 * and path.
 */
import { ingressBackends } from '../../model/references';
import type { Manifest } from '../../source/parse';
import type { Path } from '../../source/path';
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';
import { ingressClassOf, specOf } from './network-helpers';

interface Route {
  manifest: Manifest;
  path: Path;
}

export default defineRule({
  id: 'ingress-duplicate-route',
  category: 'networking',
  severity: 'warning',
  title: 'Two Ingresses should not claim the same host and path',
  docs: {
    description: 'Reports a path of an Ingress when another Ingress of the inputs (any namespace) with the same ingress class claims the same host, path and pathType.',
    rationale: 'The controller serves one of them and ignores the other, which one depending on the controller (the oldest for ingress-nginx): half of the traffic configuration silently does nothing, and a later re-creation can flip it.',
    remediation: 'Keep one Ingress per host and path: merge the two, change a host or path, or give them different ingress classes on purpose.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/ingress/#name-based-virtual-hosting', 'https://kubernetes.io/docs/concepts/services-networking/ingress/#ingress-rules'],
    examples: {
      invalid: ['apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: a\nspec:\n  ingressClassName: nginx\n  rules:\n  - host: shop.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: a\n            port:\n              number: 80\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: b\nspec:\n  ingressClassName: nginx\n  rules:\n  - host: shop.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: b\n            port:\n              number: 80\n'],
      valid: ['apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: a\nspec:\n  ingressClassName: nginx\n  rules:\n  - host: shop.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: a\n            port:\n              number: 80\n'],
    },
  },
  kinds: ['Ingress'],
  messages: {
    duplicate: '{{route}} ({{pathType}}) is also claimed by {{others}}: the controller serves only one of them and silently ignores the other. Merge them or change the host or path.',
  },
  check(ctx) {
    const routes = ctx.index.derived('network:ingressRoutes', (index) => {
      const map = new Map<string, Route[]>();
      for (const m of index.ofKind('Ingress')) {
        for (const r of routesOf(m)) {
          const list = map.get(r.key) ?? [];
          list.push({ manifest: m, path: r.path });
          map.set(r.key, list);
        }
      }
      return map;
    });
    for (const r of routesOf(ctx.manifest)) {
      const others = (routes.get(r.key) ?? []).filter((o) => o.manifest !== ctx.manifest);
      if (others.length === 0) continue;
      ctx.report({
        path: [...r.path, 'path'], messageId: 'duplicate',
        data: { route: r.route, pathType: r.pathType, others: others.map((o) => `Ingress "${o.manifest.name}"${o.manifest.namespace ? ` (namespace ${o.manifest.namespace})` : ''}`).join(', ') },
        related: others.map((o) => ({ manifest: o.manifest, path: [...o.path, 'path'], message: `the same route in Ingress "${o.manifest.name}"` })),
      });
    }
  },
});

/** The routes of an Ingress: one per path, keyed by class, host, path and pathType. */
function routesOf(m: Manifest): Array<{ key: string; path: Path; route: string; pathType: string }> {
  if (!m.apiVersion.startsWith('networking.k8s.io/')) return [];
  const spec = specOf(m);
  const cls = ingressClassOf(m) ?? '';
  const out: Array<{ key: string; path: Path; route: string; pathType: string }> = [];
  for (const b of ingressBackends(spec)) {
    if (b.httpPath === undefined) continue;
    const pathEntry = b.path.slice(0, -1);
    const entry = pathOf(spec, pathEntry);
    if (!entry || typeof entry.path !== 'string') continue;
    const pathType = typeof entry.pathType === 'string' ? entry.pathType : 'ImplementationSpecific';
    const host = b.host ?? '*';
    out.push({ key: `${cls}\u0000${host}\u0000${entry.path}\u0000${pathType}`, path: pathEntry, route: `${host}${entry.path}`, pathType });
  }
  return out;
}

function pathOf(spec: Record<string, unknown>, path: Path): Record<string, unknown> | undefined {
  let node: unknown = { spec };
  for (const seg of path) node = isRecord(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[seg] : undefined;
  return isRecord(node) ? node : undefined;
}
