/**
 * @fileoverview The virtual cluster's nodes, from (in order) Node manifests among the inputs
 * or a `--cluster` file, the `cluster:` section of `.kubeplan.yaml`, a k3d `kind: Simple`
 * config, or the documented default (one tainted control plane and three workers in three zones).
 */
import type { Manifest } from '../core/source/parse';
import { isRecord } from '../core/source/parse';
import { stringRecord } from '../core/model/pod-template';
import type { NodeView, SourceRef, Taint } from '../protocol/cluster-view';
import { cpuMilli, readResourceList, wholeUnits, type Req } from './resources';

export interface SimNode {
  name: string;
  labels: Record<string, string>;
  taints: Taint[];
  unschedulable: boolean;
  allocatable: Req & { pods: number };
  origin: NodeView['origin'];
  source?: SourceRef;
}

/** Where the nodes came from and what could not be read, for the adapters to show. */
export interface ClusterResult {
  nodes: SimNode[];
  origin: NodeView['origin'];
  problems: string[];
}

export const HOSTNAME = 'kubernetes.io/hostname';
export const ZONE = 'topology.kubernetes.io/zone';
export const REGION = 'topology.kubernetes.io/region';
export const CONTROL_PLANE_TAINT: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

const EFFECTS = new Set(['NoSchedule', 'PreferNoSchedule', 'NoExecute']);

/** Memory the kubelet keeps back by default (`--eviction-hard=memory.available<100Mi`). */
const EVICTION_RESERVE = 100 * 1024 * 1024;
const GI = 1024 * 1024 * 1024;

