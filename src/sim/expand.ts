/**
 * @fileoverview Workloads → pods, as the controllers would create them: Deployment →
 * ReplicaSet → pods, StatefulSet → ordinals with their claims, DaemonSet → one pod per
 * eligible node, Job → `parallelism` pods, CronJob → its next Job, bare Pods; an HPA's
 * minReplicas replaces the replicas of the workload it scales.
 */
import { CronExpressionParser } from 'cron-parser';
import cronstrue from 'cronstrue';
import type { Manifest } from '../core/source/parse';
import { isRecord } from '../core/source/parse';
import { podTemplateOf, stringRecord } from '../core/model/pod-template';
import { CLUSTER_SCOPED_KINDS } from '../core/model/workspace-index';
import type { ObjectRef, Qos, SourceRef, WorkloadView } from '../protocol/cluster-view';
import type { SimNode } from './cluster';
import { podRequests, qosClass, type Req } from './resources';
import { podSuffix, templateHash } from './naming';
import { nodeMatchesPodAffinity, tolerationsTolerate, type Toleration } from './predicates';

export interface HostPort {
  port: number;
  protocol: string;
  hostIP: string;
}

/** A pod as the scheduler sees it. */
export interface SimPod {
  /** Creation order (the queue's tie-breaker after priority). */
  seq: number;
  name: string;
  namespace: string;
  labels: Record<string, string>;
  owner: ObjectRef;
  /** `Kind/namespace/name` of the workload (the key of WorkloadView). */
  workload: string;
  spec: Record<string, unknown>;
  requests: Req;
  /** Requests with the scheduler's defaults for missing CPU/memory, used for scoring. */
  nonZero: { cpu: number; memory: number };
  qos: Qos;
  priority: number;
  preemptionPolicy: 'PreemptLowerPriority' | 'Never';
  tolerations: Toleration[];
  hostPorts: HostPort[];
  /** `spec.nodeName`: the pod skips the scheduler and goes to that node. */
  nodeName?: string;
  /** The node a DaemonSet pod is pinned to (the controller's `matchFields metadata.name`). */
  daemonSetNode?: string;
  /** The owning controller's selector (ReplicaSet, StatefulSet...), for the default topology spread. */
  controllerSelector?: unknown;
  readinessUnknown: boolean;
  /** Claims the pod mounts (namespace-local names). */
  claims: string[];
  source?: SourceRef;
  /** The manifest it comes from. */
  manifest?: Manifest;
  /** True when `nodeSelector` or `affinity.nodeAffinity` is set (a fast path for the many pods without). */
  hasNodeAffinity: boolean;
  /** The extended resources it requests, sorted. */
  extendedNames: string[];
}

export interface ExpandOptions {
  defaultNamespace: string;
  nodes: SimNode[];
  now?: Date;
  /** Replicas by `Kind/namespace/name` or bare name. */
  replicasOverride?: Record<string, number>;
  sourceOf(m: Manifest): SourceRef | undefined;
}

export interface Expansion {
  pods: SimPod[];
  workloads: WorkloadView[];
  /** StatefulSet claims: `namespace/claim` with the template it comes from. */
  claimTemplates: Array<{ namespace: string; name: string; spec: Record<string, unknown>; pod: string; source?: SourceRef }>;
}

const BUILTIN_PRIORITIES: Record<string, number> = { 'system-cluster-critical': 2000000000, 'system-node-critical': 2000001000 };

/** Tolerations the DaemonSet controller adds to its pods. */
function daemonSetTolerations(hostNetwork: boolean): Toleration[] {
  const t: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (hostNetwork) t.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  return t;
}

/** Tolerations every pod gets from the DefaultTolerationSeconds admission plugin. */
const DEFAULT_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
];

export function readTolerations(raw: unknown): Toleration[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isRecord).map((t) => {
    const out: Toleration = {};
    if (typeof t.key === 'string') out.key = t.key;
    if (typeof t.operator === 'string') out.operator = t.operator;
    if (t.value !== undefined && t.value !== null) out.value = String(t.value);
    if (typeof t.effect === 'string') out.effect = t.effect;
    return out;
  });
}

