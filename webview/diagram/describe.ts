/**
 * @fileoverview The words shown on hover (SVG `<title>`), in the details panel and as the
 * accessible name of each element: plain text lines built from the simulation's data, never HTML.
 */
import type {
  IngressView, NodeView, PodView, ServiceAccountView, ServiceView, TrafficView, VolumeView, WorkloadView, WhatIfView,
} from '../../src/protocol/cluster-view';
import type { Translate } from './i18n';
import { formatBytes, formatCpu, type FindingCount } from './model';

const qualified = (namespace: string | undefined, name: string): string => (namespace ? `${namespace}/${name}` : name);

export function describeNode(t: Translate, name: string, node: NodeView | null, state: 'ready' | 'cordoned' | 'removed'): string[] {
  const lines = [`Node ${name}${state === 'ready' ? '' : ` (${t(state)})`}`];
  if (!node) return lines;
  lines.push(`${t('role')}: ${node.role}${node.zone ? ` · ${t('zone')}: ${node.zone}` : ''}`);
  lines.push(`${t('cpu')}: ${formatCpu(node.requested.cpu)} / ${formatCpu(node.allocatable.cpu)}`);
  lines.push(`${t('memory')}: ${formatBytes(node.requested.memory)} / ${formatBytes(node.allocatable.memory)}`);
  lines.push(`${t('pods')}: ${node.requested.pods ?? 0} / ${node.allocatable.pods ?? '?'}`);
  if (node.taints.length) lines.push(`${t('taints')}: ${node.taints.map(taintText).join(', ')}`);
  return lines;
}

export function taintText(taint: { key: string; value?: string; effect: string }): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}

export function describePod(t: Translate, pod: PodView, whatIf: WhatIfView | undefined): string[] {
  const lines = [`Pod ${qualified(pod.namespace, pod.name)}`];
  lines.push(`${t('owner')}: ${pod.owner.kind}/${pod.owner.name}`);
  lines.push(`${t('phase')}: ${pod.phase}${pod.node ? ` · ${t('node')}: ${pod.node}` : ''} · ${t('qos')}: ${pod.qos}`);
  lines.push(`${t('requests')}: ${t('cpu')} ${formatCpu(pod.requests.cpu)}, ${t('memory')} ${formatBytes(pod.requests.memory)}`);
  if (pod.priority) lines.push(`${t('priority')}: ${pod.priority}`);
  if (pod.reason) lines.push(`${t('reason')}: ${pod.reason}${pod.preemption ? ` ${pod.preemption}` : ''}`);
  if (pod.preempted?.length) lines.push(`${t('preempted')}: ${pod.preempted.join(', ')}`);
  if (pod.readinessUnknown) lines.push(t('readinessUnknown'));
  const moved = whatIf?.moved.find((m) => m.pod === pod.name);
  if (moved) lines.push(t('movedFrom', { node: moved.from }));
  if (whatIf?.newlyPending.includes(pod.name)) lines.push(t('newlyPending'));
  return lines;
}

export function describeService(t: Translate, s: ServiceView): string[] {
  const lines = [`Service ${qualified(s.namespace, s.name)} (${s.headless ? 'headless' : s.type})`];
  if (s.externalName) lines.push(`ExternalName: ${s.externalName}`);
  if (s.ports.length) {
    lines.push(`${t('ports')}: ${s.ports.map((p) => `${p.name ? `${p.name} ` : ''}${p.port}/${p.protocol} → ${p.targetPort}${p.resolvedPort !== undefined && p.resolvedPort !== p.targetPort ? ` (${p.resolvedPort})` : ''}${p.nodePort ? ` nodePort ${p.nodePort}` : ''}`).join(', ')}`);
  }
  const selector = Object.entries(s.selector).map(([k, v]) => `${k}=${v}`).join(', ');
  if (selector) lines.push(`selector: ${selector}`);
  lines.push(s.endpoints.length ? `${t('endpoints')}: ${s.endpoints.length} (${s.endpoints.slice(0, 8).join(', ')}${s.endpoints.length > 8 ? ', …' : ''})` : t('noEndpoints'));
  return lines;
}

