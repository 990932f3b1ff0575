/**
 * @fileoverview A deterministic kube-scheduler: the default plugins' filters (NodeUnschedulable,
 * TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit, PodTopologySpread,
 * InterPodAffinity), their scores with the default weights, the share of nodes kube-scheduler
 * looks at on large clusters, DefaultPreemption, and the FailedScheduling message in
 * kube-scheduler's own words. Ties between equally scored nodes go to the first node name.
 */
import { isRecord } from '../core/source/parse';
import { stringRecord } from '../core/model/pod-template';
import { labelSelectorMatcher, matchesLabelSelector } from '../core/model/selector';
import type { Taint } from '../protocol/cluster-view';
import { HOSTNAME, REGION, ZONE, type SimNode } from './cluster';
import type { HostPort, SimPod } from './expand';
import { firstUntolerated, nodeMatchesPodAffinity, preferredNodeAffinityScore, tolerates, type Toleration } from './predicates';
import { emptyReq, type Req } from './resources';

const MAX_NODE_SCORE = 100;
/** Default plugin weights (kube-scheduler's `getDefaultPlugins`). */
const WEIGHTS = { taintToleration: 3, nodeAffinity: 2, resourcesFit: 1, topologySpread: 2, interPodAffinity: 2, balanced: 1 };
const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export const MSG = {
  unschedulable: 'node(s) were unschedulable',
  nodeName: "node(s) didn't match the requested node name",
  nodeAffinity: "node(s) didn't match Pod's node affinity/selector",
  nodePorts: "node(s) didn't have free ports for the requested pod ports",
  tooManyPods: 'Too many pods',
  spread: "node(s) didn't match pod topology spread constraints",
  spreadLabel: "node(s) didn't match pod topology spread constraints (missing required label)",
  affinity: "node(s) didn't match pod affinity rules",
  antiAffinity: "node(s) didn't match pod anti-affinity rules",
  existingAntiAffinity: "node(s) didn't satisfy existing pods anti-affinity rules",
  prefilterNodeAffinity: "node(s) didn't satisfy plugin(s) [NodeAffinity]",
  noVictims: 'No preemption victims found for incoming pod',
  notHelpful: 'Preemption is not helpful for scheduling',
} as const;

export function untoleratedTaintMessage(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
}

interface NodeInfo {
  node: SimNode;
  index: number;
  /** NoSchedule and NoExecute taints (the filters' concern). */
  hardTaints: Taint[];
  /** PreferNoSchedule taints (the score's concern). */
  softTaints: Taint[];
  /** Schedulable and without NoSchedule/NoExecute taints: only resources and pod-level rules can refuse a pod. */
  plain: boolean;
  requested: Req;
  nonZeroCpu: number;
  nonZeroMemory: number;
  pods: SimPod[];
}

/** A filter's verdict on one node: its reasons, and whether preemption could help. */
interface Status {
  reasons: string[];
  unresolvable: boolean;
}

interface AffinityTerm {
  selector: unknown;
  namespaces: string[];
  namespaceSelector: unknown;
  topologyKey: string;
  /** The namespace of the pod that owns the term (the default when neither namespaces nor a selector is set). */
  ownerNamespace: string;
  weight: number;
}

interface SpreadConstraint {
  /** The counter of matching pods, attached on first use. */
  counter?: SelectorCounter;
  maxSkew: number;
  topologyKey: string;
  doNotSchedule: boolean;
  selector: unknown;
  minDomains: number;
  honorAffinity: boolean;
  honorTaints: boolean;
}

/** What kube-scheduler says about a pod it could not place. */
export interface FitFailure {
  /** `0/4 nodes are available: …` */
  message: string;
  /** `preemption: 0/4 nodes are available: …` (DefaultPreemption's part of the event). */
  preemption: string;
}

export interface ScheduleResult {
  node?: string;
  failure?: FitFailure;
  /** Pods evicted to make room. */
  victims?: SimPod[];
}

/** Parsed, per-pod scheduling terms (computed once per pod). */
interface PodTerms {
  requiredAffinity: AffinityTerm[];
  requiredAntiAffinity: AffinityTerm[];
  preferredAffinity: AffinityTerm[];
  preferredAntiAffinity: AffinityTerm[];
  spread: SpreadConstraint[];
  /** True when the constraints are the system defaults (hostname 3, zone 5, ScheduleAnyway). */
  systemDefaultSpread: boolean;
  /** The ScheduleAnyway constraints (scored, not filtered). */
  soft: SpreadConstraint[];
}

/** A selector compiled to a predicate, with a cache key. */
function selectorKey(namespace: string, selector: unknown): string {
  return `${namespace}\u0000${JSON.stringify(selector)}`;
}

/** Counts, per node, the bound pods of a namespace matching a selector (kept current on bind/unbind). */
class SelectorCounter {
  readonly perNode: Int32Array;
  /** Counts per domain of a topology key, kept current like `perNode`. */
  readonly perDomainOf = new Map<string, { domains: Domains; counts: Int32Array }>();
  private readonly test: (labels: Record<string, string>) => boolean;
  constructor(readonly namespace: string, readonly selector: unknown, nodes: number) {
    this.perNode = new Int32Array(nodes);
    this.test = labelSelectorMatcher(selector);
  }
  matches(pod: SimPod): boolean {
    return pod.namespace === this.namespace && this.test(pod.labels);
  }
  add(index: number, delta: number): void {
    this.perNode[index]! += delta;
    for (const { domains, counts } of this.perDomainOf.values()) {
      const id = domains.of[index]!;
      if (id >= 0) counts[id]! += delta;
    }
  }
  perDomain(key: string, domains: Domains, infos: NodeInfo[]): Int32Array {
    let entry = this.perDomainOf.get(key);
    if (!entry) {
      const counts = new Int32Array(domains.count);
      for (const info of infos) {
        const id = domains.of[info.index]!;
        if (id >= 0) counts[id]! += this.perNode[info.index]!;
      }
      entry = { domains, counts };
      this.perDomainOf.set(key, entry);
    }
    return entry.counts;
  }
}

interface Domains {
  of: Int32Array;
  count: number;
  /** True when every node has the key. */
  everywhere: boolean;
  /** Scratch marks for one pod's pass (compared with `generation`). */
  stamp: Int32Array;
  generation: number;
}

export interface SchedulerInput {
  nodes: SimNode[];
  /** Namespace labels (Namespace objects among the inputs), for namespaceSelector. */
  namespaceLabels: Map<string, Record<string, string>>;
  /** Map selectors of the Services, by namespace: part of the default spreading selector. */
  serviceSelectors: Map<string, Array<Record<string, string>>>;
  /** Claims that exist (`namespace/name`): PersistentVolumeClaims among the inputs and those of StatefulSets. */
  claims?: ReadonlySet<string>;
  /** Claims no volume can bind and whose class binds immediately (`namespace/name`). */
  unboundClaims?: ReadonlySet<string>;
}

