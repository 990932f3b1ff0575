/**
 * @fileoverview Shared by the RBAC rules: the rules of a Role or ClusterRole read as lists of
 * strings, and what a rule grants (a verb on a resource of an API group, wildcards included).
 */
import type { Manifest } from '../../source/parse';
import { isRecord } from '../../source/parse';

export interface PolicyRule {
  index: number;
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

/** The `rules` of a Role or ClusterRole. */
export function policyRules(manifest: Manifest): PolicyRule[] {
  const rules = manifest.object.rules;
  if (!Array.isArray(rules)) return [];
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);
  const out: PolicyRule[] = [];
  rules.forEach((r, index) => {
    if (!isRecord(r)) return;
    out.push({ index, apiGroups: list(r.apiGroups), resources: list(r.resources), verbs: list(r.verbs), resourceNames: list(r.resourceNames), nonResourceURLs: list(r.nonResourceURLs) });
  });
  return out;
}

/** True when the rule covers API group `group` (`""` is the core group). */
export function coversGroup(rule: PolicyRule, group: string): boolean {
  return rule.apiGroups.includes('*') || rule.apiGroups.includes(group);
}

/** Index in `resources` of the entry naming `resource` (exactly; wildcards are another rule's business), or -1. */
export function resourceIndex(rule: PolicyRule, resource: string): number {
  return rule.resources.indexOf(resource);
}

/** Index in `verbs` of `verb` or of `*`, or -1. */
export function verbIndex(rule: PolicyRule, verb: string): number {
  const i = rule.verbs.indexOf(verb);
  return i >= 0 ? i : rule.verbs.indexOf('*');
}

/** Built-in ClusterRoles and those of the system (never "not found"). */
export function isBuiltInClusterRole(name: string): boolean {
  return ['cluster-admin', 'admin', 'edit', 'view'].includes(name) || name.startsWith('system:');
}

/** Resources whose objects live in namespaces (so a Role can grant them). Subresources count as their resource. */
export const NAMESPACED_RESOURCES: ReadonlySet<string> = new Set([
  'pods', 'services', 'endpoints', 'configmaps', 'secrets', 'serviceaccounts', 'persistentvolumeclaims', 'events',
  'replicationcontrollers', 'podtemplates', 'limitranges', 'resourcequotas', 'bindings',
  'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'controllerrevisions', 'jobs', 'cronjobs',
  'ingresses', 'networkpolicies', 'roles', 'rolebindings', 'leases', 'horizontalpodautoscalers',
  'poddisruptionbudgets', 'endpointslices', 'csistoragecapacities', 'localsubjectaccessreviews',
]);
