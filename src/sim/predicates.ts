/**
 * @fileoverview The node-level predicates shared by the DaemonSet controller and the
 * scheduler's filters: tolerations against taints, and node selectors / required node
 * affinity (In, NotIn, Exists, DoesNotExist, Gt, Lt; `matchFields` on `metadata.name`).
 */
import { isRecord } from '../core/source/parse';
import { stringRecord } from '../core/model/pod-template';
import type { Taint } from '../protocol/cluster-view';
import type { SimNode } from './cluster';

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

/** `ToleratesTaint`: same effect (or none), same key (or none with Exists), and Exists or an equal value. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  const operator = t.operator ?? 'Equal';
  if (operator === 'Exists') return true;
  if (operator === 'Equal') return (t.value ?? '') === (taint.value ?? '');
  return false;
}

/** The first taint no toleration tolerates, or undefined. */
export function firstUntolerated(tolerations: readonly Toleration[], taints: readonly Taint[]): Taint | undefined {
  return taints.find((taint) => !tolerations.some((t) => tolerates(t, taint)));
}

/** True when every taint is tolerated. */
export function tolerationsTolerate(tolerations: readonly Toleration[], taints: readonly Taint[]): boolean {
  return firstUntolerated(tolerations, taints) === undefined;
}

/** One NodeSelectorRequirement against a node's labels (or its name for `matchFields`). */
function requirementMatches(req: unknown, get: (key: string) => string | undefined): boolean {
  if (!isRecord(req) || typeof req.key !== 'string') return false;
  const value = get(req.key);
  const values = Array.isArray(req.values) ? req.values.map(String) : [];
  switch (req.operator) {
    case 'In': return value !== undefined && values.includes(value);
    case 'NotIn': return value === undefined || !values.includes(value);
    case 'Exists': return value !== undefined;
    case 'DoesNotExist': return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || values.length !== 1 || !/^-?\d+$/.test(value) || !/^-?\d+$/.test(values[0]!)) return false;
      const a = Number(value);
      const b = Number(values[0]);
      return req.operator === 'Gt' ? a > b : a < b;
    }
    default: return false;
  }
}

/** A NodeSelectorTerm: expressions and fields ANDed; a term with neither matches nothing. */
export function termMatches(term: unknown, node: SimNode): boolean {
  if (!isRecord(term)) return false;
  const expressions = Array.isArray(term.matchExpressions) ? term.matchExpressions : [];
  const fields = Array.isArray(term.matchFields) ? term.matchFields : [];
  if (expressions.length === 0 && fields.length === 0) return false;
  const label = (k: string): string | undefined => (Object.prototype.hasOwnProperty.call(node.labels, k) ? node.labels[k] : undefined);
  const field = (k: string): string | undefined => (k === 'metadata.name' ? node.name : undefined);
  return expressions.every((r) => requirementMatches(r, label)) && fields.every((r) => requirementMatches(r, field));
}

/** `nodeSelector` and required node affinity (terms ORed), as the NodeAffinity filter checks them. */
export function nodeMatchesPodAffinity(spec: Record<string, unknown>, node: SimNode): boolean {
  for (const [k, v] of Object.entries(stringRecord(spec.nodeSelector))) {
    if (node.labels[k] !== v) return false;
  }
  const affinity = isRecord(spec.affinity) && isRecord(spec.affinity.nodeAffinity) ? spec.affinity.nodeAffinity : undefined;
  const required = affinity && isRecord(affinity.requiredDuringSchedulingIgnoredDuringExecution) ? affinity.requiredDuringSchedulingIgnoredDuringExecution : undefined;
  if (required) {
    const terms = Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms : [];
    if (!terms.some((t) => termMatches(t, node))) return false;
  }
  return true;
}

/** Preferred node affinity: the sum of the weights of the terms the node matches. */
export function preferredNodeAffinityScore(spec: Record<string, unknown>, node: SimNode): number {
  const affinity = isRecord(spec.affinity) && isRecord(spec.affinity.nodeAffinity) ? spec.affinity.nodeAffinity : undefined;
  const preferred = affinity && Array.isArray(affinity.preferredDuringSchedulingIgnoredDuringExecution) ? affinity.preferredDuringSchedulingIgnoredDuringExecution : [];
  let score = 0;
  for (const p of preferred) {
    if (!isRecord(p) || typeof p.weight !== 'number' || p.weight === 0) continue;
    if (termMatches(p.preference, node)) score += p.weight;
  }
  return score;
}
