/**
 * @fileoverview One-line summaries of a ClusterView for the editor's CodeLens and the CLI:
 * where a workload's pods land (`3 pods → node-1, node-2 · 1 Pending`).
 */
import type { ClusterView, ObjectRef } from '../protocol/cluster-view';

/** `3 pods → node-1, node-2 · 1 Pending`; `no pods` when it has none; undefined when the workload is unknown. */
export function workloadSummary(view: ClusterView, ref: ObjectRef): string | undefined {
  const w = view.workloads.find((x) => x.kind === ref.kind && x.name === ref.name && (ref.namespace === undefined || x.namespace === ref.namespace));
  if (!w) return undefined;
  const names = new Set(w.pods);
  const pods = view.pods.filter((p) => names.has(p.name) && p.namespace === w.namespace);
  if (pods.length === 0) return w.kind === 'CronJob' && w.schedule?.suspended ? 'suspended: no pods' : 'no pods';
  const nodes: string[] = [];
  for (const p of pods) if (p.node && !nodes.includes(p.node)) nodes.push(p.node);
  const pending = pods.filter((p) => p.node === null && p.phase === 'Pending').length;
  const failed = pods.filter((p) => p.phase === 'Failed').length;
  const parts = [`${pods.length} pod${pods.length === 1 ? '' : 's'}${nodes.length ? ` → ${nodes.join(', ')}` : ''}`];
  if (pending) parts.push(`${pending} Pending`);
  if (failed) parts.push(`${failed} Failed`);
  return parts.join(' · ');
}
