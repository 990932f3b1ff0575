/**
 * @fileoverview API versions Kubernetes deprecated and removed, after the official
 * "Deprecated API Migration Guide" (https://kubernetes.io/docs/reference/using-api/deprecation-guide/),
 * and how to migrate a manifest to the replacement: the apiVersion and the fields that changed.
 */
import { compareVersions } from '../config/config';
import type { FixOp } from '../fix/fix-ops';
import type { KubeObject } from '../source/parse';
import { isRecord } from '../source/parse';

export interface ApiLifecycle {
  apiVersion: string;
  kinds: readonly string[];
  /** `major.minor` of the release that deprecated it. */
  deprecatedIn: string;
  /** `major.minor` of the first release that no longer serves it. */
  removedIn: string;
  /** The apiVersion to use instead; none for APIs removed without a successor. */
  replacement?: string;
  /** What changed besides the apiVersion, for the message (starts with a lowercase word). */
  changes?: string;
  /** What to do when there is no replacement API. */
  advice?: string;
}

const WORKLOAD_CHANGES = 'spec.selector is required and should repeat the template labels';

export const API_LIFECYCLE: readonly ApiLifecycle[] = [
  // v1.16
  { apiVersion: 'extensions/v1beta1', kinds: ['Deployment', 'ReplicaSet'], deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1', changes: WORKLOAD_CHANGES },
  { apiVersion: 'extensions/v1beta1', kinds: ['DaemonSet'], deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1', changes: `${WORKLOAD_CHANGES}; updateStrategy now defaults to RollingUpdate instead of OnDelete` },
  { apiVersion: 'apps/v1beta1', kinds: ['Deployment', 'ReplicaSet', 'ControllerRevision'], deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1', changes: WORKLOAD_CHANGES },
  { apiVersion: 'apps/v1beta1', kinds: ['StatefulSet'], deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1', changes: `${WORKLOAD_CHANGES}; updateStrategy now defaults to RollingUpdate instead of OnDelete` },
  { apiVersion: 'apps/v1beta2', kinds: ['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'ControllerRevision'], deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1', changes: WORKLOAD_CHANGES },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], deprecatedIn: '1.9', removedIn: '1.16', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], deprecatedIn: '1.11', removedIn: '1.16', advice: 'PodSecurityPolicy is gone since Kubernetes 1.25: enforce the Pod Security Standards with Pod Security Admission (the pod-security.kubernetes.io/enforce label on the namespace)' },
  // v1.22
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], deprecatedIn: '1.14', removedIn: '1.22', replacement: 'networking.k8s.io/v1', changes: 'spec.backend becomes spec.defaultBackend, serviceName/servicePort become service.name/service.port.number|name, pathType is required' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'networking.k8s.io/v1', changes: 'spec.backend becomes spec.defaultBackend, serviceName/servicePort become service.name/service.port.number|name, pathType is required' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['IngressClass'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], deprecatedIn: '1.16', removedIn: '1.22', replacement: 'admissionregistration.k8s.io/v1', changes: 'sideEffects (None or NoneOnDryRun) and admissionReviewVersions are required, failurePolicy defaults to Fail' },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: ['CustomResourceDefinition'], deprecatedIn: '1.16', removedIn: '1.22', replacement: 'apiextensions.k8s.io/v1', changes: 'spec.scope is required, the schema moves to spec.versions[*].schema.openAPIV3Schema and must be structural' },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: ['APIService'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'apiregistration.k8s.io/v1' },
  { apiVersion: 'authentication.k8s.io/v1beta1', kinds: ['TokenReview'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'authentication.k8s.io/v1' },
  { apiVersion: 'authorization.k8s.io/v1beta1', kinds: ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SubjectAccessReview', 'SelfSubjectRulesReview'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'authorization.k8s.io/v1', changes: 'spec.group is renamed spec.groups' },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: ['CertificateSigningRequest'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'certificates.k8s.io/v1', changes: 'spec.signerName and spec.usages are required' },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'coordination.k8s.io/v1' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1' },
  { apiVersion: 'rbac.authorization.k8s.io/v1alpha1', kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1' },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], deprecatedIn: '1.17', removedIn: '1.22', replacement: 'scheduling.k8s.io/v1' },
  { apiVersion: 'scheduling.k8s.io/v1alpha1', kinds: ['PriorityClass'], deprecatedIn: '1.17', removedIn: '1.22', replacement: 'scheduling.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'storage.k8s.io/v1' },
  // v1.25
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], deprecatedIn: '1.21', removedIn: '1.25', replacement: 'batch/v1' },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], deprecatedIn: '1.21', removedIn: '1.25', replacement: 'discovery.k8s.io/v1', changes: 'per-endpoint nodeName and zone replace topology' },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], deprecatedIn: '1.22', removedIn: '1.25', replacement: 'events.k8s.io/v1', changes: 'involvedObject is renamed regarding, and action, reason, reportingComponent and reportingInstance are required' },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], deprecatedIn: '1.22', removedIn: '1.25', replacement: 'autoscaling/v2', changes: 'metric targets move into target: {type, averageUtilization|averageValue|value}' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], deprecatedIn: '1.21', removedIn: '1.25', replacement: 'policy/v1', changes: 'an empty spec.selector ({}) now selects every pod of the namespace' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], deprecatedIn: '1.21', removedIn: '1.25', advice: 'enforce the Pod Security Standards with Pod Security Admission (the pod-security.kubernetes.io/enforce label on the namespace)' },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], deprecatedIn: '1.22', removedIn: '1.25', replacement: 'node.k8s.io/v1' },
  // v1.26
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], deprecatedIn: '1.23', removedIn: '1.26', replacement: 'autoscaling/v2' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecatedIn: '1.23', removedIn: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1', changes: 'spec.limited.assuredConcurrencyShares is renamed nominalConcurrencyShares' },
  // v1.27
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], deprecatedIn: '1.24', removedIn: '1.27', replacement: 'storage.k8s.io/v1' },
  // v1.29
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecatedIn: '1.26', removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1', changes: 'spec.limited.assuredConcurrencyShares is renamed nominalConcurrencyShares' },
  // v1.32
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecatedIn: '1.29', removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1' },
];