export class Scheduler {
  readonly infos: NodeInfo[];
  private readonly byName = new Map<string, NodeInfo>();
  private readonly infoOf = new Map<SimNode, NodeInfo>();
  /** kube-scheduler's node tree order: zones round-robin. */
  private readonly order: NodeInfo[];
  private nextStart = 0;
  private readonly counters = new Map<string, SelectorCounter>();
  private readonly countersByNamespace = new Map<string, SelectorCounter[]>();
  private readonly terms = new WeakMap<SimPod, PodTerms>();
  private readonly sharedTerms = new Map<string, PodTerms>();
  private readonly domainCache = new Map<string, Domains>();
  /** Buffers reused from pod to pod (the scheduler runs one pod at a time). */
  private readonly totalScratch: Float64Array;
  private readonly rawScratch: Float64Array;
  private readonly ignoredScratch: Uint8Array;
  private readonly feasibleIdx: Int32Array;
  /** Node index → its position among the feasible nodes of the pod being scored (-1 otherwise). */
  private readonly positionScratch: Int32Array;
  private readonly ipaScratch: Float64Array;
  /** Per-node numbers the filters and scores read for every pod, in typed arrays (contiguous, cache-friendly). */
  private readonly hot: {
    allocCpu: Float64Array; allocMem: Float64Array; allocEph: Float64Array; allocPods: Float64Array;
    reqCpu: Float64Array; reqMem: Float64Array; reqEph: Float64Array; podCount: Float64Array;
    nzCpu: Float64Array; nzMem: Float64Array; plain: Uint8Array; nameRank: Int32Array; order: Int32Array;
  };
  private readonly podsByNamespace = new Map<string, Set<SimPod>>();
  /** True when some node has a PreferNoSchedule taint (else TaintToleration scores every node alike). */
  private readonly anySoftTaint: boolean;
  /** Bound pods with required anti-affinity / any affinity terms (for the existing-pods checks and scores). */
  private readonly withAntiAffinity = new Set<SimPod>();
  private readonly withAffinity = new Set<SimPod>();
  /** Bound pods with affinity terms, grouped by their (shared) terms: how many per node. */
  private readonly affinityGroups = new Map<PodTerms, { terms: PodTerms; perNode: Map<NodeInfo, number> }>();
  /** The groups by the namespace their terms can select (`*`: several or by selector). */
  private readonly affinityGroupsByNamespace = new Map<string, Set<{ terms: PodTerms; perNode: Map<NodeInfo, number> }>>();
  readonly placement = new Map<SimPod, NodeInfo>();

  constructor(private readonly input: SchedulerInput) {
    this.infos = input.nodes.map((node, index) => ({
      node, index, requested: emptyReq(), nonZeroCpu: 0, nonZeroMemory: 0, pods: [],
      hardTaints: node.taints.filter((t) => t.effect !== 'PreferNoSchedule'),
      softTaints: node.taints.filter((t) => t.effect === 'PreferNoSchedule'),
      plain: !node.unschedulable && !node.taints.some((t) => t.effect !== 'PreferNoSchedule'),
    }));
    for (const info of this.infos) this.infoOf.set(info.node, info);
    this.anySoftTaint = this.infos.some((i) => i.softTaints.length > 0);
    this.totalScratch = new Float64Array(this.infos.length);
    this.rawScratch = new Float64Array(this.infos.length);
    this.ignoredScratch = new Uint8Array(this.infos.length);
    this.feasibleIdx = new Int32Array(this.infos.length);
    this.positionScratch = new Int32Array(this.infos.length).fill(-1);
    this.ipaScratch = new Float64Array(this.infos.length);
    const count = this.infos.length;
    const f = (): Float64Array => new Float64Array(count);
    this.hot = {
      allocCpu: f(), allocMem: f(), allocEph: f(), allocPods: f(), reqCpu: f(), reqMem: f(), reqEph: f(), podCount: f(),
      nzCpu: f(), nzMem: f(), plain: new Uint8Array(count), nameRank: new Int32Array(count), order: new Int32Array(count),
    };
    for (const info of this.infos) {
      const a = info.node.allocatable;
      const i = info.index;
      this.hot.allocCpu[i] = a.cpu;
      this.hot.allocMem[i] = a.memory;
      this.hot.allocEph[i] = a.ephemeralStorage;
      this.hot.allocPods[i] = a.pods;
      this.hot.plain[i] = info.plain ? 1 : 0;
    }
    [...this.infos].sort((a, b) => (a.node.name < b.node.name ? -1 : a.node.name > b.node.name ? 1 : 0)).forEach((info, rank) => { this.hot.nameRank[info.index] = rank; });
    nodeTreeOrder(this.infos).forEach((info, k) => { this.hot.order[k] = info.index; });
    for (const info of this.infos) this.byName.set(info.node.name, info);
    this.order = nodeTreeOrder(this.infos);
  }

  nodeInfo(name: string): NodeInfo | undefined {
    return this.byName.get(name);
  }

  // ---------------------------------------------------------------- state

  bind(pod: SimPod, info: NodeInfo): void {
    info.pods.push(pod);
    const r = info.requested;
    r.cpu += pod.requests.cpu;
    r.memory += pod.requests.memory;
    r.ephemeralStorage += pod.requests.ephemeralStorage;
    for (const k of pod.extendedNames) r.extended[k] = (r.extended[k] ?? 0) + pod.requests.extended[k]!;
    info.nonZeroCpu += pod.nonZero.cpu;
    info.nonZeroMemory += pod.nonZero.memory;
    this.syncHot(info);
    for (const c of this.countersByNamespace.get(pod.namespace) ?? []) if (c.matches(pod)) c.add(info.index, 1);
    let inNamespace = this.podsByNamespace.get(pod.namespace);
    if (!inNamespace) this.podsByNamespace.set(pod.namespace, (inNamespace = new Set()));
    inNamespace.add(pod);
    const t = this.termsOf(pod);
    if (t.requiredAntiAffinity.length) this.withAntiAffinity.add(pod);
    if (t.requiredAffinity.length || t.preferredAffinity.length || t.preferredAntiAffinity.length) {
      this.withAffinity.add(pod);
      let group = this.affinityGroups.get(t);
      if (!group) {
        group = { terms: t, perNode: new Map() };
        this.affinityGroups.set(t, group);
        const all = [...t.requiredAffinity, ...t.preferredAffinity, ...t.preferredAntiAffinity];
        const local = all.every((x) => x.namespaces.length === 0 && x.namespaceSelector === undefined);
        const key = local ? pod.namespace : '*';
        let set = this.affinityGroupsByNamespace.get(key);
        if (!set) this.affinityGroupsByNamespace.set(key, (set = new Set()));
        set.add(group);
      }
      group.perNode.set(info, (group.perNode.get(info) ?? 0) + 1);
    }
    this.placement.set(pod, info);
  }

