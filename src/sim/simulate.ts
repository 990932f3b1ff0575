/**
 * @fileoverview The simulation's one entry point: manifests (and a cluster) in, ClusterView
 * out. Picks the nodes, expands the workloads into pods, schedules them in kube-scheduler's
 * queue order (priority, then creation order), wires Services, Ingresses, NetworkPolicies,
 * RBAC and storage, and, for what-if questions, replays the loss or drain of nodes.
 */
import type { Manifest } from '../core/source/parse';
import { isRecord, LineIndex, manifestHeadRange, type SourceFile } from '../core/source/parse';
import { stringRecord } from '../core/model/pod-template';
import { CLUSTER_VIEW_VERSION, type ClusterView, type NodeView, type PodView, type Resources, type SourceRef, type WhatIfView, type WorkloadView } from '../protocol/cluster-view';
import { clusterFromConfig, clusterFromK3d, defaultCluster, isK3dConfig, nodeFromManifest, roleOf, ZONE, type SimNode } from './cluster';
import { expandWorkloads, type SimPod } from './expand';
import { Scheduler } from './scheduler';
import { unboundImmediateClaims, wire } from './wiring';

export interface SimulateOptions {
  /** Manifests of a `--cluster FILE`: Node objects (a `List` too) or a k3d `kind: Simple` config. */
  clusterManifests?: readonly Manifest[];
  /** The `cluster:` section of `.kubeplan.yaml` (ResolvedConfig.cluster). */
  clusterConfig?: unknown;
  /** Where manifests without `metadata.namespace` land. */
  defaultNamespace?: string;
  /** The moment the CronJobs' next runs are computed from (no next runs without it). */
  now?: Date;
  /** What-if: nodes that disappear (their pods are recreated elsewhere when a controller owns them). */
  withoutNodes?: readonly string[];
  /** What-if: nodes drained (`kubectl drain`: cordoned, their pods but DaemonSet ones evicted). */
  cordon?: readonly string[];
  /** Replicas by `Kind/namespace/name` or bare name, over the manifests' and HPAs'. */
  replicasOverride?: Record<string, number>;
  /** The 1-based line of a manifest (see `lineResolver`); without it sources carry line 1. */
  lineOf?: (m: Manifest) => number;
}

/** A `lineOf` for manifests parsed from these files: the line of each manifest's `metadata.name`. */
export function lineResolver(files: readonly SourceFile[]): (m: Manifest) => number {
  const indexes = new Map<string, LineIndex>();
  const texts = new Map(files.map((f) => [f.path, f.text]));
  return (m) => {
    const text = texts.get(m.file);
    if (text === undefined) return 1;
    let index = indexes.get(m.file);
    if (!index) {
      index = new LineIndex(text);
      indexes.set(m.file, index);
    }
    return index.position(manifestHeadRange(m)[0]).line + 1;
  };
}

/** The nodes of the cluster, in order of precedence, and what could not be read. */
export function resolveNodes(manifests: readonly Manifest[], options: SimulateOptions, sourceOf: (m: Manifest) => SourceRef | undefined): { nodes: SimNode[]; problems: string[] } {
  const candidates = [...(options.clusterManifests ?? []), ...manifests];
  const nodeManifests = candidates.filter((m) => m.kind === 'Node' && m.apiVersion === 'v1');
  if (nodeManifests.length) return { nodes: nodeManifests.map((m) => nodeFromManifest(m, sourceOf(m))), problems: [] };
  if (options.clusterConfig !== undefined) {
    const { nodes, problems } = clusterFromConfig(options.clusterConfig);
    if (nodes.length) return { nodes, problems };
    return { nodes: defaultCluster(), problems: [...problems, 'cluster: no nodes described; using the default cluster'] };
  }
  const k3d = candidates.find(isK3dConfig);
  if (k3d) {
    const nodes = clusterFromK3d(k3d);
    for (const n of nodes) {
      const s = sourceOf(k3d);
      if (s) n.source = s;
    }
    return { nodes, problems: [] };
  }
  return { nodes: defaultCluster(), problems: [] };
}

interface RunState {
  nodes: SimNode[];
  pods: SimPod[];
  workloads: WorkloadView[];
  scheduler: Scheduler;
  /** Per pod: why it is Pending, the preemption part, victims, phase. */
  outcome: Map<SimPod, { reason?: string; preemption?: string; preempted?: string[]; failed?: boolean }>;
}