function hostPortsOf(spec: Record<string, unknown>): HostPort[] {
  const out: HostPort[] = [];
  const hostNetwork = spec.hostNetwork === true;
  const containers = [
    ...(Array.isArray(spec.initContainers) ? spec.initContainers.filter((c) => isRecord(c) && c.restartPolicy === 'Always') : []),
    ...(Array.isArray(spec.containers) ? spec.containers : []),
  ];
  for (const c of containers) {
    if (!isRecord(c) || !Array.isArray(c.ports)) continue;
    for (const p of c.ports) {
      if (!isRecord(p)) continue;
      // With hostNetwork the API server defaults hostPort to the containerPort.
      const port = typeof p.hostPort === 'number' && p.hostPort > 0 ? p.hostPort : hostNetwork && typeof p.containerPort === 'number' ? p.containerPort : 0;
      if (port <= 0) continue;
      out.push({ port, protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP', hostIP: typeof p.hostIP === 'string' && p.hostIP ? p.hostIP : '0.0.0.0' });
    }
  }
  return out;
}

function hasReadinessProbe(spec: Record<string, unknown>): boolean {
  const containers = Array.isArray(spec.containers) ? spec.containers : [];
  return containers.some((c) => isRecord(c) && isRecord(c.readinessProbe));
}

function claimsOf(spec: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const v of Array.isArray(spec.volumes) ? spec.volumes : []) {
    if (isRecord(v) && isRecord(v.persistentVolumeClaim) && typeof v.persistentVolumeClaim.claimName === 'string') out.push(v.persistentVolumeClaim.claimName);
  }
  return out;
}

/** `Kind/namespace/name`, the key of a workload. */
export function workloadKey(kind: string, namespace: string | undefined, name: string): string {
  return namespace === undefined ? `${kind}/${name}` : `${kind}/${namespace}/${name}`;
}

function int(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
}

/** Expands every workload of the inputs into pods, in input order. */
export function expandWorkloads(manifests: readonly Manifest[], options: ExpandOptions): Expansion {
  const namespaceOf = (m: Manifest): string => m.namespace ?? options.defaultNamespace;
  const priorityClasses = new Map<string, number>();
  let globalDefault: number | undefined;
  for (const m of manifests) {
    if (m.kind !== 'PriorityClass' || typeof m.object.value !== 'number') continue;
    priorityClasses.set(m.name, m.object.value);
    if (m.object.globalDefault === true) globalDefault = Math.max(globalDefault ?? -Infinity, m.object.value);
  }
  const preemptionPolicies = new Map<string, string>();
  for (const m of manifests) if (m.kind === 'PriorityClass' && typeof m.object.preemptionPolicy === 'string') preemptionPolicies.set(m.name, m.object.preemptionPolicy);

  // HPAs: workload key → the autoscaler.
  const hpas = new Map<string, { name: string; minReplicas: number; maxReplicas: number }>();
  for (const m of manifests) {
    if (m.kind !== 'HorizontalPodAutoscaler' || !isRecord(m.object.spec)) continue;
    const spec = m.object.spec;
    const target = isRecord(spec.scaleTargetRef) ? spec.scaleTargetRef : {};
    if (typeof target.kind !== 'string' || typeof target.name !== 'string') continue;
    hpas.set(workloadKey(target.kind, namespaceOf(m), target.name), { name: m.name, minReplicas: int(spec.minReplicas, 1), maxReplicas: int(spec.maxReplicas, 1) });
  }

  const out: Expansion = { pods: [], workloads: [], claimTemplates: [] };
  let seq = 0;

  for (const m of manifests) {
    if (m.kind === 'PodTemplate' || CLUSTER_SCOPED_KINDS.has(m.kind)) continue;
    const template = podTemplateOf(m);
    if (!template) continue;
    const namespace = namespaceOf(m);
    const key = workloadKey(m.kind, namespace, m.name);
    const source = options.sourceOf(m);
    const spec = template.spec as unknown as Record<string, unknown>;
    const objSpec = isRecord(m.object.spec) ? m.object.spec : {};
    const workload: WorkloadView = { kind: m.kind, name: m.name, namespace, replicas: 0, pods: [] };
    if (source) workload.source = source;
    const hpa = hpas.get(key);
    if (hpa && ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'].includes(m.kind)) workload.autoscaler = hpa;

    const override = options.replicasOverride?.[key] ?? options.replicasOverride?.[m.name];
    const replicasOf = (): number => override ?? (workload.autoscaler ? workload.autoscaler.minReplicas : int(objSpec.replicas, 1));

    const priorityClassName = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : undefined;
    const priority = typeof spec.priority === 'number' ? spec.priority
      : priorityClassName !== undefined ? priorityClasses.get(priorityClassName) ?? (Object.hasOwn(BUILTIN_PRIORITIES, priorityClassName) ? BUILTIN_PRIORITIES[priorityClassName]! : 0)
        : globalDefault ?? 0;
    const preemptionPolicy = (spec.preemptionPolicy ?? (priorityClassName ? preemptionPolicies.get(priorityClassName) : undefined)) === 'Never' ? 'Never' : 'PreemptLowerPriority';
    const requests = podRequests(spec);
    const nz = podRequests(spec, true);
    const qos = qosClass(spec);
    const baseLabels = stringRecord(template.metadata.labels);
    const tolerations = readTolerations(spec.tolerations);
    const hasNoExecuteDefaults = (key: string): boolean => tolerations.some((t) => t.key === key && t.effect === 'NoExecute');
    for (const d of DEFAULT_TOLERATIONS) if (!hasNoExecuteDefaults(d.key!)) tolerations.push(d);

    const hostPorts = hostPortsOf(spec);
    const readinessUnknown = !hasReadinessProbe(spec);
    const claims = claimsOf(spec);
    const nodeName = typeof spec.nodeName === 'string' && spec.nodeName ? spec.nodeName : undefined;
    const extendedNames = Object.keys(requests.extended).sort();
    const hasNodeAffinity = isRecord(spec.nodeSelector) || (isRecord(spec.affinity) && isRecord(spec.affinity.nodeAffinity));
    const makePod = (name: string, owner: ObjectRef, labels: Record<string, string>, extra: Partial<SimPod> = {}): SimPod => {
      // Every field set, always in this order: one object shape for all pods keeps the scheduler's loops fast.
      const pod: SimPod = {
        seq: seq++, name, namespace, labels, owner, workload: key, spec, requests,
        nonZero: { cpu: nz.cpu, memory: nz.memory }, qos, priority, preemptionPolicy,
        tolerations: extra.tolerations ?? tolerations, hostPorts,
        nodeName, daemonSetNode: extra.daemonSetNode, controllerSelector: extra.controllerSelector,
        readinessUnknown, claims: [...claims], source, manifest: m, hasNodeAffinity, extendedNames,
      };
      workload.pods.push(name);
      out.pods.push(pod);
      return pod;
    };

    switch (m.kind) {
      case 'Pod':
        workload.replicas = 1;
        makePod(m.name, { kind: 'Pod', name: m.name, namespace }, baseLabels);
        break;
      case 'Deployment': {
        workload.replicas = replicasOf();
        const hash = templateHash(objSpec.template);
        const rs = `${m.name}-${hash}`;
        const selector = isRecord(objSpec.selector) ? objSpec.selector : {};
        const rsSelector = { ...selector, matchLabels: { ...stringRecord(selector.matchLabels), 'pod-template-hash': hash } };
        for (let i = 0; i < workload.replicas; i++) {
          makePod(`${rs}-${podSuffix(`${rs}/${i}`)}`, { kind: 'ReplicaSet', name: rs, namespace }, { ...baseLabels, 'pod-template-hash': hash }, { controllerSelector: rsSelector });
        }
        break;
      }
      case 'ReplicaSet':
      case 'ReplicationController': {
        workload.replicas = replicasOf();
        const selector = m.kind === 'ReplicaSet' ? objSpec.selector : { matchLabels: stringRecord(objSpec.selector ?? baseLabels) };
        for (let i = 0; i < workload.replicas; i++) {
          makePod(`${m.name}-${podSuffix(`${m.name}/${i}`)}`, { kind: m.kind, name: m.name, namespace }, { ...baseLabels }, { controllerSelector: selector });
        }
        break;
      }
      case 'StatefulSet': {
        workload.replicas = replicasOf();
        const revision = `${m.name}-${templateHash(objSpec.template)}`;
        const claimTemplates = Array.isArray(objSpec.volumeClaimTemplates) ? objSpec.volumeClaimTemplates.filter(isRecord) : [];
        for (let i = 0; i < workload.replicas; i++) {
          const name = `${m.name}-${i}`;
          const labels = { ...baseLabels, 'controller-revision-hash': revision, 'statefulset.kubernetes.io/pod-name': name, 'apps.kubernetes.io/pod-index': String(i) };
          const pod = makePod(name, { kind: 'StatefulSet', name: m.name, namespace }, labels, { controllerSelector: objSpec.selector });
          for (const t of claimTemplates) {
            const tName = isRecord(t.metadata) && typeof t.metadata.name === 'string' ? t.metadata.name : '';
            if (!tName) continue;
            const claim = `${tName}-${name}`;
            pod.claims = [...pod.claims.filter((c) => c !== claim), claim];
            const entry: Expansion['claimTemplates'][number] = { namespace, name: claim, spec: isRecord(t.spec) ? t.spec : {}, pod: name };
            if (source) entry.source = source;
            out.claimTemplates.push(entry);
          }
        }
        break;
      }
      case 'DaemonSet': {
        const dsTolerations = [...tolerations];
        for (const t of daemonSetTolerations(spec.hostNetwork === true)) {
          if (!dsTolerations.some((x) => x.key === t.key && x.effect === t.effect)) dsTolerations.push(t);
        }
        const probe = { tolerations: dsTolerations, spec };
        for (const node of options.nodes) {
          // The controller's own check: node selector/affinity, and NoSchedule/NoExecute taints tolerated.
          if (!nodeMatchesPodAffinity(spec, node)) continue;
          if (!tolerationsTolerate(probe.tolerations, node.taints.filter((t) => t.effect !== 'PreferNoSchedule'))) continue;
          makePod(`${m.name}-${podSuffix(`${m.name}/${node.name}`)}`, { kind: 'DaemonSet', name: m.name, namespace },
            { ...baseLabels, 'controller-revision-hash': templateHash(objSpec.template) }, { tolerations: dsTolerations, daemonSetNode: node.name });
        }
        workload.replicas = workload.pods.length;
        break;
      }
      case 'Job':
      case 'CronJob': {
        const jobSpec = m.kind === 'Job' ? objSpec : isRecord(objSpec.jobTemplate) && isRecord(objSpec.jobTemplate.spec) ? objSpec.jobTemplate.spec : {};
        let jobName = m.name;
        if (m.kind === 'CronJob') {
          const schedule = cronSchedule(objSpec, options.now);
          workload.schedule = schedule;
          const first = schedule.nextRuns[0];
          // The CronJob controller names each Job after its scheduled time in minutes.
          jobName = `${m.name}-${first ? Math.floor(Date.parse(first) / 60000) : templateHash(objSpec.jobTemplate)}`;
          if (schedule.suspended) break;
        }
        if (jobSpec.suspend === true) break;
        const parallelism = int(jobSpec.parallelism, 1);
        const completions = jobSpec.completions === undefined || jobSpec.completions === null ? undefined : int(jobSpec.completions, 1);
        const count = override ?? (completions === undefined ? parallelism : Math.min(parallelism, completions));
        workload.replicas = count;
        const labels = { ...baseLabels, 'batch.kubernetes.io/job-name': jobName, 'job-name': jobName };
        for (let i = 0; i < count; i++) {
          const extra: Record<string, string> = jobSpec.completionMode === 'Indexed' ? { 'batch.kubernetes.io/job-completion-index': String(i) } : {};
          const name = jobSpec.completionMode === 'Indexed' ? `${jobName}-${i}-${podSuffix(`${jobName}/${i}`)}` : `${jobName}-${podSuffix(`${jobName}/${i}`)}`;
          makePod(name, { kind: 'Job', name: jobName, namespace }, { ...labels, ...extra });
        }
        break;
      }
      default:
        break;
    }
    out.workloads.push(workload);
  }
  return out;
}

/** A CronJob's schedule in words and its next three runs after `now` (none without `now`). */
function cronSchedule(spec: Record<string, unknown>, now: Date | undefined): NonNullable<WorkloadView['schedule']> {
  const expression = typeof spec.schedule === 'string' ? spec.schedule : '';
  const schedule: NonNullable<WorkloadView['schedule']> = { expression, nextRuns: [], suspended: spec.suspend === true };
  if (typeof spec.timeZone === 'string') schedule.timeZone = spec.timeZone;
  try {
    schedule.description = cronstrue.toString(expression, { use24HourTimeFormat: true });
  } catch {
    // an invalid expression: the lint rules report it.
  }
  if (now && expression) {
    try {
      // Without a timeZone the controller manager's zone applies: UTC on k3s and kubeadm clusters.
      const it = CronExpressionParser.parse(expression, { currentDate: now, tz: schedule.timeZone ?? 'UTC' });
      for (let i = 0; i < 3; i++) schedule.nextRuns.push(it.next().toISOString() ?? '');
    } catch {
      schedule.nextRuns = [];
    }
  }
  return schedule;
}