  private syncHot(info: NodeInfo): void {
    const i = info.index;
    this.hot.reqCpu[i] = info.requested.cpu;
    this.hot.reqMem[i] = info.requested.memory;
    this.hot.reqEph[i] = info.requested.ephemeralStorage;
    this.hot.podCount[i] = info.pods.length;
    this.hot.nzCpu[i] = info.nonZeroCpu;
    this.hot.nzMem[i] = info.nonZeroMemory;
  }

  /** NodeResourcesFit's Filter on the typed arrays (no allocation); `insufficientResources` says why when it fails. */
  private fits(pod: SimPod, i: number): boolean {
    const h = this.hot;
    const q = pod.requests;
    if (h.podCount[i]! + 1 > h.allocPods[i]!) return false;
    if (q.cpu > 0 && q.cpu > h.allocCpu[i]! - h.reqCpu[i]!) return false;
    if (q.memory > 0 && q.memory > h.allocMem[i]! - h.reqMem[i]!) return false;
    if (q.ephemeralStorage > 0 && q.ephemeralStorage > h.allocEph[i]! - h.reqEph[i]!) return false;
    if (pod.extendedNames.length) {
      const info = this.infos[i]!;
      for (const name of pod.extendedNames) {
        const v = q.extended[name]!;
        if (v > 0 && v > (info.node.allocatable.extended[name] ?? 0) - (info.requested.extended[name] ?? 0)) return false;
      }
    }
    return true;
  }

  unbind(pod: SimPod): void {
    const info = this.placement.get(pod);
    if (!info) return;
    info.pods.splice(info.pods.indexOf(pod), 1);
    const r = info.requested;
    r.cpu -= pod.requests.cpu;
    r.memory -= pod.requests.memory;
    r.ephemeralStorage -= pod.requests.ephemeralStorage;
    for (const k of pod.extendedNames) r.extended[k] = (r.extended[k] ?? 0) - pod.requests.extended[k]!;
    info.nonZeroCpu -= pod.nonZero.cpu;
    info.nonZeroMemory -= pod.nonZero.memory;
    this.syncHot(info);
    for (const c of this.countersByNamespace.get(pod.namespace) ?? []) if (c.matches(pod)) c.add(info.index, -1);
    this.podsByNamespace.get(pod.namespace)?.delete(pod);
    this.withAntiAffinity.delete(pod);
    if (this.withAffinity.delete(pod)) {
      const group = this.affinityGroups.get(this.termsOf(pod))!;
      const n = (group.perNode.get(info) ?? 0) - 1;
      if (n > 0) group.perNode.set(info, n);
      else group.perNode.delete(info);
    }
    this.placement.delete(pod);
  }

  private counterOf(pod: SimPod, c: SpreadConstraint): SelectorCounter {
    return (c.counter ??= this.counter(pod.namespace, c.selector));
  }

  private counter(namespace: string, selector: unknown): SelectorCounter {
    const key = selectorKey(namespace, selector);
    let c = this.counters.get(key);
    if (!c) {
      c = new SelectorCounter(namespace, selector, this.infos.length);
      for (const p of this.podsByNamespace.get(namespace) ?? []) if (c.matches(p)) c.perNode[this.placement.get(p)!.index]!++;
      this.counters.set(key, c);
      const list = this.countersByNamespace.get(namespace);
      if (list) list.push(c);
      else this.countersByNamespace.set(namespace, [c]);
    }
    return c;
  }

  // ---------------------------------------------------------------- terms

  private termsOf(pod: SimPod): PodTerms {
    let t = this.terms.get(pod);
    if (!t) {
      // Pods of one controller share labels and spec, hence terms (StatefulSet pods differ by their pod-name label).
      const shared = pod.owner.kind !== 'StatefulSet' && pod.owner.kind !== 'Pod' ? `${pod.workload}\u0000${pod.owner.name}` : undefined;
      t = shared !== undefined ? this.sharedTerms.get(shared) : undefined;
      if (!t) {
        t = parseTerms(pod, this.input.serviceSelectors);
        if (shared !== undefined) this.sharedTerms.set(shared, t);
      }
      this.terms.set(pod, t);
    }
    return t;
  }

  private termMatches(term: AffinityTerm, pod: SimPod): boolean {
    if (term.namespaces.length || term.namespaceSelector !== undefined) {
      const inList = term.namespaces.includes(pod.namespace);
      const bySelector = term.namespaceSelector !== undefined && matchesLabelSelector(this.namespaceLabels(pod.namespace), term.namespaceSelector);
      if (!inList && !bySelector) return false;
    } else if (pod.namespace !== term.ownerNamespace) {
      return false;
    }
    return matchesLabelSelector(pod.labels, term.selector);
  }

  private namespaceLabels(namespace: string): Record<string, string> {
    return { ...(this.input.namespaceLabels.get(namespace) ?? {}), 'kubernetes.io/metadata.name': namespace };
  }

  // ---------------------------------------------------------------- scheduling

