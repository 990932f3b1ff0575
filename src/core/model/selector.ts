/**
 * @fileoverview Kubernetes label selectors, matched exactly as the API server does:
 * `matchLabels` and `matchExpressions` (In, NotIn, Exists, DoesNotExist) are ANDed; an empty
 * LabelSelector matches everything; a Service's plain map selector with no keys matches nothing.
 */
import { isRecord } from '../source/parse';
import { stringRecord } from './pod-template';

export interface SelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: SelectorRequirement[];
}

/** True when `labels` satisfy a LabelSelector (Deployment, NetworkPolicy, PDB, affinity...). */
export function matchesLabelSelector(labels: Record<string, string>, selector: unknown): boolean {
  if (!isRecord(selector)) return false;
  for (const [key, value] of Object.entries(stringRecord(selector.matchLabels))) {
    if (labels[key] !== value) return false;
  }
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  for (const e of expressions) {
    if (!isRecord(e) || typeof e.key !== 'string') return false;
    const values = Array.isArray(e.values) ? e.values.map(String) : [];
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    switch (e.operator) {
      case 'In': if (!has || !values.includes(labels[e.key]!)) return false; break;
      case 'NotIn': if (has && values.includes(labels[e.key]!)) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

/** True when `labels` carry every key/value of a Service-style map selector; an empty map selects nothing. */
export function matchesMapSelector(labels: Record<string, string>, selector: unknown): boolean {
  const wanted = stringRecord(selector);
  const keys = Object.keys(wanted);
  if (keys.length === 0) return false;
  return keys.every((k) => labels[k] === wanted[k]);
}

/** A selector as a user reads it: `app=web,tier in (front)`. */
export function formatSelector(selector: unknown): string {
  if (!isRecord(selector)) return '';
  const parts: string[] = [];
  const labels = isRecord(selector.matchLabels) || Array.isArray(selector.matchExpressions) ? stringRecord(selector.matchLabels) : stringRecord(selector);
  for (const [k, v] of Object.entries(labels)) parts.push(`${k}=${v}`);
  if (Array.isArray(selector.matchExpressions)) {
    for (const e of selector.matchExpressions) {
      if (!isRecord(e)) continue;
      const values = Array.isArray(e.values) ? e.values.join(',') : '';
      if (e.operator === 'Exists') parts.push(String(e.key));
      else if (e.operator === 'DoesNotExist') parts.push(`!${String(e.key)}`);
      else parts.push(`${String(e.key)} ${String(e.operator).toLowerCase()} (${values})`);
    }
  }
  return parts.join(',');
}