/** The documented default cluster: `control-plane` (2 CPU, 4Gi, tainted) and `node-1..3` (4 CPU, 8Gi) in zones a, b, c. */
export function defaultCluster(): SimNode[] {
  const node = (name: string, zone: string, cpu: number, memoryGi: number, controlPlane: boolean): SimNode => ({
    name,
    labels: {
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/os': 'linux',
      [HOSTNAME]: name,
      [REGION]: 'region-1',
      [ZONE]: zone,
      ...(controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
    },
    taints: controlPlane ? [{ ...CONTROL_PLANE_TAINT }] : [],
    unschedulable: false,
    allocatable: { cpu: cpu * 1000, memory: memoryGi * GI - EVICTION_RESERVE, ephemeralStorage: 50 * GI, pods: 110, extended: {} },
    origin: 'default',
  });
  return [
    node('control-plane', 'zone-a', 2, 4, true),
    node('node-1', 'zone-a', 4, 8, false),
    node('node-2', 'zone-b', 4, 8, false),
    node('node-3', 'zone-c', 4, 8, false),
  ];
}

/** A taint from `{key, value, effect}` or the kubectl form `key=value:Effect` / `key:Effect`. */
export function readTaint(raw: unknown): Taint | undefined {
  if (typeof raw === 'string') {
    const m = /^([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(raw.trim());
    if (!m) return undefined;
    const taint: Taint = { key: m[1]!, effect: m[3] as Taint['effect'] };
    if (m[2] !== undefined && m[2] !== '') taint.value = m[2];
    return taint;
  }
  if (!isRecord(raw) || typeof raw.key !== 'string' || !EFFECTS.has(String(raw.effect))) return undefined;
  const taint: Taint = { key: raw.key, effect: raw.effect as Taint['effect'] };
  if (raw.value !== undefined && raw.value !== null && raw.value !== '') taint.value = String(raw.value);
  return taint;
}

/** A Node object as `kubectl get node -o yaml` prints it. */
export function nodeFromManifest(m: Manifest, source?: SourceRef): SimNode {
  const o = m.object;
  const metadata = isRecord(o.metadata) ? o.metadata : {};
  const spec = isRecord(o.spec) ? o.spec : {};
  const status = isRecord(o.status) ? o.status : {};
  const list = isRecord(status.allocatable) ? status.allocatable : status.capacity;
  const { req } = readResourceList(list);
  const pods = isRecord(list) ? wholeUnits(list.pods) : undefined;
  const labels = stringRecord(metadata.labels);
  if (labels[HOSTNAME] === undefined) labels[HOSTNAME] = m.name;
  const taints = Array.isArray(spec.taints) ? spec.taints.map(readTaint).filter((t): t is Taint => !!t) : [];
  const node: SimNode = {
    name: m.name,
    labels,
    taints,
    unschedulable: spec.unschedulable === true,
    allocatable: { ...req, pods: pods ?? 110 },
    origin: 'manifest',
  };
  if (source) node.source = source;
  return node;
}

interface GroupSpec {
  name: string;
  count: number;
  cpu: number;
  memory: number;
  pods: number;
  ephemeralStorage: number;
  labels: Record<string, string>;
  taints: Taint[];
  zones: string[];
  controlPlane: boolean;
}

/**
 * The `cluster:` section of `.kubeplan.yaml`. Two shapes:
 * `{servers: 1, agents: 2, cpu: 4, memory: 8Gi}` (k3s style: servers carry the control-plane
 * role and, unless `taintServers: false`, its taint), or `{nodes: [{name, count, cpu, memory,
 * pods, labels, taints, zones, role}]}`; a group with `count > 1` names its nodes `name-1..n`.
 */
export function clusterFromConfig(raw: unknown): { nodes: SimNode[]; problems: string[] } {
  const problems: string[] = [];
  if (!isRecord(raw)) return { nodes: [], problems: ['cluster: expected a mapping'] };
  const groups: GroupSpec[] = [];
  const base = (r: Record<string, unknown>, where: string, name: string, controlPlane: boolean): GroupSpec => {
    const num = (key: string, parse: (v: unknown) => number | undefined, fallback: number): number => {
      if (r[key] === undefined) return fallback;
      const v = parse(r[key]);
      if (v === undefined || v < 0) {
        problems.push(`${where}.${key}: expected a quantity, got ${JSON.stringify(r[key])}`);
        return fallback;
      }
      return v;
    };
    const taints: Taint[] = [];
    if (Array.isArray(r.taints)) {
      r.taints.forEach((t, i) => {
        const taint = readTaint(t);
        if (taint) taints.push(taint);
        else problems.push(`${where}.taints[${i}]: expected key=value:Effect or {key, value, effect}`);
      });
    }
    const zones = Array.isArray(r.zones) ? r.zones.map(String) : typeof r.zone === 'string' ? [r.zone] : [];
    return {
      name: typeof r.name === 'string' && r.name ? r.name : name,
      count: num('count', (v) => (typeof v === 'number' && Number.isInteger(v) ? v : undefined), 1),
      cpu: num('cpu', cpuMilli, 4000),
      memory: num('memory', wholeUnits, 8 * GI - EVICTION_RESERVE),
      pods: num('pods', wholeUnits, 110),
      ephemeralStorage: num('ephemeralStorage', wholeUnits, 50 * GI),
      labels: stringRecord(r.labels),
      taints,
      zones,
      controlPlane: r.role === 'control-plane' || r.role === 'server' || controlPlane,
    };
  };
  if (Array.isArray(raw.nodes)) {
    raw.nodes.forEach((g, i) => {
      if (!isRecord(g)) problems.push(`cluster.nodes[${i}]: expected a mapping`);
      else groups.push(base(g, `cluster.nodes[${i}]`, `node`, false));
    });
  } else if (raw.servers !== undefined || raw.agents !== undefined) {
    const servers = base({ ...raw, count: raw.servers ?? 1, taints: raw.serverTaints ?? (raw.taintServers === false ? [] : ['node-role.kubernetes.io/control-plane:NoSchedule']) }, 'cluster', 'server', true);
    servers.name = 'server';
    const agents = base({ ...raw, count: raw.agents ?? 0, taints: raw.agentTaints ?? [] }, 'cluster', 'agent', false);
    agents.name = 'agent';
    groups.push(servers, agents);
  } else {
    problems.push('cluster: expected `nodes: [...]` or `servers:`/`agents:` counts');
  }
  const nodes: SimNode[] = [];
  for (const g of groups) {
    for (let i = 0; i < g.count; i++) {
      const name = g.count === 1 && !(raw.servers !== undefined || raw.agents !== undefined) ? g.name : `${g.name}-${i + (raw.servers !== undefined || raw.agents !== undefined ? 0 : 1)}`;
      const labels: Record<string, string> = { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/os': 'linux', [HOSTNAME]: name, ...g.labels };
      if (g.zones.length) labels[ZONE] = g.zones[i % g.zones.length]!;
      if (g.controlPlane) labels['node-role.kubernetes.io/control-plane'] = 'true';
      nodes.push({
        name, labels, taints: g.taints.map((t) => ({ ...t })), unschedulable: false,
        allocatable: { cpu: g.cpu, memory: g.memory, ephemeralStorage: g.ephemeralStorage, pods: g.pods, extended: {} },
        origin: 'config',
      });
    }
  }
  return { nodes, problems };
}

/**
 * A k3d config (`apiVersion: k3d.io/v1alpha*`, `kind: Simple`): `servers` and `agents` named
 * `k3d-<name>-server-<i>` / `k3d-<name>-agent-<i>`. As in k3s, servers are not tainted unless
 * a `--node-taint` k3s argument says so; node labels come from `options.k3s.nodeLabels`.
 */
export function clusterFromK3d(m: Manifest, size?: { cpu: number; memory: number }): SimNode[] {
  const o = m.object;
  const name = m.name || 'k3s-default';
  const count = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : fallback);
  const servers = count(o.servers, 1);
  const agents = count(o.agents, 0);
  const options = isRecord(o.options) && isRecord(o.options.k3s) ? o.options.k3s : {};
  const applies = (filters: unknown, role: 'server' | 'agent', index: number): boolean => {
    const list = Array.isArray(filters) ? filters.map(String) : [];
    return list.some((f) => {
      const m = /^(server|agent|all|loadbalancer)(?::(\*|\d+(?:,\d+)*))?/.exec(f);
      if (!m) return false;
      if (m[1] !== 'all' && m[1] !== role) return false;
      return !m[2] || m[2] === '*' || m[2].split(',').map(Number).includes(index);
    });
  };
  const nodes: SimNode[] = [];
  const make = (role: 'server' | 'agent', index: number): SimNode => {
    const nodeName = `k3d-${name}-${role}-${index}`;
    const labels: Record<string, string> = { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/os': 'linux', [HOSTNAME]: nodeName };
    if (role === 'server') {
      labels['node-role.kubernetes.io/control-plane'] = 'true';
      labels['node-role.kubernetes.io/master'] = 'true';
    }
    const taints: Taint[] = [];
    for (const arg of Array.isArray(options.extraArgs) ? options.extraArgs : []) {
      if (!isRecord(arg) || typeof arg.arg !== 'string' || !applies(arg.nodeFilters, role, index)) continue;
      const m = /^--node-taint[= ](.+)$/.exec(arg.arg);
      const taint = m ? readTaint(m[1]) : undefined;
      if (taint) taints.push(taint);
      const l = /^--node-label[= ]([^=]+)=(.*)$/.exec(arg.arg);
      if (l) labels[l[1]!] = l[2]!;
    }
    for (const label of Array.isArray(options.nodeLabels) ? options.nodeLabels : []) {
      if (!isRecord(label) || typeof label.label !== 'string' || !applies(label.nodeFilters, role, index)) continue;
      const [k, v = ''] = label.label.split('=');
      if (k) labels[k] = v;
    }
    return {
      name: nodeName, labels, taints, unschedulable: false,
      allocatable: { cpu: size?.cpu ?? 4000, memory: size?.memory ?? 8 * GI - EVICTION_RESERVE, ephemeralStorage: 50 * GI, pods: 110, extended: {} },
      origin: 'k3d',
    };
  };
  for (let i = 0; i < servers; i++) nodes.push(make('server', i));
  for (let i = 0; i < agents; i++) nodes.push(make('agent', i));
  return nodes;
}

/** True for a k3d cluster config. */
export function isK3dConfig(m: Manifest): boolean {
  return m.kind === 'Simple' && m.apiVersion.startsWith('k3d.io/');
}

/** `control-plane` when a node-role label says so, else `worker`. */
export function roleOf(node: SimNode): string {
  const l = node.labels;
  if ('node-role.kubernetes.io/control-plane' in l || 'node-role.kubernetes.io/master' in l) return 'control-plane';
  return 'worker';
}
