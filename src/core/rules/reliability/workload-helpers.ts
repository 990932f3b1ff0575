/**
 * @fileoverview Shared by the reliability rules: replicas, the Services that route to a
 * workload's pods, the HorizontalPodAutoscalers that own a workload and the
 * PodDisruptionBudgets of a namespace. Every lookup goes through maps built once per lint
 * (`WorkspaceIndex.derived`), never through a scan of the whole index per workload.
 */
import { stringRecord } from '../../model/pod-template';
import { matchesLabelSelector } from '../../model/selector';
import type { WorkspaceIndex } from '../../model/workspace-index';
import { isRecord, type Manifest } from '../../source/parse';

/** Workloads whose pods a Service can route to and whose `replicas` the user chooses. */
export const SCALED_KINDS: readonly string[] = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'];

/** `spec.replicas` of a scaled workload (1 when unset, as the API server defaults it); undefined for other kinds. */
export function replicasOf(manifest: Manifest): number | undefined {
  if (!SCALED_KINDS.includes(manifest.kind)) return undefined;
  const spec = manifest.object.spec;
  if (!isRecord(spec) || spec.replicas === undefined || spec.replicas === null) return 1;
  return typeof spec.replicas === 'number' ? spec.replicas : undefined;
}

interface SelectingService {
  manifest: Manifest;
  selector: Record<string, string>;
}

/**
 * The Services with a selector, by namespace and by the first `key=value` pair of their selector
 * (built once per lint). A Service selects a pod only if the pod carries that pair, so the
 * candidates for a pod are found through its own labels, without scanning every Service.
 */
function servicesByNamespace(index: WorkspaceIndex): ReadonlyMap<string, ReadonlyMap<string, SelectingService[]>> {
  return index.derived('reliability/services-by-first-selector-pair', (ix) => {
    const out = new Map<string, Map<string, SelectingService[]>>();
    for (const m of ix.ofKind('Service')) {
      const spec = m.object.spec;
      if (!isRecord(spec) || !isRecord(spec.selector) || spec.type === 'ExternalName') continue;
      const selector = stringRecord(spec.selector);
      const first = Object.keys(selector)[0];
      if (first === undefined) continue; // an empty selector selects nothing
      const ns = ix.namespaceOf(m)!;
      const byPair = out.get(ns) ?? new Map<string, SelectingService[]>();
      const key = `${first}=${selector[first]}`;
      const list = byPair.get(key) ?? [];
      list.push({ manifest: m, selector });
      byPair.set(key, list);
      out.set(ns, byPair);
    }
    return out;
  });
}

/** The Services in `namespace` whose selector selects pods with these labels. */
export function servicesSelecting(index: WorkspaceIndex, namespace: string, labels: Record<string, string>): Manifest[] {
  const byPair = servicesByNamespace(index).get(namespace);
  if (!byPair) return [];
  const out: Manifest[] = [];
  for (const k in labels) {
    const candidates = byPair.get(`${k}=${labels[k]}`);
    if (candidates) for (const s of candidates) if (selectorMatches(s.selector, labels)) out.push(s.manifest);
  }
  return out;
}

/** True when every label a map selector asks for is among `labels`. */
function selectorMatches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  return true;
}

function targetKey(namespace: string, kind: string, name: string): string {
  return `${namespace}\u0000${kind}\u0000${name}`;
}

/** HorizontalPodAutoscalers by the workload they scale (built once per lint). */
function hpasByTarget(index: WorkspaceIndex): ReadonlyMap<string, Manifest[]> {
  return index.derived('reliability/hpas-by-target', (ix) => {
    const out = new Map<string, Manifest[]>();
    for (const m of ix.ofKind('HorizontalPodAutoscaler')) {
      const ref = isRecord(m.object.spec) ? m.object.spec.scaleTargetRef : undefined;
      if (!isRecord(ref) || typeof ref.kind !== 'string' || typeof ref.name !== 'string') continue;
      const key = targetKey(ix.namespaceOf(m)!, ref.kind, ref.name);
      const list = out.get(key) ?? [];
      list.push(m);
      out.set(key, list);
    }
    return out;
  });
}

/** The HorizontalPodAutoscalers that scale this workload. */
export function hpasFor(index: WorkspaceIndex, manifest: Manifest): Manifest[] {
  const ns = index.namespaceOf(manifest);
  return ns === undefined ? [] : hpasByTarget(index).get(targetKey(ns, manifest.kind, manifest.name)) ?? [];
}

/** The smallest number of replicas a workload runs: its HPA's `minReplicas` (default 1) when one scales it, else `replicas`. */
export function minimumReplicas(index: WorkspaceIndex, manifest: Manifest): number | undefined {
  const hpas = hpasFor(index, manifest);
  if (hpas.length > 0) {
    const spec = hpas[0]!.object.spec as Record<string, unknown>;
    return typeof spec.minReplicas === 'number' ? spec.minReplicas : 1;
  }
  return replicasOf(manifest);
}

/**
 * The PodDisruptionBudgets of a namespace, indexed like the Services: by the first pair of their
 * `matchLabels`, and in a list of their own when they use only `matchExpressions` (built once per lint).
 */
function pdbsByNamespace(index: WorkspaceIndex): ReadonlyMap<string, { byPair: Map<string, Manifest[]>; others: Manifest[] }> {
  return index.derived('reliability/pdbs-by-namespace', (ix) => {
    const out = new Map<string, { byPair: Map<string, Manifest[]>; others: Manifest[] }>();
    for (const m of ix.ofKind('PodDisruptionBudget')) {
      const ns = ix.namespaceOf(m)!;
      const entry = out.get(ns) ?? { byPair: new Map<string, Manifest[]>(), others: [] };
      out.set(ns, entry);
      const selector = isRecord(m.object.spec) ? m.object.spec.selector : undefined;
      const labels = isRecord(selector) ? stringRecord(selector.matchLabels) : {};
      const first = Object.keys(labels)[0];
      if (first === undefined) {
        entry.others.push(m);
        continue;
      }
      const key = `${first}=${labels[first]}`;
      const list = entry.byPair.get(key) ?? [];
      list.push(m);
      entry.byPair.set(key, list);
    }
    return out;
  });
}

/** True when a PodDisruptionBudget of `namespace` selects pods with these labels. */
export function hasPdbFor(index: WorkspaceIndex, namespace: string, labels: Record<string, string>): boolean {
  const entry = pdbsByNamespace(index).get(namespace);
  if (!entry) return false;
  const selects = (pdb: Manifest): boolean => isRecord(pdb.object.spec) && matchesLabelSelector(labels, pdb.object.spec.selector);
  if (entry.others.some(selects)) return true;
  for (const k in labels) if (entry.byPair.get(`${k}=${labels[k]}`)?.some(selects)) return true;
  return false;
}

/** `50%` → 0.5; a number stays a number; undefined otherwise. */
export function intOrPercent(value: unknown): { percent: number } | { count: number } | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return { count: value };
  if (typeof value === 'string') {
    const m = /^(\d+)%$/.exec(value.trim());
    if (m) return { percent: Number(m[1]) };
    if (/^\d+$/.test(value.trim())) return { count: Number(value) };
  }
  return undefined;
}
