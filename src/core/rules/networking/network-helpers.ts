/**
 * @fileoverview Shared by the networking rules: NetworkPolicies per namespace and what they
 * select, Ingress classes, and the per-lint maps that keep these lookups cheap. (Which pod
 * templates a Service or a LabelSelector selects is the index's: `selectWithMap`,
 * `selectWithLabelSelector`, `firstWithLabelSelector`.)
 */
import type { Severity } from '../../finding';
import { pushTo, type PodTemplateHolder, type WorkspaceIndex } from '../../model/workspace-index';
import { labelSelectorMatcher } from '../../model/selector';
import { stringRecord } from '../../model/pod-template';
import type { Manifest } from '../../source/parse';
import { isRecord } from '../../source/parse';
import { customResourceIn } from '../references/reference-helpers';

/** The `spec` of a manifest as a record (empty when absent). */
export function specOf(m: Manifest): Record<string, unknown> {
  return isRecord(m.object.spec) ? m.object.spec : {};
}

/** NetworkPolicies (networking.k8s.io) per namespace, built once per lint. */
export function policiesByNamespace(index: WorkspaceIndex): Map<string, Manifest[]> {
  return index.derived('network:policiesByNamespace', (ix) => {
    const map = new Map<string, Manifest[]>();
    for (const p of ix.ofKind('NetworkPolicy')) {
      if (!p.apiVersion.startsWith('networking.k8s.io/')) continue;
      const ns = ix.namespaceOf(p)!;
      const list = map.get(ns) ?? [];
      list.push(p);
      map.set(ns, list);
    }
    return map;
  });
}

/**
 * The NetworkPolicies (networking.k8s.io) of each namespace by the first label their pod selector
 * requires (`namespace`, key, value); those that require none are under the namespace alone.
 * Built once per lint, so that a workload is tried only against the policies that can select it.
 */
function policiesByLabel(index: WorkspaceIndex): Map<string, Manifest[]> {
  return index.derived('network:policiesByLabel', (ix) => {
    const map = new Map<string, Manifest[]>();
    for (const [namespace, policies] of policiesByNamespace(ix)) {
      for (const p of policies) {
        const first = Object.entries(stringRecord(policyPodSelector(p).matchLabels))[0];
        pushTo(map, first ? `${namespace}\u0000${first[0]}\u0000${first[1]}` : namespace, p);
      }
    }
    return map;
  });
}

/** True when a NetworkPolicy of the template's namespace selects its pods. */
export function anyPolicySelects(index: WorkspaceIndex, holder: PodTemplateHolder): boolean {
  const byLabel = policiesByLabel(index);
  if (byLabel.get(holder.namespace)?.some((p) => policySelects(p, holder))) return true;
  for (const k in holder.labels) {
    if (byLabel.get(`${holder.namespace}\u0000${k}\u0000${holder.labels[k]}`)?.some((p) => policySelects(p, holder))) return true;
  }
  return false;
}

/** A NetworkPolicy's pod selector (`{}`, all pods, when absent). */
export function policyPodSelector(policy: Manifest): Record<string, unknown> {
  const spec = specOf(policy);
  return isRecord(spec.podSelector) ? spec.podSelector : {};
}

/** The directions a NetworkPolicy restricts: `policyTypes`, or as the API server defaults them. */
export function policyTypes(policy: Manifest): Set<'Ingress' | 'Egress'> {
  const spec = specOf(policy);
  if (Array.isArray(spec.policyTypes)) return new Set(spec.policyTypes.filter((t): t is 'Ingress' | 'Egress' => t === 'Ingress' || t === 'Egress'));
  return new Set(spec.egress !== undefined ? ['Ingress', 'Egress'] : ['Ingress']);
}

/** Each policy's pod selector as a matcher, made once (every workload of a namespace is tried against every policy). */
const policyMatchers = new WeakMap<Manifest, (labels: Record<string, string>) => boolean>();

/** True when the policy selects the pods of a template. */
export function policySelects(policy: Manifest, holder: PodTemplateHolder): boolean {
  let matches = policyMatchers.get(policy);
  if (!matches) policyMatchers.set(policy, matches = labelSelectorMatcher(policyPodSelector(policy)));
  return matches(holder.labels);
}

/** True when a selector is `{}` (or has no constraint): it selects every pod. */
export function isEmptySelector(selector: unknown): boolean {
  if (!isRecord(selector)) return true;
  const labels = isRecord(selector.matchLabels) ? Object.keys(selector.matchLabels).length : 0;
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions.length : 0;
  return labels === 0 && expressions === 0;
}

/**
 * Severity of "selects nothing among the inputs": warning when the namespace is described in
 * full (its Namespace object is among the inputs and no custom resource there hints at an operator) and holds no custom resource, info otherwise
 * (the pods may come from elsewhere: a Helm chart, an operator).
 */
export function selectsNothingSeverity(index: WorkspaceIndex, namespace: string): { severity: Severity; scope: string } {
  const custom = index.isNamespaceDescribed(namespace) ? customResourceIn(index, namespace) : undefined;
  if (custom) return { severity: 'info', scope: `the inputs for namespace "${namespace}" (an operator may create its pods from custom resources there, such as ${custom.kind} "${custom.name}")` };
  return index.isNamespaceDescribed(namespace)
    ? { severity: 'warning', scope: `namespace "${namespace}", which the inputs describe in full` }
    : { severity: 'info', scope: `the inputs for namespace "${namespace}" (its pods may be created elsewhere: add its Namespace to the inputs to make this a warning)` };
}

/** The ingress class an Ingress asks for: `spec.ingressClassName`, else the legacy annotation. */
export function ingressClassOf(m: Manifest): string | undefined {
  const spec = specOf(m);
  if (typeof spec.ingressClassName === 'string') return spec.ingressClassName;
  const metadata = m.object.metadata;
  const annotations = isRecord(metadata) && isRecord(metadata.annotations) ? metadata.annotations : {};
  const legacy = annotations['kubernetes.io/ingress.class'];
  return typeof legacy === 'string' ? legacy : undefined;
}

/** Annotations of a manifest as a record. */
export function annotationsOf(m: Manifest): Record<string, unknown> {
  const metadata = m.object.metadata;
  return isRecord(metadata) && isRecord(metadata.annotations) ? metadata.annotations : {};
}

/** `Kind "name"` for messages, e.g. `Deployment "web"`. */
export function describeHolder(h: PodTemplateHolder): string {
  return `${h.manifest.kind} "${h.manifest.name}"`;
}