  /** Schedules one pod: binds it and returns its node, or returns why it cannot run. */
  schedule(pod: SimPod): ScheduleResult {
    const all = this.order;
    if (all.length === 0) return { failure: { message: 'no nodes available to schedule pods', preemption: '' } };
    // VolumeBinding's PreFilter: a claim that does not exist stops the pod before any node is looked at.
    const ownClaim = (c: string): boolean => pod.owner.kind === 'StatefulSet' && c.endsWith(`-${pod.name}`);
    const missing = this.input.claims ? pod.claims.find((c) => !ownClaim(c) && !this.input.claims!.has(`${pod.namespace}/${c}`)) : undefined;
    if (missing !== undefined) {
      return {
        failure: {
          message: `0/${all.length} nodes are available: persistentvolumeclaim "${missing}" not found.`,
          // As clusters report it: preemption looks at every node and finds nothing to evict.
          preemption: `preemption: ${fitMessage(all.length, Array(all.length).fill(MSG.noVictims))}`,
        },
      };
    }
    if (this.input.unboundClaims?.size && pod.claims.some((c) => this.input.unboundClaims!.has(`${pod.namespace}/${c}`))) {
      return {
        failure: {
          message: `0/${all.length} nodes are available: pod has unbound immediate PersistentVolumeClaims.`,
          preemption: `preemption: ${fitMessage(all.length, Array(all.length).fill(MSG.notHelpful))}`,
        },
      };
    }
    let nodes = all;
    const absent: string[] = [];
    if (pod.daemonSetNode !== undefined) {
      // NodeAffinity's PreFilter narrows a DaemonSet pod to its node.
      nodes = all.filter((i) => i.node.name === pod.daemonSetNode);
      if (all.length > nodes.length) absent.push(...Array(all.length - nodes.length).fill(MSG.prefilterNodeAffinity));
    }
    const pre = this.preFilter(pod);
    const statuses = new Map<NodeInfo, Status>();
    const toFind = numFeasibleNodesToFind(nodes.length);
    let processed = 0;
    // A pod with no ports, no node or pod affinity, no hard spread constraint and no existing
    // anti-affinity aimed at it can only fail NodeResourcesFit on an untainted schedulable node.
    const t = pre.terms;
    const simple = pod.nodeName === undefined && pod.hostPorts.length === 0 && !pod.hasNodeAffinity && pod.daemonSetNode === undefined
      && pre.spread.length === 0 && t.requiredAffinity.length === 0 && t.requiredAntiAffinity.length === 0 && pre.existingAntiAffinity.size === 0;
    const feasible = this.feasibleIdx;
    let nf = 0;
    const plain = this.hot.plain;
    const order = nodes === all ? this.hot.order : Int32Array.from(nodes, (i) => i.index);
    const count = order.length;
    for (let i = 0; i < count && nf < toFind; i++) {
      const idx = order[(this.nextStart + i) % count]!;
      processed++;
      if (simple && plain[idx]) {
        if (this.fits(pod, idx)) feasible[nf++] = idx;
        else statuses.set(this.infos[idx]!, { reasons: insufficientResources(pod, this.infos[idx]!), unresolvable: false });
        continue;
      }
      const info = this.infos[idx]!;
      const status = this.filter(pod, info, pre);
      if (status) statuses.set(info, status);
      else feasible[nf++] = idx;
    }
    this.nextStart = all.length ? (this.nextStart + processed) % all.length : 0;
    if (nf === 0) {
      const preemption = this.preempt(pod, statuses, all.length, absent.length);
      if (preemption.node) return preemption;
      const reasons: string[] = [...absent];
      for (const s of statuses.values()) reasons.push(...s.reasons);
      return { failure: { message: fitMessage(all.length, reasons), preemption: preemption.message! } };
    }
    const best = this.infos[nf === 1 ? feasible[0]! : this.pickBest(pod, feasible.subarray(0, nf), pre)]!;
    this.bind(pod, best);
    return { node: best.node.name };
  }

  /** Everything a pod's filters need that depends on the whole cluster (PreFilter). */
  private preFilter(pod: SimPod): PreFilterState {
    const t = this.termsOf(pod);
    const needsCounts = t.requiredAffinity.length > 0 || t.requiredAntiAffinity.length > 0;
    const state: PreFilterState = {
      terms: t,
      affinityCounts: needsCounts ? new Map() : EMPTY_COUNTS,
      antiAffinityCounts: needsCounts ? new Map() : EMPTY_COUNTS,
      existingAntiAffinity: this.withAntiAffinity.size ? new Map() : EMPTY_COUNTS,
      spread: [],
    };
    if (t.requiredAffinity.length || t.requiredAntiAffinity.length) {
      for (const info of this.infos) {
        for (const existing of info.pods) {
          if (t.requiredAffinity.length && t.requiredAffinity.every((term) => this.termMatches(term, existing))) {
            for (const term of t.requiredAffinity) bump(state.affinityCounts, term.topologyKey, info.node.labels[term.topologyKey]);
          }
          for (const term of t.requiredAntiAffinity) {
            if (this.termMatches(term, existing)) bump(state.antiAffinityCounts, term.topologyKey, info.node.labels[term.topologyKey]);
          }
        }
      }
    }
    for (const existing of this.withAntiAffinity) {
      const info = this.placement.get(existing)!;
      for (const term of this.termsOf(existing).requiredAntiAffinity) {
        if (this.termMatches(term, pod)) bump(state.existingAntiAffinity, term.topologyKey, info.node.labels[term.topologyKey]);
      }
    }
    for (const c of t.spread) {
      if (!c.doNotSchedule) continue;
      const counter = this.counterOf(pod, c);
      const domains = new Map<string, number>();
      for (const info of this.infos) {
        if (!this.countsForSpread(pod, c, info.node, t.spread)) continue;
        const value = info.node.labels[c.topologyKey]!;
        domains.set(value, (domains.get(value) ?? 0) + counter.perNode[info.index]!);
      }
      let min = domains.size ? Math.min(...domains.values()) : 0;
      if (domains.size < c.minDomains) min = 0;
      state.spread.push({ constraint: c, domains, min, selfMatch: matchesLabelSelector(pod.labels, c.selector) ? 1 : 0 });
    }
    return state;
  }

  /** Whether a node takes part in a spread constraint's counting (nodeAffinityPolicy/nodeTaintsPolicy, all keys present). */
  private countsForSpread(pod: SimPod, c: SpreadConstraint, node: SimNode, all: SpreadConstraint[]): boolean {
    for (const x of all) if (node.labels[x.topologyKey] === undefined) return false;
    if (c.honorAffinity && !this.matchesNodeAffinity(pod, node)) return false;
    if (c.honorTaints && firstUntolerated(pod.tolerations, this.infoOf.get(node)!.hardTaints)) return false;
    return true;
  }

  private matchesNodeAffinity(pod: SimPod, node: SimNode): boolean {
    if (pod.daemonSetNode !== undefined && pod.daemonSetNode !== node.name) return false;
    if (!pod.hasNodeAffinity) return true;
    return nodeMatchesPodAffinity(pod.spec, node);
  }

  /** Runs the filters in kube-scheduler's order; the first that fails decides the node's status. */
  private filter(pod: SimPod, info: NodeInfo, pre: PreFilterState): Status | null {
    const node = info.node;
    // NodeUnschedulable
    if (node.unschedulable && !pod.tolerations.some((t) => tolerates(t, UNSCHEDULABLE_TAINT))) return { reasons: [MSG.unschedulable], unresolvable: true };
    // NodeName
    if (pod.nodeName !== undefined && pod.nodeName !== node.name) return { reasons: [MSG.nodeName], unresolvable: true };
    // TaintToleration
    const taint = info.hardTaints.length ? firstUntolerated(pod.tolerations, info.hardTaints) : undefined;
    if (taint) return { reasons: [untoleratedTaintMessage(taint)], unresolvable: true };
    // NodeAffinity
    if (!this.matchesNodeAffinity(pod, node)) return { reasons: [MSG.nodeAffinity], unresolvable: true };
    // NodePorts
    if (pod.hostPorts.length && portsConflict(pod.hostPorts, info.pods)) return { reasons: [MSG.nodePorts], unresolvable: false };
    // NodeResourcesFit
    if (!this.fits(pod, info.index)) return { reasons: insufficientResources(pod, info), unresolvable: false };
    // PodTopologySpread
    for (const s of pre.spread) {
      const value = node.labels[s.constraint.topologyKey];
      if (value === undefined) return { reasons: [MSG.spreadLabel], unresolvable: true };
      const matching = s.domains.get(value) ?? 0;
      if (matching + s.selfMatch - s.min > s.constraint.maxSkew) return { reasons: [MSG.spread], unresolvable: false };
    }
    // InterPodAffinity
    const t = pre.terms;
    if (t.requiredAffinity.length && !this.satisfiesAffinity(pod, t, node, pre)) return { reasons: [MSG.affinity], unresolvable: true };
    for (const term of t.requiredAntiAffinity) {
      const v = node.labels[term.topologyKey];
      if (v !== undefined && (pre.antiAffinityCounts.get(pairKey(term.topologyKey, v)) ?? 0) > 0) return { reasons: [MSG.antiAffinity], unresolvable: false };
    }
    for (const [k, count] of pre.existingAntiAffinity) {
      if (count <= 0) continue;
      const [key, value] = k.split('\u0000') as [string, string];
      if (node.labels[key] === value) return { reasons: [MSG.existingAntiAffinity], unresolvable: false };
    }
    return null;
  }

