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
  const matchLabels = selector.matchLabels;
  if (isRecord(matchLabels)) {
    for (const key in matchLabels) {
      const value = matchLabels[key];
      if (value !== null && value !== undefined && typeof value !== 'object' && labels[key] !== String(value)) return false;
    }
  }
  if (selector.matchExpressions === undefined) return true;
  return labelSelectorMatcher(selector)(labels);
}

/** A LabelSelector as a predicate, read once: for matching one selector against many label sets. */
export function labelSelectorMatcher(selector: unknown): (labels: Record<string, string>) => boolean {
  if (!isRecord(selector)) return () => false;
  const wanted = Object.entries(stringRecord(selector.matchLabels));
  const requirements: Array<{ key: string; operator: unknown; values: string[] }> = [];
  for (const e of Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []) {
    if (!isRecord(e) || typeof e.key !== 'string') return () => false;
    requirements.push({ key: e.key, operator: e.operator, values: Array.isArray(e.values) ? e.values.map(String) : [] });
  }
  return (labels) => {
    for (const [key, value] of wanted) if (labels[key] !== value) return false;
    for (const { key, operator, values } of requirements) {
      const has = Object.prototype.hasOwnProperty.call(labels, key);
      switch (operator) {
        case 'In': if (!has || !values.includes(labels[key]!)) return false; break;
        case 'NotIn': if (has && values.includes(labels[key]!)) return false; break;
        case 'Exists': if (!has) return false; break;
        case 'DoesNotExist': if (has) return false; break;
        default: return false;
      }
    }
    return true;
  };
}

/** True when `labels` carry every key/value of a Service-style map selector; an empty map selects nothing. */
export function matchesMapSelector(labels: Record<string, string>, selector: unknown): boolean {
  if (!isRecord(selector)) return false;
  let keys = 0;
  for (const key in selector) {
    const value = selector[key];
    if (value === null || value === undefined || typeof value === 'object') continue;
    keys++;
    if (labels[key] !== String(value)) return false;
  }
  return keys > 0;
}

/** A Service-style map selector as a predicate, read once. */
export function mapSelectorMatcher(selector: unknown): (labels: Record<string, string>) => boolean {
  const wanted = Object.entries(stringRecord(selector));
  if (wanted.length === 0) return () => false;
  return (labels) => {
    for (const [key, value] of wanted) if (labels[key] !== value) return false;
    return true;
  };
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
