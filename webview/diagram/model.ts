/**
 * @fileoverview Lookups over a ClusterView that the layout and the drawing share: stable element
 * keys, which elements an object reference or a source location names, finding counts per
 * element, and number formatting. Nothing here computes a cluster fact: it only indexes what
 * the simulation said.
 */
import type { ClusterView, FindingBadge, ObjectRef, PodView, SourceRef, WorkloadView } from '../../src/protocol/cluster-view';

/** Kinds drawn in the storage/config lane. */
export const VOLUME_KINDS = new Set(['PersistentVolumeClaim', 'PersistentVolume', 'ConfigMap', 'Secret', 'StorageClass']);

const ns = (namespace: string | undefined): string => namespace ?? '';

export const nodeKey = (name: string): string => `node:${name}`;
export const podKey = (namespace: string, name: string): string => `pod:${namespace}/${name}`;
export const serviceKey = (namespace: string, name: string): string => `svc:${namespace}/${name}`;
export const ingressKey = (namespace: string, name: string): string => `ing:${namespace}/${name}`;
export const workloadKey = (ref: ObjectRef): string => `wl:${ref.kind}:${ns(ref.namespace)}/${ref.name}`;
export const volumeKey = (kind: string, namespace: string | undefined, name: string): string => `vol:${kind}:${ns(namespace)}/${name}`;
export const accountKey = (namespace: string, name: string): string => `sa:${namespace}/${name}`;
export const EXTERNAL_KEY = 'ext';
export const DNS_KEY = 'dns';

/** The key of the element that stands for an object reference (a finding's target, a traffic peer...). */
export function keyOfRef(ref: ObjectRef): string {
  const namespace = ns(ref.namespace);
  switch (ref.kind) {
    case 'Node': return nodeKey(ref.name);
    case 'Pod': return podKey(namespace, ref.name);
    case 'Service': return serviceKey(namespace, ref.name);
    case 'Ingress': return ingressKey(namespace, ref.name);
    case 'ServiceAccount': return accountKey(namespace, ref.name);
    default:
      return VOLUME_KINDS.has(ref.kind) ? volumeKey(ref.kind, ref.kind === 'PersistentVolume' || ref.kind === 'StorageClass' ? undefined : ref.namespace, ref.name) : workloadKey(ref);
  }
}

export interface FindingCount {
  errors: number;
  warnings: number;
  infos: number;
  items: FindingBadge[];
}

/** Findings grouped by the key of the element they are about. */
export function findingsByKey(view: ClusterView): Map<string, FindingCount> {
  const out = new Map<string, FindingCount>();
  for (const f of view.findings) {
    const key = keyOfRef(f.target);
    let entry = out.get(key);
    if (!entry) out.set(key, (entry = { errors: 0, warnings: 0, infos: 0, items: [] }));
    if (f.severity === 'error') entry.errors++;
    else if (f.severity === 'warning') entry.warnings++;
    else entry.infos++;
    entry.items.push(f);
  }
  return out;
}

/** The key of a pod's direct owner (a ReplicaSet, a Job; bare pods own themselves). */
export function ownerKeyOfPod(pod: PodView): string {
  return workloadKey({ ...pod.owner, namespace: pod.owner.namespace ?? pod.namespace });
}

/**
 * The workload each pod belongs to (`pod key → workload key`): the workload that lists it
 * (Deployment rather than its ReplicaSet, CronJob rather than its Job), else its direct owner.
 */
export function podWorkloads(view: ClusterView): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of view.workloads) {
    const key = workloadKey(w);
    for (const pod of w.pods) out.set(podKey(w.namespace ?? 'default', pod), key);
  }
  for (const pod of view.pods) {
    const key = podKey(pod.namespace, pod.name);
    if (!out.has(key)) out.set(key, ownerKeyOfPod(pod));
  }
  return out;
}

/** Workloads by key. */
export function workloadsByKey(view: ClusterView): Map<string, WorkloadView> {
  return new Map(view.workloads.map((w) => [workloadKey(w), w]));
}

/** True when `source` lies in the file at a line within [startLine, endLine]. */
export function sourceWithin(source: SourceRef | undefined, file: string, startLine: number, endLine: number): boolean {
  return !!source && source.file === file && source.line >= startLine && source.line <= endLine;
}

/** Millicores → `250m`, `1.5`. */
export function formatCpu(milli: number): string {
  if (milli === 0) return '0';
  if (milli % 1000 === 0) return String(milli / 1000);
  if (milli < 1000) return `${Math.round(milli)}m`;
  return String(Math.round(milli / 100) / 10);
}

/** Bytes → `512Mi`, `1.5Gi`. */
export function formatBytes(bytes: number): string {
  const units: Array<[string, number]> = [['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]];
  for (const [unit, size] of units) {
    if (bytes >= size) {
      const value = bytes / size;
      return `${value >= 10 || Number.isInteger(value) ? Math.round(value) : Math.round(value * 10) / 10}${unit}`;
    }
  }
  return String(bytes);
}

/** A fraction in [0, 1] (0 when the total is 0 or missing). */
export function fraction(used: number | undefined, total: number | undefined): number {
  if (!used || !total || total <= 0) return 0;
  return Math.max(0, Math.min(1, used / total));
}

/** A deterministic hash of a string, for picking a colour. */
export function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** Twelve colours readable on light and dark backgrounds, picked by workload. */
export const WORKLOAD_COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#e15759', '#86bcb6', '#d37295', '#8cd17d'];
export const QOS_COLORS: Record<string, string> = { Guaranteed: '#59a14f', Burstable: '#4e79a7', BestEffort: '#bab0ac' };
export const STATE_COLORS: Record<string, string> = { Running: '#59a14f', Pending: '#e15759', Succeeded: '#9c9c9c', Failed: '#b07aa1' };

/**
 * Colours for the workloads of a view (by workload key, see podWorkloads): assigned in sorted
 * order so that neighbours differ, stable for the same input.
 */
export function workloadColors(view: ClusterView, owners: Map<string, string> = podWorkloads(view)): Map<string, string> {
  const out = new Map<string, string>();
  const keys = [...new Set([...view.workloads.map(workloadKey), ...owners.values()])].sort();
  keys.forEach((key, i) => out.set(key, WORKLOAD_COLORS[i % WORKLOAD_COLORS.length]!));
  return out;
}