const BY_GVK = new Map<string, ApiLifecycle>();
for (const entry of API_LIFECYCLE) for (const kind of entry.kinds) BY_GVK.set(`${entry.apiVersion}/${kind}`, entry);

/** The lifecycle entry of an apiVersion and kind, when Kubernetes deprecated it. */
export function lifecycleOf(apiVersion: string, kind: string): ApiLifecycle | undefined {
  return BY_GVK.get(`${apiVersion}/${kind}`);
}

/** `removed` or `deprecated` in the Kubernetes version given, or undefined when it is fine there. */
export function statusIn(entry: ApiLifecycle, kubernetesVersion: string): 'removed' | 'deprecated' | undefined {
  if (compareVersions(kubernetesVersion, entry.removedIn) >= 0) return 'removed';
  if (compareVersions(kubernetesVersion, entry.deprecatedIn) >= 0) return 'deprecated';
  return undefined;
}

export interface Migration {
  ops: FixOp[];
  /** True when the migrated manifest behaves as before (the fix may be applied without review). */
  safe: boolean;
}

/**
 * The operations that move a manifest to the replacement apiVersion, or undefined when the
 * migration needs decisions only its author can make (new required fields, a different shape).
 */
export function migrate(object: KubeObject, entry: ApiLifecycle): Migration | undefined {
  if (!entry.replacement) return undefined;
  const ops: FixOp[] = [{ op: 'set', path: ['apiVersion'], value: entry.replacement }];
  const spec = isRecord(object.spec) ? object.spec : {};
  switch (object.kind) {
    case 'Deployment': case 'ReplicaSet': case 'DaemonSet': case 'StatefulSet': {
      if (!migrateWorkload(object, entry, spec, ops)) return undefined;
      return { ops, safe: !('rollbackTo' in spec) };
    }
    case 'Ingress':
      return migrateIngress(spec, ops) ? { ops, safe: true } : undefined;
    case 'HorizontalPodAutoscaler':
      if (entry.apiVersion === 'autoscaling/v2beta1' && !migrateHpaMetrics(spec, ops)) return undefined;
      return { ops, safe: true };
    case 'PodDisruptionBudget': {
      // An empty selector selected no pod in v1beta1 and selects them all in v1.
      const emptySelector = isRecord(spec.selector) && Object.keys(spec.selector).length === 0;
      return { ops, safe: !emptySelector };
    }
    case 'PriorityLevelConfiguration': {
      const limited = isRecord(spec.limited) ? spec.limited : undefined;
      if (limited && 'assuredConcurrencyShares' in limited) {
        if ('nominalConcurrencyShares' in limited) return undefined;
        ops.push({ op: 'rename', path: ['spec', 'limited', 'assuredConcurrencyShares'], key: 'nominalConcurrencyShares' });
      }
      return { ops, safe: true };
    }
    case 'ControllerRevision': case 'CronJob': case 'NetworkPolicy': case 'IngressClass': case 'APIService': case 'Lease':
    case 'ClusterRole': case 'ClusterRoleBinding': case 'Role': case 'RoleBinding': case 'PriorityClass': case 'CSIDriver':
    case 'CSINode': case 'StorageClass': case 'VolumeAttachment': case 'RuntimeClass': case 'FlowSchema': case 'CSIStorageCapacity':
      return { ops, safe: true };
    default:
      return undefined;
  }
}