/** Simulates the manifests on the cluster. Pure and deterministic: the same input gives the same view. */
export function simulate(manifests: readonly Manifest[], options: SimulateOptions = {}): ClusterView {
  const lineOf = options.lineOf;
  const sourceOf = (m: Manifest): SourceRef => ({ file: m.file, line: lineOf ? lineOf(m) : 1 });
  const defaultNamespace = options.defaultNamespace ?? 'default';
  const { nodes: allNodes, problems } = resolveNodes(manifests, options, sourceOf);
  // Workloads of the --cluster file run already: they are scheduled first, the inputs after.
  const existing = (options.clusterManifests ?? []).filter((m) => m.kind !== 'Node' && !isK3dConfig(m));
  const workloadManifests = [...existing, ...manifests.filter((m) => m.kind !== 'Node')];

  const removed = new Set(options.withoutNodes ?? []);
  const drained = new Set(options.cordon ?? []);
  for (const name of [...removed, ...drained]) {
    if (!allNodes.some((n) => n.name === name)) problems.push(`no node named "${name}" in the cluster (nodes: ${allNodes.map((n) => n.name).join(', ')})`);
  }
  const whatIf = removed.size > 0 || drained.size > 0;

  const context: Context = { manifests: workloadManifests, existing: new Set(existing), defaultNamespace, options, sourceOf };
  const base = run(context, allNodes);
  let final = base;
  let whatIfView: WhatIfView | undefined;
  if (whatIf) {
    final = replay(context, base, removed, drained);
    whatIfView = diff(base, final, removed, drained);
  }
  const view = buildView(final, workloadManifests, context);
  if (whatIfView) {
    const before = new Set(base.pods.length ? buildServices(base, workloadManifests, context) : []);
    whatIfView.servicesWithoutEndpoints = view.services
      .filter((s) => s.type !== 'ExternalName' && Object.keys(s.selector).length > 0 && s.endpoints.length === 0 && before.has(`${s.namespace}/${s.name}`))
      .map((s) => `${s.namespace}/${s.name}`);
    view.whatIf = whatIfView;
  }
  if (problems.length) view.problems = problems;
  return view;
}

interface Context {
  manifests: readonly Manifest[];
  /** Manifests already running on the cluster (from the --cluster file). */
  existing: ReadonlySet<Manifest>;
  defaultNamespace: string;
  options: SimulateOptions;
  sourceOf(m: Manifest): SourceRef;
}

function schedulerInput(context: Context, nodes: SimNode[]): ConstructorParameters<typeof Scheduler>[0] {
  const namespaceLabels = new Map<string, Record<string, string>>();
  const serviceSelectors = new Map<string, Array<Record<string, string>>>();
  for (const m of context.manifests) {
    if (m.kind === 'Namespace') namespaceLabels.set(m.name, stringRecord(isRecord(m.object.metadata) ? m.object.metadata.labels : undefined));
    if (m.kind === 'Service' && isRecord(m.object.spec) && m.object.spec.type !== 'ExternalName') {
      const selector = stringRecord(m.object.spec.selector);
      if (Object.keys(selector).length === 0) continue;
      const ns = m.namespace ?? context.defaultNamespace;
      const list = serviceSelectors.get(ns);
      if (list) list.push(selector);
      else serviceSelectors.set(ns, [selector]);
    }
  }
  return { nodes, namespaceLabels, serviceSelectors, claims: claimKeys(context), unboundClaims: unboundImmediateClaims(context.manifests, context.defaultNamespace) };
}

/** `namespace/name` of the PersistentVolumeClaims among the inputs (StatefulSet claims are created with their pods). */
function claimKeys(context: Context): Set<string> {
  const keys = new Set<string>();
  for (const m of context.manifests) if (m.kind === 'PersistentVolumeClaim') keys.add(`${m.namespace ?? context.defaultNamespace}/${m.name}`);
  return keys;
}

/** Queue order: higher priority first, then creation order (PrioritySort). */
function queueOrder(pods: SimPod[]): SimPod[] {
  return [...pods].sort((a, b) => b.priority - a.priority || a.seq - b.seq);
}

function run(context: Context, nodes: SimNode[]): RunState {
  const { pods, workloads } = expandWorkloads(context.manifests, {
    defaultNamespace: context.defaultNamespace, nodes, now: context.options.now,
    replicasOverride: context.options.replicasOverride, sourceOf: context.sourceOf,
  });
  const scheduler = new Scheduler(schedulerInput(context, nodes));
  const state: RunState = { nodes, pods, workloads, scheduler, outcome: new Map() };
  const first = new Set(pods.filter((p) => p.manifest !== undefined && context.existing.has(p.manifest)));
  scheduleAll(state, queueOrder([...first]));
  scheduleAll(state, queueOrder(pods.filter((p) => !first.has(p))));
  return state;
}