  private satisfiesAffinity(pod: SimPod, t: PodTerms, node: SimNode, pre: PreFilterState): boolean {
    let podsExist = true;
    for (const term of t.requiredAffinity) {
      const v = node.labels[term.topologyKey];
      if (v === undefined) return false;
      if ((pre.affinityCounts.get(pairKey(term.topologyKey, v)) ?? 0) <= 0) podsExist = false;
    }
    if (podsExist) return true;
    // The first pod of a group that has affinity to itself may go anywhere its terms' topologies exist.
    return pre.affinityCounts.size === 0 && t.requiredAffinity.every((term) => this.termMatches(term, pod));
  }

  // ---------------------------------------------------------------- scoring

  /** Scores the feasible nodes (indexes) with the default plugins and weights; returns the best index. */
  private pickBest(pod: SimPod, feasible: Int32Array, pre: PreFilterState): number {
    const n = feasible.length;
    const total = this.totalScratch.subarray(0, n);
    total.fill(0);
    const t = pre.terms;
    let infos: NodeInfo[] | undefined;
    const feasibleInfos = (): NodeInfo[] => (infos ??= Array.from(feasible, (i) => this.infos[i]!));

    // TaintToleration: intolerable PreferNoSchedule taints, fewer is better.
    // (When no node has such a taint every node scores 100: the same for all, left out.)
    if (this.anySoftTaint) {
      const preferTolerations = pod.tolerations.filter((x) => !x.effect || x.effect === 'PreferNoSchedule');
      const taintCounts = feasibleInfos().map((i) => (i.softTaints.length ? i.softTaints.filter((taint) => !preferTolerations.some((x) => tolerates(x, taint))).length : 0));
      addWeighted(total, defaultNormalize(taintCounts, true), WEIGHTS.taintToleration);
    }

    // NodeAffinity: preferred terms.
    if (pod.hasNodeAffinity) addWeighted(total, defaultNormalize(feasibleInfos().map((i) => preferredNodeAffinityScore(pod.spec, i.node)), false), WEIGHTS.nodeAffinity);

    // NodeResourcesFit (LeastAllocated, with the non-zero requests) and NodeResourcesBalancedAllocation (requests as they are).
    const h = this.hot;
    const q = pod.requests;
    for (let k = 0; k < n; k++) {
      const i = feasible[k]!;
      total[k]! += WEIGHTS.resourcesFit * leastAllocated(h.nzCpu[i]! + pod.nonZero.cpu, h.allocCpu[i]!, h.nzMem[i]! + pod.nonZero.memory, h.allocMem[i]!);
      total[k]! += WEIGHTS.balanced * balancedAllocation(h.reqCpu[i]! + q.cpu, h.allocCpu[i]!, h.reqMem[i]! + q.memory, h.allocMem[i]!);
    }

    // PodTopologySpread (ScheduleAnyway constraints, or the system defaults).
    const soft = t.soft;
    if (soft.length) this.addSpreadScores(total, pod, soft, feasible, t);

    // InterPodAffinity (preferred terms of the pod, and of the pods already running).
    if (t.preferredAffinity.length || t.preferredAntiAffinity.length || this.withAffinity.size) {
      this.addInterPodAffinityScores(total, pod, t, feasible);
    }

    // Ties go to the first node name.
    const rank = h.nameRank;
    let best = 0;
    for (let k = 1; k < n; k++) {
      if (total[k]! > total[best]! || (total[k] === total[best] && rank[feasible[k]!]! < rank[feasible[best]!]!)) best = k;
    }
    return feasible[best]!;
  }

  /** Each node's domain (an index) for a topology key, -1 when the node lacks the label. */
  private domains(key: string): Domains {
    let d = this.domainCache.get(key);
    if (!d) {
      const ids = new Map<string, number>();
      const of = new Int32Array(this.infos.length);
      let everywhere = true;
      for (const info of this.infos) {
        const v = info.node.labels[key];
        if (v === undefined) {
          of[info.index] = -1;
          everywhere = false;
          continue;
        }
        let id = ids.get(v);
        if (id === undefined) ids.set(v, (id = ids.size));
        of[info.index] = id;
      }
      d = { of, count: ids.size, everywhere, stamp: new Int32Array(ids.size), generation: 0 };
      this.domainCache.set(key, d);
    }
    return d;
  }

