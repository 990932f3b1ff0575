/**
 * @fileoverview The index of every manifest in the inputs, for rules that look across
 * resources (a Service and the pods it selects, a volume and its ConfigMap, a binding and
 * its role). Built from parsed files; updated file by file by the editor.
 */
import type { Manifest } from '../source/parse';
import { podLabels, podTemplateOf, type PodTemplate } from './pod-template';
import { matchesLabelSelector, matchesMapSelector } from './selector';

/** Kinds that live outside namespaces (a `metadata.namespace` on them is ignored by the API server). */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'APIService', 'CertificateSigningRequest', 'ClusterRole', 'ClusterRoleBinding', 'ClusterTrustBundle', 'ComponentStatus',
  'CSIDriver', 'CSINode', 'CustomResourceDefinition', 'DeviceClass', 'FlowSchema', 'IngressClass', 'IPAddress',
  'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding', 'MutatingWebhookConfiguration', 'Namespace', 'Node',
  'PersistentVolume', 'PodSecurityPolicy', 'PriorityClass', 'PriorityLevelConfiguration', 'ResourceSlice', 'RuntimeClass',
  'SelfSubjectAccessReview', 'SelfSubjectReview', 'SelfSubjectRulesReview', 'ServiceCIDR', 'StorageClass', 'StorageVersion',
  'StorageVersionMigration', 'SubjectAccessReview', 'TokenReview', 'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding', 'ValidatingWebhookConfiguration', 'VolumeAttachment', 'VolumeAttributesClass',
]);

/** A workload's pod template together with the manifest that holds it. */
export interface PodTemplateHolder {
  manifest: Manifest;
  template: PodTemplate;
  namespace: string;
  labels: Record<string, string>;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, Manifest[]>();
  private cache: { all: Manifest[]; byKey: Map<string, Manifest[]>; byKind: Map<string, Manifest[]>; templates: PodTemplateHolder[]; derived: Map<string, unknown> } | null = null;

  /** @param defaultNamespace where manifests without `metadata.namespace` land (kubectl's context namespace) */
  constructor(readonly defaultNamespace = 'default') {}

  /** Adds or replaces the manifests of one file. */
  setFile(file: string, manifests: Manifest[]): void {
    this.files.set(file, manifests);
    this.cache = null;
  }

  deleteFile(file: string): void {
    if (this.files.delete(file)) this.cache = null;
  }

  /** The namespace a manifest lands in: its own, the default one, or undefined when cluster-scoped. */
  namespaceOf(m: Manifest): string | undefined {
    if (CLUSTER_SCOPED_KINDS.has(m.kind)) return undefined;
    return m.namespace ?? this.defaultNamespace;
  }

  get all(): readonly Manifest[] {
    return this.build().all;
  }

  /** Every manifest of a kind (any API version), in input order. */
  ofKind(kind: string): readonly Manifest[] {
    return this.build().byKind.get(kind) ?? [];
  }

  /** The manifests with this kind, namespace and name (more than one is a duplicate). */
  find(kind: string, namespace: string | undefined, name: string): readonly Manifest[] {
    return this.build().byKey.get(key(kind, CLUSTER_SCOPED_KINDS.has(kind) ? undefined : namespace, name)) ?? [];
  }

  /** Every pod template of the inputs, with its effective namespace and labels. */
  get podTemplates(): readonly PodTemplateHolder[] {
    return this.build().templates;
  }

  /** Pod templates of a namespace whose labels a Service-style map selector selects. */
  selectWithMap(namespace: string, selector: unknown): PodTemplateHolder[] {
    return this.podTemplates.filter((h) => h.namespace === namespace && matchesMapSelector(h.labels, selector));
  }

  /** Pod templates of a namespace whose labels a LabelSelector selects. */
  selectWithLabelSelector(namespace: string, selector: unknown): PodTemplateHolder[] {
    return this.podTemplates.filter((h) => h.namespace === namespace && matchesLabelSelector(h.labels, selector));
  }

  /**
   * A value computed from the whole index once per version of the inputs (rules keep their
   * per-namespace lookup maps here instead of scanning every manifest for every container).
   * `key` must be unique to what `compute` builds; the value is dropped when any file changes.
   */
  derived<T>(key: string, compute: (index: WorkspaceIndex) => T): T {
    const derived = this.build().derived;
    if (!derived.has(key)) derived.set(key, compute(this));
    return derived.get(key) as T;
  }

  /**
   * True when the inputs describe a namespace completely, so that a missing reference there is
   * an error rather than a guess: the Namespace object itself is among the inputs.
   */
  isNamespaceDescribed(namespace: string): boolean {
    return this.find('Namespace', undefined, namespace).length > 0;
  }

  private build() {
    if (this.cache) return this.cache;
    const all: Manifest[] = [];
    for (const manifests of this.files.values()) all.push(...manifests);
    const byKey = new Map<string, Manifest[]>();
    const byKind = new Map<string, Manifest[]>();
    const templates: PodTemplateHolder[] = [];
    for (const m of all) {
      push(byKey, key(m.kind, this.namespaceOf(m), m.name), m);
      push(byKind, m.kind, m);
      const template = podTemplateOf(m);
      if (template) templates.push({ manifest: m, template, namespace: this.namespaceOf(m)!, labels: podLabels(template) });
    }
    this.cache = { all, byKey, byKind, templates, derived: new Map() };
    return this.cache;
  }
}

function key(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}\u0000${namespace ?? ''}\u0000${name}`;
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}