/** Runs the queue: pods bound by name first (they skip the scheduler), then the rest; preempted pods are retried once. */
function scheduleAll(state: RunState, queue: SimPod[]): void {
  const { scheduler, outcome } = state;
  // Pods that name their node never wait in the scheduler's queue: the kubelet takes them at once.
  for (const pod of queue) if (pod.nodeName !== undefined) bindByName(state, pod);
  const byName = new Map(state.pods.map((p) => [`${p.workload}\u0000${p.name}`, p]));
  const attempt = (pod: SimPod): boolean => {
    const previous = orderedPredecessor(pod, byName);
    if (previous && !scheduler.placement.has(previous)) {
      // OrderedReady: the StatefulSet controller creates ordinal i once i-1 is Running and Ready.
      outcome.set(pod, { reason: `not created yet: the StatefulSet creates ${pod.name} once ${previous.name} is Running and Ready (podManagementPolicy: OrderedReady)` });
      return false;
    }
    const result = scheduler.schedule(pod);
    if (result.failure) {
      outcome.set(pod, { reason: result.failure.message, preemption: result.failure.preemption });
      return false;
    }
    const entry: { preempted?: string[] } = {};
    if (result.victims?.length) {
      entry.preempted = result.victims.map((v) => v.name);
      for (const v of result.victims) {
        // A controller recreates its pod, which queues again; a bare Pod is deleted for good.
        outcome.set(v, { reason: `Preempted by ${pod.namespace}/${pod.name}`, failed: v.owner.kind === 'Pod' });
        if (v.owner.kind !== 'Pod') pending.push(v);
      }
    }
    outcome.set(pod, entry);
    return true;
  };
  const pending: SimPod[] = [];
  for (const pod of queue) if (pod.nodeName === undefined && !attempt(pod)) pending.push(pod);
  // Unschedulable pods go back to the queue when the cluster changes (a pod bound that they have
  // affinity to, a victim recreated): retry, in queue order, until a pass places nothing.
  let placedSome = true;
  while (placedSome && pending.length) {
    placedSome = false;
    const round = queueOrder(pending.splice(0));
    for (const pod of round) {
      if (attempt(pod)) placedSome = true;
      else pending.push(pod);
    }
  }
}

/** The pod a StatefulSet with OrderedReady management waits for before creating this one. */
function orderedPredecessor(pod: SimPod, byName: Map<string, SimPod>): SimPod | undefined {
  if (pod.owner.kind !== 'StatefulSet') return undefined;
  const spec = pod.manifest && isRecord(pod.manifest.object.spec) ? pod.manifest.object.spec : {};
  if (spec.podManagementPolicy === 'Parallel') return undefined;
  const index = Number(pod.labels['apps.kubernetes.io/pod-index']);
  if (!(index > 0)) return undefined;
  return byName.get(`${pod.workload}\u0000${pod.owner.name}-${index - 1}`);
}

/** A pod with `spec.nodeName` goes straight to the kubelet, which admits it only if it fits. */
function bindByName(state: RunState, pod: SimPod): void {
  const info = state.scheduler.nodeInfo(pod.nodeName!);
  if (!info) {
    state.outcome.set(pod, { reason: `node "${pod.nodeName}" is not in the cluster: the pod stays Pending until a node with that name joins` });
    return;
  }
  const a = info.node.allocatable;
  const r = info.requested;
  const q = pod.requests;
  const short = q.cpu > a.cpu - r.cpu ? ['cpu', q.cpu, r.cpu, a.cpu] as const
    : q.memory > a.memory - r.memory ? ['memory', q.memory, r.memory, a.memory] as const : undefined;
  if (short) {
    const [name, requested, used, capacity] = short;
    state.outcome.set(pod, { failed: true, reason: `Pod was rejected: Node didn't have enough resource: ${name}, requested: ${requested}, used: ${used}, capacity: ${capacity}` });
    return;
  }
  state.scheduler.bind(pod, info);
  state.outcome.set(pod, {});
}

