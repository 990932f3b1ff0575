/**
 * @fileoverview `kubeplan simulate`: schedules the manifests on a virtual cluster the way
 * kube-scheduler would and prints, per node, its allocation and pods, then the Pending pods
 * with kube-scheduler's reasons, the Services with their endpoints, the traffic that
 * NetworkPolicies deny and, for `--without-node`/`--cordon`, what moves. `--format json`
 * prints the ClusterView contract (docs/simulation.md).
 */
import { formatBytes, formatCpu } from '../../core/model/quantity';
import type { ClusterView, TrafficPeer } from '../../protocol/cluster-view';
import { EXIT, UserError } from '../errors';
import { runSimulation, SIMULATION_FLAGS } from '../simulation-input';
import type { Io } from '../io';
import { parseFlags } from './flags';
import type { Command } from './types';

const usage = `Usage: kubeplan simulate [paths...] [options]

Schedules the workloads of the manifests on a virtual cluster as kube-scheduler would, and
shows each node with its pods, the Pending pods and why, the Services with their endpoints
and the traffic NetworkPolicies deny.

The cluster comes from Node objects among the files or in --cluster FILE (as
\`kubectl get nodes -o yaml\` prints them, or a k3d config), else the \`cluster:\` section of
.kubeplan.yaml, else the default: one tainted control plane and three workers.

Options:
      --cluster <file>        Node objects (a List too) or a k3d config (kind: Simple); workloads
                              in it are taken as already running (scheduled before the inputs)
  -f, --format <name>         table (default) or json (the ClusterView contract)
      --without-node <name>   what if this node disappeared (repeatable)
      --cordon <name>         what if this node were drained: cordoned, its pods evicted (repeatable)
      --fail-on-pending       exit 1 when a pod would stay Pending
  -c, --config <file>         use this configuration file instead of the nearest .kubeplan.yaml
      --now <iso-date>        the moment CronJob next runs are computed from (default: now)
  -h, --help                  show this help

Exit codes: 0 done; 1 a pod would be Pending (with --fail-on-pending); 2 usage or input error.`;

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    ...SIMULATION_FLAGS,
    format: { type: 'string', short: 'f' },
    'fail-on-pending': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(`${usage}\n`);
    return EXIT.ok;
  }
  const format = (values.format as string | undefined) ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UserError(`--format: unknown format "${format}"; expected table or json`);
  const { view } = await runSimulation(io, positionals, values);
  for (const p of view.problems ?? []) io.stderr(`kubeplan simulate: ${p}\n`);
  io.stdout(format === 'json' ? `${JSON.stringify(view, null, 2)}\n` : renderTable(view));
  const pending = view.pods.some((p) => p.node === null && p.phase === 'Pending');
  return values['fail-on-pending'] && pending ? EXIT.findings : EXIT.ok;
}

function columns(rows: string[][], indent = ''): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => indent + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

function peer(p: TrafficPeer): string {
  if (p.kind === 'external') return 'outside';
  if (p.kind === 'dns') return 'cluster DNS';
  return `${p.workload.kind}/${p.workload.namespace ?? ''}/${p.workload.name}`;
}

