/**
 * @fileoverview Shared by the resources rules: a container's requests and limits, what it lacks,
 * and the placeholder `resources` values the suggestions insert.
 */
import type { FixOp } from '../../fix/fix-ops';
import type { ContainerRef } from '../../model/pod-template';
import { isRecord } from '../../source/parse';

export interface Resources {
  requests: Record<string, unknown>;
  limits: Record<string, unknown>;
  /** True when the container has a `resources` mapping at all. */
  present: boolean;
}

/** A container's `resources`, with empty maps for what is unset. */
export function resourcesOf(c: ContainerRef): Resources {
  const r = (c.container as unknown as Record<string, unknown>).resources;
  if (!isRecord(r)) return { requests: {}, limits: {}, present: false };
  return { requests: isRecord(r.requests) ? r.requests : {}, limits: isRecord(r.limits) ? r.limits : {}, present: true };
}

/** True when a quantity is given (a number or a non-empty string). */
export function has(map: Record<string, unknown>, resource: string): boolean {
  const v = map[resource];
  return typeof v === 'number' || (typeof v === 'string' && v.trim() !== '');
}

/** Placeholder values the suggestions write: small, common starting points, to be measured and adjusted. */
export const PLACEHOLDERS: Readonly<Record<'requests' | 'limits', Record<string, string>>> = {
  requests: { cpu: '100m', memory: '128Mi', 'ephemeral-storage': '256Mi' },
  limits: { cpu: '500m', memory: '128Mi', 'ephemeral-storage': '1Gi' },
};

export const PLACEHOLDER_COMMENT = 'placeholder values: measure the app (kubectl top pod) and adjust';

/** Keys a new `resources` block goes after (the first that exists), to sit near the image and ports. */
const RESOURCES_AFTER = ['ports', 'env', 'envFrom', 'args', 'command', 'image'];

/**
 * The operation that gives a container with no `resources` a whole block with placeholder CPU
 * and memory requests and limits, and a comment saying they are placeholders.
 */
export function fullResourcesBlock(c: ContainerRef): FixOp {
  const { requests, limits } = PLACEHOLDERS;
  return {
    op: 'set', path: [...c.path, 'resources'], after: RESOURCES_AFTER, comment: PLACEHOLDER_COMMENT,
    value: { requests: { cpu: requests.cpu, memory: requests.memory }, limits: { cpu: limits.cpu, memory: limits.memory } },
  };
}

/**
 * Operations that add the missing `section.resource` quantities of a container: one `resources`
 * block (with the placeholder comment) when the container has none, else the missing keys.
 * A limit added next to an existing request of the same resource takes at least that request.
 */
export function addQuantities(c: ContainerRef, section: 'requests' | 'limits', missing: readonly string[]): FixOp[] {
  const r = resourcesOf(c);
  const value = (resource: string): string => {
    if (section === 'limits' && has(r.requests, resource) && (resource === 'memory' || resource === 'ephemeral-storage')) return String(r.requests[resource]);
    return PLACEHOLDERS[section][resource]!;
  };
  if (!r.present) {
    const block: Record<string, Record<string, string>> = { [section]: {} };
    for (const resource of missing) block[section]![resource] = value(resource);
    return [{ op: 'set', path: [...c.path, 'resources'], value: block, after: RESOURCES_AFTER, comment: PLACEHOLDER_COMMENT }];
  }
  return missing.map((resource) => ({ op: 'set' as const, path: [...c.path, 'resources', section, resource], value: value(resource), comment: 'placeholder: measure and adjust' }));
}

/** `cpu and memory`, `cpu`, ... */
export function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