  /** PodTopologySpread's Score and NormalizeScore, added to `total` with the plugin's weight. */
  private addSpreadScores(total: Float64Array, pod: SimPod, constraints: SpreadConstraint[], feasible: Int32Array, t: PodTerms): void {
    const n = feasible.length;
    const requireAll = !t.systemDefaultSpread;
    const ignored = this.ignoredScratch.subarray(0, n);
    ignored.fill(0);
    let kept = n;
    if (requireAll) {
      for (let k = 0; k < n; k++) {
        for (const c of constraints) {
          if (this.domains(c.topologyKey).of[feasible[k]!]! < 0) { ignored[k] = 1; kept--; break; }
        }
      }
    }
    const inclusionFree = pod.daemonSetNode === undefined && !pod.hasNodeAffinity;
    const weights: number[] = [];
    const counts: Array<Int32Array | null> = [];
    const domainsOf: Array<Domains | null> = [];
    for (const c of constraints) {
      const counter = this.counterOf(pod, c);
      if (c.topologyKey === HOSTNAME) {
        weights.push(Math.log(kept + 2));
        counts.push(null);
        domainsOf.push(null);
        continue;
      }
      const dom = this.domains(c.topologyKey);
      domainsOf.push(dom);
      const generation = ++dom.generation;
      let size = 0;
      for (let k = 0; k < n; k++) {
        const id = dom.of[feasible[k]!]!;
        if (ignored[k] || id < 0 || dom.stamp[id] === generation) continue;
        dom.stamp[id] = generation;
        size++;
      }
      weights.push(Math.log(size + 2));
      const fast = !c.honorTaints && (!c.honorAffinity || inclusionFree) && (!requireAll || constraints.every((x) => this.domains(x.topologyKey).everywhere));
      if (fast) {
        counts.push(counter.perDomain(c.topologyKey, dom, this.infos));
        continue;
      }
      const slow = new Int32Array(dom.count);
      for (const info of this.infos) {
        const id = dom.of[info.index]!;
        if (id < 0 || dom.stamp[id] !== generation) continue;
        if (requireAll ? !this.countsForSpread(pod, c, info.node, constraints) : c.honorAffinity && !this.matchesNodeAffinity(pod, info.node)) continue;
        slow[id]! += counter.perNode[info.index]!;
      }
      counts.push(slow);
    }
    const raw = this.rawScratch.subarray(0, n);
    let min = Infinity;
    let max = 0;
    const hostnames = this.domains(HOSTNAME);
    for (let k = 0; k < n; k++) {
      if (ignored[k]) continue;
      const index = feasible[k]!;
      let score = 0;
      for (let ci = 0; ci < constraints.length; ci++) {
        const c = constraints[ci]!;
        const dom = domainsOf[ci];
        let cnt: number;
        if (dom) {
          const id = dom.of[index]!;
          if (id < 0) continue;
          cnt = counts[ci]![id]!;
        } else {
          if (hostnames.of[index]! < 0) continue;
          cnt = c.counter!.perNode[index]!;
        }
        score += cnt * weights[ci]! + (c.maxSkew - 1);
      }
      raw[k] = Math.round(score);
      if (raw[k]! < min) min = raw[k]!;
      if (raw[k]! > max) max = raw[k]!;
    }
    for (let k = 0; k < n; k++) {
      if (ignored[k]) continue;
      total[k]! += WEIGHTS.topologySpread * (max === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max + min - raw[k]!)) / max));
    }
  }

  /** InterPodAffinity's PreScore, Score and NormalizeScore over the feasible nodes, added to `total` with its weight. */
  private addInterPodAffinityScores(total: Float64Array, pod: SimPod, t: PodTerms, feasible: Int32Array): void {
    const hasOwn = t.preferredAffinity.length > 0 || t.preferredAntiAffinity.length > 0;
    if (!hasOwn && this.withAffinity.size === 0) return;
    const raw = this.ipaScratch.subarray(0, feasible.length);
    raw.fill(0);
    let any = false;
    for (let k = 0; k < feasible.length; k++) this.positionScratch[feasible[k]!] = k;
    // topology key → value → score, for what is not counted per node below.
    const scores = new Map<string, Map<string, number>>();
    const add = (key: string, value: string | undefined, w: number): void => {
      if (value === undefined || w === 0) return;
      let byValue = scores.get(key);
      if (!byValue) scores.set(key, (byValue = new Map()));
      byValue.set(value, (byValue.get(value) ?? 0) + w);
    };
    // The pod's own preferred terms against every running pod: through a selector counter (per
    // node, per domain) when the term looks at one namespace, pod by pod otherwise.
    const ownTerms: Array<[AffinityTerm, number]> = [
      ...t.preferredAffinity.map((term): [AffinityTerm, number] => [term, term.weight]),
      ...t.preferredAntiAffinity.map((term): [AffinityTerm, number] => [term, -term.weight]),
    ];
    for (const [term, weight] of ownTerms) {
      if (weight === 0) continue;
      if (term.namespaceSelector === undefined && term.namespaces.length <= 1) {
        const counter = this.counter(term.namespaces[0] ?? term.ownerNamespace, term.selector);
        const dom = this.domains(term.topologyKey);
        const counts = term.topologyKey === HOSTNAME ? null : counter.perDomain(term.topologyKey, dom, this.infos);
        for (let k = 0; k < feasible.length; k++) {
          const index = feasible[k]!;
          const id = dom.of[index]!;
          if (id < 0) continue;
          const n = counts ? counts[id]! : counter.perNode[index]!;
          if (n) { raw[k]! += weight * n; any = true; }
        }
      } else {
        for (const info of this.infos) {
          for (const existing of info.pods) if (this.termMatches(term, existing)) add(term.topologyKey, info.node.labels[term.topologyKey], weight);
        }
      }
    }
    // Running pods' terms toward the incoming pod: required affinity (weight 1) and preferred terms,
    // taken group by group (pods sharing their terms), only from groups that may select its namespace.
    for (const groups of [this.affinityGroupsByNamespace.get(pod.namespace), this.affinityGroupsByNamespace.get('*')]) {
      for (const group of groups ?? []) {
        const et = group.terms;
        const weighted: Array<[AffinityTerm, number]> = [];
        for (const term of et.requiredAffinity) if (this.termMatches(term, pod)) weighted.push([term, 1]);
        for (const term of et.preferredAffinity) if (this.termMatches(term, pod)) weighted.push([term, term.weight]);
        for (const term of et.preferredAntiAffinity) if (this.termMatches(term, pod)) weighted.push([term, -term.weight]);
        if (!weighted.length) continue;
        for (const [info, n] of group.perNode) {
          for (const [term, w] of weighted) {
            if (term.topologyKey === HOSTNAME) {
              // A node is its own domain: straight onto that node, when it is feasible.
              const k = this.positionScratch[info.index]!;
              if (k >= 0 && info.node.labels[HOSTNAME] !== undefined) { raw[k]! += w * n; any = true; }
            } else {
              add(term.topologyKey, info.node.labels[term.topologyKey], w * n);
            }
          }
        }
      }
    }
    for (let k = 0; k < feasible.length; k++) this.positionScratch[feasible[k]!] = -1;
    if (scores.size) {
      any = true;
      for (let k = 0; k < feasible.length; k++) {
        const labels = this.infos[feasible[k]!]!.node.labels;
        for (const [key, byValue] of scores) {
          const value = labels[key];
          if (value !== undefined) raw[k]! += byValue.get(value) ?? 0;
        }
      }
    }
    if (!any) return;
    let min = Infinity;
    let max = -Infinity;
    for (let k = 0; k < raw.length; k++) { const r = raw[k]!; if (r < min) min = r; if (r > max) max = r; }
    const diff = max - min;
    if (diff <= 0) return; // every node scores 0
    for (let k = 0; k < raw.length; k++) total[k]! += WEIGHTS.interPodAffinity * Math.trunc(MAX_NODE_SCORE * ((raw[k]! - min) / diff));
  }

  // ---------------------------------------------------------------- preemption

  /** DefaultPreemption: evict lower-priority pods from the best candidate node, or say why not. */
  private preempt(pod: SimPod, statuses: Map<NodeInfo, Status>, allNodes: number, absent: number): ScheduleResult & { message?: string } {
    if (pod.preemptionPolicy === 'Never') return { message: 'preemption: not eligible due to preemptionPolicy=Never.' };
    const reasons: string[] = Array(absent).fill(MSG.notHelpful);
    const candidates: Array<{ info: NodeInfo; victims: SimPod[] }> = [];
    for (const info of this.order) {
      const status = statuses.get(info);
      if (!status) continue; // left out by a PreFilter: counted in `absent`
      if (status.unresolvable) {
        reasons.push(MSG.notHelpful);
        continue;
      }
      const lower = info.pods.filter((p) => p.priority < pod.priority);
      if (lower.length === 0) {
        reasons.push(MSG.noVictims);
        continue;
      }
      for (const p of lower) this.unbind(p);
      const fits = this.filter(pod, info, this.preFilter(pod));
      if (fits) {
        for (const p of lower) this.bind(p, info);
        reasons.push(...fits.reasons);
        continue;
      }
      // Reprieve as many as possible, most important first.
      const sorted = [...lower].sort((a, b) => b.priority - a.priority || a.seq - b.seq);
      const victims: SimPod[] = [];
      for (const p of sorted) {
        this.bind(p, info);
        if (this.filter(pod, info, this.preFilter(pod))) {
          this.unbind(p);
          victims.push(p);
        }
      }
      for (const p of victims) this.bind(p, info);
      candidates.push({ info, victims });
    }
    if (candidates.length === 0) return { message: `preemption: ${fitMessage(allNodes, reasons)}` };
    // pickOneNodeForPreemption: lowest highest-priority victim, lowest priority sum, fewest victims, latest start.
    const highest = (v: SimPod[]): number => Math.max(...v.map((p) => p.priority));
    const sum = (v: SimPod[]): number => v.reduce((s, p) => s + p.priority + 2147483648, 0);
    const latest = (v: SimPod[]): number => {
      const top = highest(v);
      return Math.max(...v.filter((p) => p.priority === top).map((p) => p.seq));
    };
    candidates.sort((a, b) => highest(a.victims) - highest(b.victims) || sum(a.victims) - sum(b.victims) || a.victims.length - b.victims.length || latest(b.victims) - latest(a.victims)
      || (a.info.node.name < b.info.node.name ? -1 : a.info.node.name > b.info.node.name ? 1 : 0));
    const chosen = candidates[0]!;
    for (const v of chosen.victims) this.unbind(v);
    this.bind(pod, chosen.info);
    return { node: chosen.info.node.name, victims: chosen.victims };
  }
}