/** The what-if run: the base placement, then removed nodes vanish and drained ones are cordoned and emptied. */
function replay(context: Context, base: RunState, removed: Set<string>, drained: Set<string>): RunState {
  const nodes = base.nodes.filter((n) => !removed.has(n.name)).map((n) => {
    if (!drained.has(n.name)) return n;
    return { ...n, unschedulable: true, taints: [...n.taints, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' as const }] };
  });
  const scheduler = new Scheduler(schedulerInput(context, nodes));
  const state: RunState = { nodes, pods: [], workloads: base.workloads, scheduler, outcome: new Map() };
  const requeue: SimPod[] = [];
  for (const pod of base.pods) {
    const placed = base.scheduler.placement.get(pod);
    const where = placed?.node.name;
    if (where !== undefined && removed.has(where)) {
      // The node is gone: DaemonSet and bare pods go with it; others are recreated.
      if (pod.owner.kind === 'DaemonSet' || pod.owner.kind === 'Pod') continue;
      state.pods.push(pod);
      requeue.push(pod);
      continue;
    }
    if (where !== undefined && drained.has(where) && pod.owner.kind !== 'DaemonSet') {
      if (pod.owner.kind === 'Pod') continue; // drain --force deletes it for good
      state.pods.push(pod);
      requeue.push(pod);
      continue;
    }
    state.pods.push(pod);
    if (placed) {
      scheduler.bind(pod, scheduler.nodeInfo(placed.node.name)!);
      state.outcome.set(pod, base.outcome.get(pod) ?? {});
    } else {
      requeue.push(pod);
    }
  }
  scheduleAll(state, queueOrder(requeue));
  return state;
}

function diff(base: RunState, final: RunState, removed: Set<string>, drained: Set<string>): WhatIfView {
  const view: WhatIfView = { removedNodes: [...removed], cordonedNodes: [...drained], moved: [], newlyPending: [], servicesWithoutEndpoints: [], lost: [] };
  const finalPods = new Set(final.pods);
  for (const pod of base.pods) {
    const from = base.scheduler.placement.get(pod)?.node.name;
    if (!finalPods.has(pod)) {
      if (from !== undefined) view.lost!.push(pod.name);
      continue;
    }
    const to = final.scheduler.placement.get(pod)?.node.name;
    if (from !== undefined && to === undefined) view.newlyPending.push(pod.name);
    else if (from !== undefined && to !== undefined && from !== to) view.moved.push({ pod: pod.name, from, to });
  }
  return view;
}

function resources(cpu: number, memory: number, ephemeralStorage: number, extended: Record<string, number>, pods?: number): Resources {
  const r: Resources = { cpu, memory };
  if (ephemeralStorage) r.ephemeralStorage = ephemeralStorage;
  if (pods !== undefined) r.pods = pods;
  if (Object.keys(extended).length) r.extended = { ...extended };
  return r;
}

function buildServices(state: RunState, manifests: readonly Manifest[], context: Context): string[] {
  const view = wire(manifests, placedPods(state), context.defaultNamespace, context.sourceOf);
  return view.services.filter((s) => s.endpoints.length > 0).map((s) => `${s.namespace}/${s.name}`);
}

function placedPods(state: RunState): Array<{ pod: SimPod; node: string | null }> {
  return state.pods.map((pod) => ({ pod, node: state.scheduler.placement.get(pod)?.node.name ?? null }));
}

function buildView(state: RunState, manifests: readonly Manifest[], context: Context): ClusterView {
  const nodes: NodeView[] = state.scheduler.infos.map((info) => {
    const n = info.node;
    const view: NodeView = {
      name: n.name,
      role: roleOf(n),
      labels: { ...n.labels },
      taints: n.taints.map((t) => ({ ...t })),
      unschedulable: n.unschedulable,
      allocatable: resources(n.allocatable.cpu, n.allocatable.memory, n.allocatable.ephemeralStorage, n.allocatable.extended, n.allocatable.pods),
      requested: resources(info.requested.cpu, info.requested.memory, info.requested.ephemeralStorage, Object.fromEntries(Object.entries(info.requested.extended).filter(([, v]) => v !== 0)), info.pods.length),
      origin: n.origin,
    };
    if (n.labels[ZONE] !== undefined) view.zone = n.labels[ZONE];
    if (n.source) view.source = n.source;
    return view;
  });
  const pods: PodView[] = state.pods.map((pod) => {
    const node = state.scheduler.placement.get(pod)?.node.name ?? null;
    const outcome = state.outcome.get(pod) ?? {};
    const view: PodView = {
      name: pod.name,
      namespace: pod.namespace,
      owner: { ...pod.owner },
      node,
      phase: outcome.failed ? 'Failed' : node ? 'Running' : 'Pending',
      requests: resources(pod.requests.cpu, pod.requests.memory, pod.requests.ephemeralStorage, pod.requests.extended, 1),
      qos: pod.qos,
      labels: { ...pod.labels },
      priority: pod.priority,
    };
    if (!node && outcome.reason) view.reason = outcome.reason;
    if (!node && outcome.preemption) view.preemption = outcome.preemption;
    if (outcome.preempted?.length) view.preempted = outcome.preempted;
    if (pod.readinessUnknown) view.readinessUnknown = true;
    if (pod.source) view.source = pod.source;
    return view;
  });
  const live = new Set(state.pods.map((p) => `${p.workload}\u0000${p.name}`));
  const workloads = state.workloads.map((w) => ({ ...w, pods: w.pods.filter((name) => live.has(`${w.kind}/${w.namespace}/${w.name}\u0000${name}`)) }));
  const wired = wire(manifests, placedPods(state), context.defaultNamespace, context.sourceOf);
  return {
    version: CLUSTER_VIEW_VERSION,
    nodes,
    pods,
    workloads,
    services: wired.services,
    ingresses: wired.ingresses,
    traffic: wired.traffic,
    serviceAccounts: wired.serviceAccounts,
    volumes: wired.volumes,
    findings: [],
  };
}