/** The human table: nodes with their pods, Pending pods, Services, denied traffic, what-if. */
export function renderTable(view: ClusterView): string {
  const out: string[] = [];
  const byNode = new Map<string, ClusterView['pods']>();
  for (const p of view.pods) if (p.node) byNode.set(p.node, [...(byNode.get(p.node) ?? []), p]);
  const rows = [['NODE', 'ROLE', 'ZONE', 'CPU', 'MEMORY', 'PODS']];
  for (const n of view.nodes) {
    const flags = [n.unschedulable ? 'cordoned' : '', ...n.taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`)].filter(Boolean);
    rows.push([
      n.name + (flags.length ? ` (${flags.join(', ')})` : ''), n.role, n.zone ?? '-',
      `${formatCpu(n.requested.cpu)}/${formatCpu(n.allocatable.cpu)}`,
      `${formatBytes(n.requested.memory)}/${formatBytes(n.allocatable.memory)}`,
      `${n.requested.pods ?? 0}/${n.allocatable.pods ?? 0}`,
    ]);
  }
  out.push(columns(rows));
  for (const n of view.nodes) {
    const pods = byNode.get(n.name) ?? [];
    if (!pods.length) continue;
    out.push('', `${n.name}:`);
    out.push(columns(pods.map((p) => [`${p.namespace}/${p.name}`, `${p.owner.kind}/${p.owner.name}`, `cpu ${formatCpu(p.requests.cpu)}`, `mem ${formatBytes(p.requests.memory)}`, p.qos]), '  '));
  }
  const pending = view.pods.filter((p) => p.node === null);
  out.push('', pending.length ? `PENDING (${pending.length})` : 'PENDING: none');
  for (const p of pending) out.push(`  ${p.namespace}/${p.name} [${p.phase}]: ${p.reason ?? 'not scheduled'}${p.preemption ? ` ${p.preemption}` : ''}`);
  const preempting = view.pods.filter((p) => p.preempted?.length);
  for (const p of preempting) out.push(`  ${p.namespace}/${p.name} preempted ${p.preempted!.join(', ')}`);
  if (view.services.length) {
    out.push('', 'SERVICES');
    out.push(columns(view.services.map((s) => [
      `${s.namespace}/${s.name}`, s.type + (s.headless ? ' (headless)' : ''),
      s.type === 'ExternalName' ? `→ ${s.externalName ?? '?'}` : s.ports.map((p) => `${p.port}→${p.targetPort}${p.resolvedPort !== undefined && p.resolvedPort !== p.targetPort ? `(${p.resolvedPort})` : ''}/${p.protocol}${p.nodePort ? ` nodePort ${p.nodePort}` : ''}`).join(', '),
      s.type === 'ExternalName' ? '' : s.endpoints.length ? `${s.endpoints.length} endpoint(s): ${s.endpoints.join(', ')}` : 'NO ENDPOINTS',
    ]), '  '));
  }
  const cronJobs = view.workloads.filter((w) => w.schedule);
  if (cronJobs.length) {
    out.push('', 'CRONJOBS');
    for (const w of cronJobs) {
      const s = w.schedule!;
      const when = s.suspended ? 'suspended' : s.nextRuns.length ? `next: ${s.nextRuns.join(', ')}` : 'no next run';
      out.push(`  ${w.namespace}/${w.name} "${s.expression}"${s.description ? ` (${s.description}${s.timeZone ? `, ${s.timeZone}` : ''})` : ''}: ${when}`);
    }
  }
  const denied = view.traffic.filter((t) => !t.allowed);
  if (view.traffic.length) {
    out.push('', denied.length ? `DENIED TRAFFIC (${denied.length} of ${view.traffic.length} paths)` : `TRAFFIC: all ${view.traffic.length} paths allowed`);
    for (const t of denied) {
      const via = t.via ? ` via ${t.via.kind}/${t.via.name}` : '';
      out.push(`  ${peer(t.from)} → ${peer(t.to)} ${t.port}/${t.protocol}${via}: denied on ${(t.deniedBy ?? []).join(' and ')} (${t.policies.join(', ')})`);
    }
  }
  if (view.whatIf) {
    const w = view.whatIf;
    out.push('', `WHAT IF${w.removedNodes.length ? ` ${w.removedNodes.join(', ')} disappeared` : ''}${w.cordonedNodes.length ? `${w.removedNodes.length ? ' and' : ''} ${w.cordonedNodes.join(', ')} were drained` : ''}`);
    out.push(`  moved: ${w.moved.length ? w.moved.map((m) => `${m.pod} ${m.from} → ${m.to}`).join(', ') : 'none'}`);
    out.push(`  newly Pending: ${w.newlyPending.length ? w.newlyPending.join(', ') : 'none'}`);
    if (w.lost?.length) out.push(`  gone for good: ${w.lost.join(', ')}`);
    out.push(`  Services left without endpoints: ${w.servicesWithoutEndpoints.length ? w.servicesWithoutEndpoints.join(', ') : 'none'}`);
  }
  return `${out.join('\n')}\n`;
}

const simulateCommand: Command = {
  name: 'simulate',
  summary: 'schedule the manifests on a virtual cluster like kube-scheduler and show placements, Pending pods and traffic',
  usage,
  run,
};

export default simulateCommand;