export function describeIngress(t: Translate, ing: IngressView): string[] {
  const lines = [`Ingress ${qualified(ing.namespace, ing.name)}${ing.className ? ` (${ing.className})` : ''}`];
  for (const p of ing.paths) {
    lines.push(`${p.host ?? '*'}${p.path ?? '/'}${p.pathType ? ` [${p.pathType}]` : ''} → ${p.service}${p.port !== undefined ? `:${p.port}` : ''}${p.resolved ? '' : ` (${t('resolvedNo')})`}`);
  }
  if (ing.defaultBackend) lines.push(`default → ${ing.defaultBackend.service}${ing.defaultBackend.port !== undefined ? `:${ing.defaultBackend.port}` : ''}`);
  for (const tls of ing.tls) {
    lines.push(`TLS ${tls.hosts.join(', ')}${tls.secretName ? ` (${tls.secretName})` : ''}${tls.secretName && !tls.secretFound ? ` – ${t('tlsMissing', { name: tls.secretName })}` : ''}`);
  }
  return lines;
}

export function describeWorkload(t: Translate, w: WorkloadView): string[] {
  const lines = [`${w.kind} ${qualified(w.namespace, w.name)}`, `${t('replicas')}: ${w.replicas} · ${t('pods')}: ${w.pods.length}`];
  if (w.autoscaler) lines.push(t('autoscaler', { name: w.autoscaler.name, min: w.autoscaler.minReplicas, max: w.autoscaler.maxReplicas }));
  if (w.schedule) {
    lines.push(`schedule: ${w.schedule.expression}${w.schedule.description ? ` (${w.schedule.description})` : ''}${w.schedule.timeZone ? ` ${w.schedule.timeZone}` : ''}${w.schedule.suspended ? ` – ${t('suspended')}` : ''}`);
    if (w.schedule.nextRuns.length) lines.push(`${t('nextRuns')}: ${w.schedule.nextRuns.join(', ')}`);
  }
  return lines;
}

export function describeVolume(t: Translate, v: VolumeView): string[] {
  const lines = [`${v.kind} ${qualified(v.namespace, v.name)} · ${t('status')}: ${v.status}`];
  if (v.boundTo) lines.push(`${t('boundTo')}: ${v.boundTo}`);
  const extra = [v.storageClass && `storageClass ${v.storageClass}`, v.capacity !== undefined && formatBytes(v.capacity), v.accessModes?.join(',')].filter(Boolean);
  if (extra.length) lines.push(extra.join(' · '));
  if (v.reason) lines.push(`${t('reason')}: ${v.reason}`);
  if (v.usedBy.length) lines.push(`${t('usedBy')}: ${v.usedBy.slice(0, 8).join(', ')}${v.usedBy.length > 8 ? ', …' : ''}`);
  return lines;
}

export function describeAccount(t: Translate, sa: ServiceAccountView): string[] {
  const lines = [`ServiceAccount ${qualified(sa.namespace, sa.name)}`];
  if (!sa.defined) lines.push(t('notDefined'));
  if (sa.rules.length === 0) lines.push(t('noPermission'));
  for (const r of sa.rules.slice(0, 12)) {
    const groups = r.apiGroups.map((g) => g || 'core').join(',');
    lines.push(`${r.verbs.join(',')} ${r.resources.join(',')}${r.resourceNames?.length ? ` [${r.resourceNames.join(',')}]` : ''} (${groups}) @${r.scope} ← ${r.via}`);
  }
  if (sa.rules.length > 12) lines.push('…');
  if (sa.workloads.length) lines.push(`${t('runsAs')}: ${sa.workloads.map((w) => `${w.kind}/${w.name}`).join(', ')}`);
  return lines;
}

export function describeTraffic(t: Translate, entries: readonly TrafficView[]): string[] {
  const peer = (p: TrafficView['from']): string => (p.kind === 'workload' ? `${p.workload.kind}/${qualified(p.workload.namespace, p.workload.name)}` : p.kind === 'dns' ? t('dns') : t('external'));
  const first = entries[0]!;
  const lines = [`${peer(first.from)} → ${peer(first.to)}: ${first.allowed ? t('allowed') : t('denied')}`];
  for (const e of entries) {
    const via = e.via ? ` ${t('via')} ${e.via.kind}/${e.via.name}` : '';
    const sides = e.deniedBy?.length ? ` – ${t('deniedBy', { sides: e.deniedBy.map((s) => t(s)).join(' + ') })}` : '';
    const policies = e.policies.length ? ` – ${t('policies')}: ${e.policies.join(', ')}` : e.allowed ? ` – ${t('noPolicy')}` : '';
    lines.push(`${e.port}/${e.protocol}${via}${sides}${policies}`);
  }
  return lines;
}

export function describeFindings(t: Translate, count: FindingCount | undefined): string[] {
  if (!count) return [];
  const lines = [t('findings', { errors: count.errors, warnings: count.warnings })];
  for (const f of count.items.slice(0, 10)) lines.push(`${f.severity}: ${f.message} [${f.ruleId}]`);
  if (count.items.length > 10) lines.push('…');
  return lines;
}
