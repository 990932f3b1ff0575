/**
 * @fileoverview Lint findings → the diagram's finding badges: each finding about a resource
 * becomes a badge on the element that resource produced. Pure; the CLI and the panel share it.
 */
import type { Finding } from '../core/finding';
import type { FindingBadge } from '../protocol/cluster-view';

/** Kinds without a namespace: their badges carry none. */
const CLUSTER_SCOPED = new Set([
  'Node', 'Namespace', 'PersistentVolume', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding', 'PriorityClass',
  'CustomResourceDefinition', 'IngressClass', 'RuntimeClass', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration',
]);

/**
 * Badges for the findings that name a resource. `lineOf` gives the 1-based line of a finding's
 * start (the adapter's line index); `defaultNamespace` is where unnamespaced resources land.
 */
export function findingBadges(findings: readonly Finding[], defaultNamespace: string, lineOf: (f: Finding) => number): FindingBadge[] {
  const out: FindingBadge[] = [];
  for (const f of findings) {
    if (!f.resource || !f.resource.name) continue;
    const { kind, name } = f.resource;
    const target = CLUSTER_SCOPED.has(kind) ? { kind, name } : { kind, name, namespace: f.resource.namespace ?? defaultNamespace };
    out.push({ target, ruleId: f.ruleId, severity: f.severity, message: f.message, source: { file: f.file, line: lineOf(f) } });
  }
  return out;
}