function migrateWorkload(object: KubeObject, entry: ApiLifecycle, spec: Record<string, unknown>, ops: FixOp[]): boolean {
  if (spec.selector === undefined || spec.selector === null) {
    const template = isRecord(spec.template) ? spec.template : {};
    const metadata = isRecord(template.metadata) ? template.metadata : {};
    const labels = isRecord(metadata.labels) ? metadata.labels : {};
    if (Object.keys(labels).length === 0) return false;
    // The old APIs defaulted the selector to the template labels: the same selector keeps the same pods.
    ops.push({ op: 'set', path: ['spec', 'selector'], value: { matchLabels: { ...labels } }, after: ['replicas'] });
  }
  const onDeleteBefore = (object.kind === 'DaemonSet' && entry.apiVersion === 'extensions/v1beta1') ||
    (object.kind === 'StatefulSet' && entry.apiVersion === 'apps/v1beta1');
  if (onDeleteBefore && !isRecord(spec.updateStrategy)) {
    // Keep the old default: pods are replaced only when deleted.
    ops.push({ op: 'set', path: ['spec', 'updateStrategy'], value: { type: 'OnDelete' } });
  }
  if ('templateGeneration' in spec) ops.push({ op: 'remove', path: ['spec', 'templateGeneration'] });
  if ('rollbackTo' in spec) ops.push({ op: 'remove', path: ['spec', 'rollbackTo'] });
  return true;
}

/** `{serviceName, servicePort}` → `{service: {name, port: {number|name}}}`; other backends as they are. */
function ingressBackend(backend: unknown): Record<string, unknown> | undefined {
  if (!isRecord(backend)) return undefined;
  if (!('serviceName' in backend) && !('servicePort' in backend)) return undefined;
  const port = backend.servicePort;
  const service: Record<string, unknown> = { name: backend.serviceName };
  if (typeof port === 'number') service.port = { number: port };
  else if (typeof port === 'string') service.port = /^\d+$/.test(port) ? { number: Number(port) } : { name: port };
  const out: Record<string, unknown> = { service };
  for (const [key, value] of Object.entries(backend)) if (key !== 'serviceName' && key !== 'servicePort') out[key] = value;
  return out;
}

function migrateIngress(spec: Record<string, unknown>, ops: FixOp[]): boolean {
  if ('backend' in spec) {
    if ('defaultBackend' in spec) return false;
    ops.push({ op: 'rename', path: ['spec', 'backend'], key: 'defaultBackend' });
    const converted = ingressBackend(spec.backend);
    if (converted) ops.push({ op: 'set', path: ['spec', 'defaultBackend'], value: converted });
  }
  const rules = Array.isArray(spec.rules) ? spec.rules : [];
  rules.forEach((rule, i) => {
    if (!isRecord(rule) || !isRecord(rule.http) || !Array.isArray(rule.http.paths)) return;
    rule.http.paths.forEach((p, j) => {
      if (!isRecord(p)) return;
      const at = ['spec', 'rules', i, 'http', 'paths', j];
      const converted = ingressBackend(p.backend);
      if (converted) ops.push({ op: 'set', path: [...at, 'backend'], value: converted });
      // ImplementationSpecific is what v1beta1 did when pathType was left out.
      if (p.pathType === undefined || p.pathType === null) ops.push({ op: 'set', path: [...at, 'pathType'], value: 'ImplementationSpecific', after: ['path'] });
    });
  });
  return true;
}

/** autoscaling/v2beta1 metric specs → autoscaling/v2 (`target: {type, ...}`, `metric: {name, selector}`). */
function migrateHpaMetrics(spec: Record<string, unknown>, ops: FixOp[]): boolean {
  const metrics = Array.isArray(spec.metrics) ? spec.metrics : [];
  for (let i = 0; i < metrics.length; i++) {
    const m = metrics[i];
    if (!isRecord(m) || typeof m.type !== 'string') return false;
    const key = m.type.charAt(0).toLowerCase() + m.type.slice(1);
    const source = m[key];
    if (!isRecord(source)) return false;
    const converted = convertMetric(m.type, source);
    if (!converted) return false;
    ops.push({ op: 'set', path: ['spec', 'metrics', i, key], value: converted });
  }
  return true;
}

function convertMetric(type: string, s: Record<string, unknown>): Record<string, unknown> | undefined {
  const target = (): Record<string, unknown> | undefined => {
    if (s.targetAverageUtilization !== undefined) return { type: 'Utilization', averageUtilization: s.targetAverageUtilization };
    if (s.targetAverageValue !== undefined) return { type: 'AverageValue', averageValue: s.targetAverageValue };
    if (s.targetValue !== undefined) return { type: 'Value', value: s.targetValue };
    if (s.averageValue !== undefined) return { type: 'AverageValue', averageValue: s.averageValue };
    return undefined;
  };
  const t = target();
  if (!t) return undefined;
  switch (type) {
    case 'Resource': case 'ContainerResource': {
      const out: Record<string, unknown> = { name: s.name };
      if (type === 'ContainerResource') out.container = s.container;
      out.target = t;
      return out;
    }
    case 'Pods': {
      const metric: Record<string, unknown> = { name: s.metricName };
      if (s.selector !== undefined) metric.selector = s.selector;
      return { metric, target: t };
    }
    case 'Object': {
      const metric: Record<string, unknown> = { name: s.metricName };
      if (s.selector !== undefined) metric.selector = s.selector;
      return { describedObject: s.target, metric, target: t };
    }
    case 'External': {
      const metric: Record<string, unknown> = { name: s.metricName };
      if (s.metricSelector !== undefined) metric.selector = s.metricSelector;
      return { metric, target: t };
    }
    default:
      return undefined;
  }
}