/** Shared by the many pods that need no counting (never written to). */
const EMPTY_COUNTS: Map<string, number> = new Map();

interface PreFilterState {
  terms: PodTerms;
  affinityCounts: Map<string, number>;
  antiAffinityCounts: Map<string, number>;
  existingAntiAffinity: Map<string, number>;
  spread: Array<{ constraint: SpreadConstraint; domains: Map<string, number>; min: number; selfMatch: number }>;
}

function pairKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

function bump(map: Map<string, number>, key: string, value: string | undefined): void {
  if (value === undefined) return;
  const k = pairKey(key, value);
  map.set(k, (map.get(k) ?? 0) + 1);
}

/** `FitError.Error()`: the reasons counted over nodes, each `N reason`, sorted as strings. */
export function fitMessage(allNodes: number, reasons: string[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const parts = [...counts].map(([r, n]) => `${n} ${r}`).sort();
  return `0/${allNodes} nodes are available${parts.length ? `: ${parts.join(', ')}` : ''}.`;
}

/** How many feasible nodes kube-scheduler looks for before scoring (`percentageOfNodesToScore` adaptive default). */
export function numFeasibleNodesToFind(all: number): number {
  if (all < 100) return all;
  const percentage = Math.max(5, 50 - Math.trunc(all / 125));
  return Math.max(100, Math.trunc((all * percentage) / 100));
}

/** The node tree's order: nodes grouped by zone, zones visited round-robin in order of first appearance. */
function nodeTreeOrder(infos: NodeInfo[]): NodeInfo[] {
  const zones = new Map<string, NodeInfo[]>();
  for (const info of infos) {
    const l = info.node.labels;
    const zone = l[REGION] === undefined && l[ZONE] === undefined ? '' : `${l[REGION] ?? ''}:\u0000:${l[ZONE] ?? ''}`;
    const list = zones.get(zone);
    if (list) list.push(info);
    else zones.set(zone, [info]);
  }
  const lists = [...zones.values()];
  const out: NodeInfo[] = [];
  for (let i = 0; out.length < infos.length; i++) for (const list of lists) if (i < list.length) out.push(list[i]!);
  return out;
}

function portsConflict(wanted: HostPort[], pods: SimPod[]): boolean {
  for (const p of pods) {
    for (const used of p.hostPorts) {
      for (const w of wanted) {
        if (w.port !== used.port || w.protocol !== used.protocol) continue;
        if (w.hostIP === used.hostIP || w.hostIP === '0.0.0.0' || used.hostIP === '0.0.0.0') return true;
      }
    }
  }
  return false;
}

/** NodeResourcesFit's `fitsRequest`: pods count first, then cpu, memory, ephemeral storage, extended resources. */
function insufficientResources(pod: SimPod, info: NodeInfo): string[] {
  const out: string[] = [];
  const a = info.node.allocatable;
  const r = info.requested;
  const q = pod.requests;
  if (info.pods.length + 1 > a.pods) out.push(MSG.tooManyPods);
  if (q.cpu > 0 && q.cpu > a.cpu - r.cpu) out.push('Insufficient cpu');
  if (q.memory > 0 && q.memory > a.memory - r.memory) out.push('Insufficient memory');
  if (q.ephemeralStorage > 0 && q.ephemeralStorage > a.ephemeralStorage - r.ephemeralStorage) out.push('Insufficient ephemeral-storage');
  for (const name of Object.keys(q.extended).sort()) {
    const v = q.extended[name]!;
    if (v > 0 && v > (a.extended[name] ?? 0) - (r.extended[name] ?? 0)) out.push(`Insufficient ${name}`);
  }
  return out;
}

/** LeastAllocated over CPU and memory (weight 1 each): the mean of `(capacity - requested) * 100 / capacity`. */
function leastAllocated(cpu: number, cpuCap: number, memory: number, memoryCap: number): number {
  let score = 0;
  let weights = 0;
  if (cpuCap > 0) { score += cpu > cpuCap ? 0 : Math.trunc(((cpuCap - cpu) * MAX_NODE_SCORE) / cpuCap); weights++; }
  if (memoryCap > 0) { score += memory > memoryCap ? 0 : Math.trunc(((memoryCap - memory) * MAX_NODE_SCORE) / memoryCap); weights++; }
  return weights ? Math.trunc(score / weights) : 0;
}

/** BalancedAllocation: 100 × (1 − the standard deviation of the CPU and memory fractions). */
function balancedAllocation(cpu: number, cpuCap: number, memory: number, memoryCap: number): number {
  if (cpuCap === 0 || memoryCap === 0) return MAX_NODE_SCORE;
  const std = Math.abs((Math.min(1, cpu / cpuCap) - Math.min(1, memory / memoryCap)) / 2);
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/** `DefaultNormalizeScore`. */
function defaultNormalize(scores: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores);
  if (max === 0) return scores.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return scores.map((s) => {
    const v = Math.trunc((MAX_NODE_SCORE * s) / max);
    return reverse ? MAX_NODE_SCORE - v : v;
  });
}

function addWeighted(total: Float64Array, scores: number[], weight: number): void {
  for (let i = 0; i < scores.length; i++) total[i]! += scores[i]! * weight;
}

function readAffinityTerms(raw: unknown, ownerNamespace: string, pod: SimPod, weighted: boolean): AffinityTerm[] {
  if (!Array.isArray(raw)) return [];
  const out: AffinityTerm[] = [];
  for (const item of raw) {
    if (!isRecord(item)) continue;
    const term = weighted ? item.podAffinityTerm : item;
    if (!isRecord(term) || typeof term.topologyKey !== 'string' || !term.topologyKey) continue;
    let selector: unknown = term.labelSelector ?? null;
    // matchLabelKeys / mismatchLabelKeys take the incoming pod's values.
    const extra: unknown[] = [];
    for (const k of Array.isArray(term.matchLabelKeys) ? term.matchLabelKeys : []) {
      if (typeof k === 'string' && pod.labels[k] !== undefined) extra.push({ key: k, operator: 'In', values: [pod.labels[k]] });
    }
    for (const k of Array.isArray(term.mismatchLabelKeys) ? term.mismatchLabelKeys : []) {
      if (typeof k === 'string' && pod.labels[k] !== undefined) extra.push({ key: k, operator: 'NotIn', values: [pod.labels[k]] });
    }
    if (extra.length && isRecord(selector)) selector = { ...selector, matchExpressions: [...(Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []), ...extra] };
    out.push({
      selector,
      namespaces: Array.isArray(term.namespaces) ? term.namespaces.map(String) : [],
      namespaceSelector: isRecord(term.namespaceSelector) ? term.namespaceSelector : undefined,
      topologyKey: term.topologyKey,
      ownerNamespace,
      weight: weighted && typeof item.weight === 'number' ? item.weight : 1,
    });
  }
  return out;
}

function parseTerms(pod: SimPod, serviceSelectors: Map<string, Array<Record<string, string>>>): PodTerms {
  const affinity = isRecord(pod.spec.affinity) ? pod.spec.affinity : {};
  const pa = isRecord(affinity.podAffinity) ? affinity.podAffinity : {};
  const paa = isRecord(affinity.podAntiAffinity) ? affinity.podAntiAffinity : {};
  const ns = pod.namespace;
  const terms: PodTerms = {
    requiredAffinity: readAffinityTerms(pa.requiredDuringSchedulingIgnoredDuringExecution, ns, pod, false),
    requiredAntiAffinity: readAffinityTerms(paa.requiredDuringSchedulingIgnoredDuringExecution, ns, pod, false),
    preferredAffinity: readAffinityTerms(pa.preferredDuringSchedulingIgnoredDuringExecution, ns, pod, true),
    preferredAntiAffinity: readAffinityTerms(paa.preferredDuringSchedulingIgnoredDuringExecution, ns, pod, true),
    spread: [],
    systemDefaultSpread: false,
    soft: [],
  };
  const constraints = Array.isArray(pod.spec.topologySpreadConstraints) ? pod.spec.topologySpreadConstraints.filter(isRecord) : [];
  for (const c of constraints) {
    if (typeof c.topologyKey !== 'string' || typeof c.maxSkew !== 'number') continue;
    let selector: unknown = c.labelSelector ?? null;
    const extra: unknown[] = [];
    for (const k of Array.isArray(c.matchLabelKeys) ? c.matchLabelKeys : []) {
      if (typeof k === 'string' && pod.labels[k] !== undefined) extra.push({ key: k, operator: 'In', values: [pod.labels[k]] });
    }
    if (extra.length && isRecord(selector)) selector = { ...selector, matchExpressions: [...(Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []), ...extra] };
    terms.spread.push({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      doNotSchedule: c.whenUnsatisfiable !== 'ScheduleAnyway',
      selector,
      minDomains: typeof c.minDomains === 'number' ? c.minDomains : 1,
      honorAffinity: c.nodeAffinityPolicy !== 'Ignore',
      honorTaints: c.nodeTaintsPolicy === 'Honor',
    });
  }
  if (constraints.length === 0) {
    // System defaults apply to pods selected by a Service or owned by a ReplicaSet, StatefulSet or ReplicationController.
    const selector = defaultSelector(pod, serviceSelectors);
    if (selector) {
      terms.systemDefaultSpread = true;
      for (const [key, maxSkew] of [[HOSTNAME, 3], [ZONE, 5]] as const) {
        terms.spread.push({ maxSkew, topologyKey: key, doNotSchedule: false, selector, minDomains: 1, honorAffinity: true, honorTaints: false });
      }
    }
  }
  terms.soft = terms.spread.filter((c) => !c.doNotSchedule);
  return terms;
}

/** `helper.DefaultSelector`: the Services selecting the pod and its controller's selector, ANDed; null when there are none. */
function defaultSelector(pod: SimPod, serviceSelectors: Map<string, Array<Record<string, string>>>): unknown {
  const matchLabels: Record<string, string> = {};
  const matchExpressions: unknown[] = [];
  let any = false;
  for (const s of serviceSelectors.get(pod.namespace) ?? []) {
    const keys = Object.keys(s);
    if (keys.length === 0 || !keys.every((k) => pod.labels[k] === s[k])) continue;
    Object.assign(matchLabels, s);
    any = true;
  }
  if (['ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(pod.owner.kind) && isRecord(pod.controllerSelector)) {
    Object.assign(matchLabels, stringRecord(pod.controllerSelector.matchLabels));
    if (Array.isArray(pod.controllerSelector.matchExpressions)) matchExpressions.push(...pod.controllerSelector.matchExpressions);
    any = true;
  }
  if (!any || (Object.keys(matchLabels).length === 0 && matchExpressions.length === 0)) return null;
  return matchExpressions.length ? { matchLabels, matchExpressions } : { matchLabels };
}

export type { Toleration };
