/**
 * @fileoverview Search and filter over a laid-out view: which element keys match a query typed by
 * the user and a namespace picked in the toolbar. Pure (no DOM), so it is unit-tested in Node.
 *
 * Query syntax, terms separated by spaces, all must match:
 * - `ns:shop` (or `namespace:shop`): the namespace contains `shop`;
 * - `app=web`: a label (pods, nodes) or a selector entry (Services) `app` equal to `web`; `app=` any value;
 * - `kind:Service`: the element's kind;
 * - anything else: the name contains it. Case does not matter.
 */
import type { ItemBox, Layout } from '../diagram/layout';

interface Searchable {
  key: string;
  name: string;
  namespace: string;
  kind: string;
  labels: Record<string, string>;
}

/** The searchable facts of every drawn element. */
export function searchables(layout: Layout): Searchable[] {
  const out: Searchable[] = [];
  for (const band of layout.bands) for (const it of band.items) out.push(fromItem(it));
  for (const n of layout.nodes) {
    out.push({ key: n.key, name: n.name, namespace: '', kind: 'Node', labels: n.node?.labels ?? {} });
    for (const p of n.pods) out.push({ key: p.key, name: p.pod.name, namespace: p.pod.namespace, kind: 'Pod', labels: p.pod.labels });
  }
  for (const p of layout.pending.pods) out.push({ key: p.key, name: p.pod.name, namespace: p.pod.namespace, kind: 'Pod', labels: p.pod.labels });
  return out;
}

function fromItem(it: ItemBox): Searchable {
  const data = it.data as { kind?: string; selector?: Record<string, string> } | undefined;
  const kind = it.kind === 'service' ? 'Service' : it.kind === 'ingress' ? 'Ingress' : it.kind === 'account' ? 'ServiceAccount'
    : it.kind === 'hpa' ? 'HorizontalPodAutoscaler' : data?.kind ?? it.kind;
  return { key: it.key, name: it.name, namespace: it.namespace ?? '', kind, labels: data?.selector ?? {} };
}

type Term = (s: Searchable) => boolean;

function parseTerm(raw: string): Term {
  const term = raw.toLowerCase();
  const colon = /^(ns|namespace|kind):(.*)$/.exec(term);
  if (colon) {
    const value = colon[2]!;
    return colon[1] === 'kind' ? (s) => s.kind.toLowerCase() === value : (s) => s.namespace.toLowerCase().includes(value);
  }
  const eq = term.indexOf('=');
  if (eq > 0) {
    const key = term.slice(0, eq);
    const value = term.slice(eq + 1);
    return (s) => Object.entries(s.labels).some(([k, v]) => k.toLowerCase() === key && (value === '' || v.toLowerCase() === value));
  }
  return (s) => s.name.toLowerCase().includes(term);
}

/**
 * The keys of the elements that match `query` and lie in `namespace` (empty: any), or null when
 * neither filters anything (nothing is dimmed then).
 */
export function matchingKeys(items: readonly Searchable[], query: string, namespace: string): Set<string> | null {
  const terms = query.trim().split(/\s+/).filter(Boolean).map(parseTerm);
  if (terms.length === 0 && !namespace) return null;
  const out = new Set<string>();
  for (const s of items) {
    if (namespace && s.namespace !== namespace) continue;
    if (terms.every((term) => term(s))) out.add(s.key);
  }
  return out;
}

/** Namespaces present in the view, sorted, for the namespace picker. */
export function namespacesOf(items: readonly Searchable[]): string[] {
  return [...new Set(items.map((s) => s.namespace).filter(Boolean))].sort();
}
