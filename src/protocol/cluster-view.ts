/**
 * @fileoverview ClusterView: the simulation's result as plain JSON. It is the stable contract
 * of `kubeplan simulate --format json`, the input of the diagram (webview and `kubeplan render`),
 * and of the editor's CodeLens. Units: CPU in millicores, memory and storage in bytes.
 * Changes are additive only; bump `version` for anything else.
 */

export const CLUSTER_VIEW_VERSION = 1;

/** Where an element comes from: the manifest that produced it (1-based line, as editors show). */
export interface SourceRef {
  file: string;
  line: number;
  /** 1-based column, when known. */
  column?: number;
}

/** Names an object: the key used by edges, badges and what-if commands. */
export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

export interface Resources {
  /** Millicores. */
  cpu: number;
  /** Bytes. */
  memory: number;
  /** Bytes. */
  ephemeralStorage?: number;
  /** Pod count (on nodes: the `pods` capacity; on pods: 1). */
  pods?: number;
  /** Extended resources (`nvidia.com/gpu`), in their own units. */
  extended?: Record<string, number>;
}

export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

export interface NodeView {
  name: string;
  /** `control-plane` or `worker` (from the node-role labels). */
  role: string;
  zone?: string;
  labels: Record<string, string>;
  taints: Taint[];
  unschedulable: boolean;
  allocatable: Resources;
  /** Sum of the requests of the pods placed on it. */
  requested: Resources;
  /** Where the node came from: a Node manifest, `.kubeplan.yaml`, a k3d config, or the default cluster. */
  origin: 'manifest' | 'config' | 'k3d' | 'default';
  source?: SourceRef;
}

export type Qos = 'Guaranteed' | 'Burstable' | 'BestEffort';

export interface PodView {
  name: string;
  namespace: string;
  owner: ObjectRef;
  /** The node it is placed on, or null while Pending. */
  node: string | null;
  /** `Failed`: a pod bound by `spec.nodeName` that the kubelet rejected (not enough room), or a bare Pod deleted by preemption. */
  phase: 'Running' | 'Pending' | 'Succeeded' | 'Failed';
  /**
   * Why it is Pending, in kube-scheduler's words (`0/4 nodes are available: …`), or why it is
   * Failed (`Pod was rejected: …`, `Preempted by namespace/name`).
   */
  reason?: string;
  /**
   * DefaultPreemption's part of the FailedScheduling event (`preemption: 0/4 nodes are available: …`).
   * The event kube-scheduler records is `${reason} ${preemption}`.
   */
  preemption?: string;
  /** Effective requests as the scheduler counts them (init containers, sidecars, overhead). */
  requests: Resources;
  qos: Qos;
  labels: Record<string, string>;
  priority: number;
  /** Pods preempted to make room for this one. */
  preempted?: string[];
  /** True when no container has a readiness probe (Ready is then assumed as soon as it starts). */
  readinessUnknown?: boolean;
  source?: SourceRef;
}

export interface WorkloadView extends ObjectRef {
  /** Desired pods (after an HPA's minReplicas, when one owns it). */
  replicas: number;
  pods: string[];
  /** CronJob: the schedule in words and the next run times (ISO 8601, from the `now` given to the simulation). */
  schedule?: { expression: string; description?: string; timeZone?: string; nextRuns: string[]; suspended: boolean };
  /** HPA owning it. */
  autoscaler?: { name: string; minReplicas: number; maxReplicas: number };
  source?: SourceRef;
}

export interface ServicePortView {
  name?: string;
  port: number;
  protocol: string;
  /** As written: a number or a container port name. */
  targetPort: number | string;
  /** The container port the target resolves to on the endpoints, when it does. */
  resolvedPort?: number;
  nodePort?: number;
}

export interface ServiceView {
  name: string;
  namespace: string;
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  headless: boolean;
  externalName?: string;
  selector: Record<string, string>;
  ports: ServicePortView[];
  /** Pod names (same namespace) that back it. */
  endpoints: string[];
  source?: SourceRef;
}

export interface IngressPathView {
  host?: string;
  path?: string;
  pathType?: string;
  service: string;
  port?: number | string;
  /** False when the Service (or its port) is not among the inputs. */
  resolved: boolean;
}

export interface IngressView {
  name: string;
  namespace: string;
  className?: string;
  paths: IngressPathView[];
  defaultBackend?: IngressPathView;
  tls: Array<{ hosts: string[]; secretName?: string; secretFound: boolean }>;
  source?: SourceRef;
}

/** An end of a traffic path: a workload, everything outside the cluster, or the cluster DNS. */
export type TrafficPeer =
  | { kind: 'workload'; workload: ObjectRef }
  | { kind: 'external' }
  | { kind: 'dns' };

export interface TrafficView {
  from: TrafficPeer;
  to: TrafficPeer;
  port: number | string;
  protocol: string;
  /** What wires these two: a Service, an Ingress, or DNS egress. */
  via: ObjectRef | null;
  allowed: boolean;
  /** The policies that decide it (`namespace/name`): those allowing it, or those isolating the pods when denied. */
  policies: string[];
  /** Egress side, ingress side, or both, when denied. */
  deniedBy?: Array<'egress' | 'ingress'>;
}

export interface PolicyRuleView {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
  /** The namespace the rule applies in, or `*` for cluster-wide (ClusterRoleBinding). */
  scope: string;
  /** The binding that grants it (`Kind/namespace/name`). */
  via: string;
}

export interface ServiceAccountView {
  name: string;
  namespace: string;
  /** False when only referenced (no ServiceAccount manifest among the inputs). */
  defined: boolean;
  rules: PolicyRuleView[];
  /** Workloads that run as it. */
  workloads: ObjectRef[];
  source?: SourceRef;
}

export interface VolumeView {
  kind: 'PersistentVolumeClaim' | 'PersistentVolume' | 'ConfigMap' | 'Secret' | 'StorageClass';
  name: string;
  namespace?: string;
  status: 'Bound' | 'Pending' | 'Available' | 'Missing' | 'Present';
  /** PVC → PV name, PV → `namespace/claim`. */
  boundTo?: string;
  storageClass?: string;
  /** Bytes. */
  capacity?: number;
  accessModes?: string[];
  /** Pods that mount or reference it. */
  usedBy: string[];
  /** Why a claim stays Pending, when it does. */
  reason?: string;
  source?: SourceRef;
}

export interface FindingBadge {
  target: ObjectRef;
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  source?: SourceRef;
}

/** What changed compared with the plain simulation, when nodes were removed or cordoned. */
export interface WhatIfView {
  removedNodes: string[];
  cordonedNodes: string[];
  /** Pods that land on another node. */
  moved: Array<{ pod: string; from: string; to: string }>;
  /** Pods that were placed and are now Pending. */
  newlyPending: string[];
  /** Services left with no endpoint (`namespace/name`). */
  servicesWithoutEndpoints: string[];
  /** Pods that are gone and not recreated (bare Pods, DaemonSet pods of a removed node). */
  lost?: string[];
}

export interface ClusterView {
  version: typeof CLUSTER_VIEW_VERSION;
  nodes: NodeView[];
  pods: PodView[];
  workloads: WorkloadView[];
  services: ServiceView[];
  ingresses: IngressView[];
  traffic: TrafficView[];
  serviceAccounts: ServiceAccountView[];
  volumes: VolumeView[];
  /** Lint findings attached by the adapter (the diagram's badges); the simulation leaves it empty. */
  findings: FindingBadge[];
  whatIf?: WhatIfView;
  /** What the simulation could not read (a malformed `cluster:` section, an unknown node name). */
  problems?: string[];
}
