/**
 * @fileoverview The index of every manifest in the inputs, for rules that look across
 * resources (a Service and the pods it selects, a volume and its ConfigMap, a binding and
 * its role). Built from parsed files; updated file by file by the editor.
 */
import type { Manifest } from '../source/parse';
import { isRecord } from '../source/parse';
import { podLabels, podTemplateOf, stringRecord, type PodTemplate } from './pod-template';
import { labelSelectorMatcher, mapSelectorMatcher } from './selector';

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

/**
 * What a computation over the index read: kinds (`ofKind`), keys (`find`: a kind, namespace and
 * name), `#templates` (the pod templates of every workload), `*` (everything), or a derived
 * value compared on recomputation (`derived` with `equal`). A result stays valid until one of
 * them changes.
 */
export interface IndexReads {
  deps: Set<string>;
  /** The index's clock when the computation ran. */
  at: number;
}

const ALL = '*';
const TEMPLATES = '#templates';
/** The prefix of a label's name among the reads: `#label:` scope NUL key NUL value. */
const LABEL = '#label:';
/** The prefix of a derived value's name among the reads. */
const DERIVED = '#derived:';

interface DerivedEntry {
  value: unknown;
  reads: IndexReads;
  compute: (index: WorkspaceIndex) => unknown;
  equal?: (a: unknown, b: unknown) => boolean;
}

interface FileEntry {
  manifests: Manifest[];
  byKind: Map<string, Manifest[]>;
  /** The file's manifests by name, made when an edit first needs them (not while a tree is loaded). */
  byName: Map<string, Manifest[]> | null;
  templates: PodTemplateHolder[];
}

export class WorkspaceIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly byKind = new Map<string, Manifest[]>();
  /** Every manifest by name, in input order (`find` looks for its kind and namespace among them). */
  private readonly byName = new Map<string, Manifest[]>();
  private readonly dirtyKinds = new Set<string>();
  /** The names whose lists are out of date; all of them when `dirtyAll`. */
  private readonly dirtyNames = new Set<string>();
  private dirtyAll = false;
  private templateList: PodTemplateHolder[] | null = [];
  private templatesByNamespace: Map<string, PodTemplateHolder[]> | null = null;
  /** Per namespace (`EVERY_NAMESPACE` for all), the pod templates carrying each label `key\0value`. */
  private readonly templatesByLabel = new Map<string, Map<string, PodTemplateHolder[]>>();
  private allList: Manifest[] | null = [];
  private readonly derivedValues = new Map<string, DerivedEntry>();
  /** When each kind (and `#templates`, `*`) last changed. */
  private readonly changedAt = new Map<string, number>();
  private clock = 0;
  /** The reads being recorded (a rule check, a derived computation), innermost last. */
  private readonly recorders: Array<Set<string>> = [];
  /**
   * True once anything recorded its reads: until then no result can be stale, and changes need
   * not be dated name by name (loading a tree of 50,000 objects before its first lint).
   */
  private recorded = false;

  /** @param defaultNamespace where manifests without `metadata.namespace` land (kubectl's context namespace) */
  constructor(readonly defaultNamespace = 'default') {}

  /**
   * Adds or replaces the manifests of one file. Only what changed is redone: a manifest object
   * kept from the previous version of the file (the Linter keeps those whose content is the
   * same) changes nothing; the kinds of the others are marked changed.
   */
  setFile(file: string, manifests: Manifest[]): void {
    const previous = this.files.get(file);
    let changed: readonly Manifest[] = manifests;
    if (previous) {
      const kept = new Set(manifests);
      const before = new Set(previous.manifests);
      changed = [...previous.manifests.filter((m) => !kept.has(m)), ...manifests.filter((m) => !before.has(m))];
    }
    const entry: FileEntry = { manifests, byKind: new Map(), byName: null, templates: [] };
    for (const m of manifests) {
      pushTo(entry.byKind, m.kind, m);
      const template = podTemplateOf(m);
      if (template) entry.templates.push({ manifest: m, template, namespace: this.namespaceOf(m)!, labels: podLabels(template) });
    }
    // A re-set file keeps its place in the order of files (Map insertion order).
    this.files.set(file, entry);
    this.update(changed);
  }

  deleteFile(file: string): void {
    const previous = this.files.get(file);
    if (!previous) return;
    this.files.delete(file);
    this.update(previous.manifests);
  }

  /** The index's clock: it moves on when any file changes. */
  get now(): number {
    return this.clock;
  }

  /** True when something `reads` depends on changed after it was recorded. */
  isStale(reads: IndexReads): boolean {
    if (reads.at === this.clock) return false; // nothing changed since
    for (const dep of reads.deps) {
      // A compared derived value is brought up to date first: it changed only if it differs.
      if (dep.startsWith(DERIVED)) this.refreshDerived(dep.slice(DERIVED.length));
      if ((this.changedAt.get(dep) ?? 0) > reads.at) return true;
    }
    return false;
  }

  /** Runs `f`, recording what it reads of the index. */
  recordReads<T>(f: () => T): { value: T; reads: IndexReads } {
    const deps = new Set<string>();
    const at = this.clock;
    this.recorded = true;
    this.recorders.push(deps);
    try {
      return { value: f(), reads: { deps, at } };
    } finally {
      this.recorders.pop();
    }
  }

  /** The namespace a manifest lands in: its own, the default one, or undefined when cluster-scoped. */
  namespaceOf(m: Manifest): string | undefined {
    if (CLUSTER_SCOPED_KINDS.has(m.kind)) return undefined;
    return m.namespace ?? this.defaultNamespace;
  }

  get all(): readonly Manifest[] {
    this.read(ALL);
    if (!this.allList) {
      const all: Manifest[] = [];
      for (const entry of this.files.values()) for (const m of entry.manifests) all.push(m);
      this.allList = all;
    }
    return this.allList;
  }

  /** Every manifest of a kind (any API version), in input order. */
  ofKind(kind: string): readonly Manifest[] {
    this.read(kind);
    this.refresh();
    return this.byKind.get(kind) ?? [];
  }

  /** The manifests with this kind, namespace and name (more than one is a duplicate). */
  find(kind: string, namespace: string | undefined, name: string): readonly Manifest[] {
    const ns = CLUSTER_SCOPED_KINDS.has(kind) ? undefined : namespace;
    // The key's string is made only when reads are recorded (the editor): `find` is a hot path.
    if (this.recorders.length > 0) this.read(key(kind, ns, name));
    this.refresh();
    const named = this.byName.get(name);
    if (!named) return NONE;
    // Most names belong to one object, or a few of different kinds: the list itself when all match.
    const want = ns ?? '';
    let matching = 0;
    for (const m of named) if (m.kind === kind && (this.namespaceOf(m) ?? '') === want) matching++;
    if (matching === named.length) return named;
    return matching === 0 ? NONE : named.filter((m) => m.kind === kind && (this.namespaceOf(m) ?? '') === want);
  }

  /** Every pod template of the inputs, with its effective namespace and labels. */
  get podTemplates(): readonly PodTemplateHolder[] {
    this.read(TEMPLATES);
    if (!this.templateList) {
      const templates: PodTemplateHolder[] = [];
      for (const entry of this.files.values()) for (const t of entry.templates) templates.push(t);
      this.templateList = templates;
    }
    return this.templateList;
  }

  /** Pod templates of a namespace whose labels a Service-style map selector selects (none for an empty one), in input order. */
  selectWithMap(namespace: string, selector: unknown): PodTemplateHolder[] {
    const first = firstLabel(stringRecord(selector));
    if (first === undefined) return [];
    const matches = mapSelectorMatcher(selector);
    return this.templatesWithLabel(namespace, first).filter((h) => matches(h.labels));
  }

  /** Pod templates of a namespace (of every namespace when undefined) whose labels a LabelSelector selects, in input order. */
  selectWithLabelSelector(namespace: string | undefined, selector: unknown): PodTemplateHolder[] {
    const matches = labelSelectorMatcher(selector);
    return this.candidatesFor(namespace, selector).filter((h) => matches(h.labels));
  }

  /** The first pod template (in input order) a LabelSelector selects, passing over those `skip` rejects: for "does it select anything". */
  firstWithLabelSelector(namespace: string | undefined, selector: unknown, skip?: (h: PodTemplateHolder) => boolean): PodTemplateHolder | undefined {
    const matches = labelSelectorMatcher(selector);
    return this.candidatesFor(namespace, selector).find((h) => matches(h.labels) && !skip?.(h));
  }

  /** The templates a LabelSelector can select: those with its first required label, or all of the namespace. */
  private candidatesFor(namespace: string | undefined, selector: unknown): readonly PodTemplateHolder[] {
    const first = isRecord(selector) ? firstLabel(stringRecord(selector.matchLabels)) : undefined;
    if (first !== undefined) return this.templatesWithLabel(namespace, first);
    return namespace === undefined ? this.podTemplates : this.templatesIn(namespace);
  }

  /**
   * The pod templates of a namespace (every namespace when undefined) that carry a label
   * (`key\0value`): a selector is tried only against the templates with its first required label,
   * not against every template of the namespace (thousands of Services, policies or budgets over
   * thousands of templates would be quadratic). Built once per namespace until a template changes.
   */
  private templatesWithLabel(namespace: string | undefined, label: string): readonly PodTemplateHolder[] {
    const scope = namespace ?? EVERY_NAMESPACE;
    // Whoever asks depends on the templates carrying this label only (an edit to another
    // workload's template does not re-check a Service that does not select it).
    if (this.recorders.length > 0) this.read(`${LABEL}${scope}\u0000${label}`);
    let byLabel = this.templatesByLabel.get(scope);
    if (!byLabel) {
      this.recorders.push(new Set()); // building the map is not a read of every template
      try {
        byLabel = new Map();
        for (const h of namespace === undefined ? this.podTemplates : this.templatesIn(namespace)) {
          for (const k in h.labels) pushTo(byLabel, `${k}\u0000${h.labels[k]}`, h);
        }
      } finally {
        this.recorders.pop();
      }
      this.templatesByLabel.set(scope, byLabel);
    }
    return byLabel.get(label) ?? [];
  }

  /** The pod templates of one namespace, in input order. */
  templatesIn(namespace: string): readonly PodTemplateHolder[] {
    const templates = this.podTemplates;
    if (!this.templatesByNamespace) {
      this.templatesByNamespace = new Map();
      for (const h of templates) pushTo(this.templatesByNamespace, h.namespace, h);
    }
    return this.templatesByNamespace.get(namespace) ?? [];
  }

  /**
   * A value computed from the index (rules keep their per-namespace lookup maps here instead of
   * scanning every manifest for every container). `key` must be unique to what `compute`
   * builds; the value is computed again once something it read changes. Whoever asks depends on
   * what it was computed from; with `equal`, on the value itself: a recomputed value equal to the
   * previous one changes nothing for them (an edit to a Deployment's replicas leaves the images
   * of the pod templates as they were, and the checks that read only those are not run again).
   */
  derived<T>(key: string, compute: (index: WorkspaceIndex) => T, equal?: (a: T, b: T) => boolean): T {
    const entry = this.refreshDerived(key, compute as (index: WorkspaceIndex) => unknown, equal as DerivedEntry['equal']);
    if (this.recorders.length === 0) return entry.value as T;
    if (entry.equal) this.read(DERIVED + key);
    else for (const dep of entry.reads.deps) this.read(dep);
    return entry.value as T;
  }

  /** Computes a derived value again if something it read changed; moves its clock only if it differs. */
  private refreshDerived(key: string, compute?: DerivedEntry['compute'], equal?: DerivedEntry['equal']): DerivedEntry {
    const entry = this.derivedValues.get(key);
    if (entry && !this.isStale(entry.reads)) return entry;
    const f = compute ?? entry!.compute;
    const next = this.recordReads(() => f(this));
    if (entry?.equal && entry.equal(entry.value, next.value)) {
      entry.reads = next.reads;
      return entry;
    }
    const fresh: DerivedEntry = { value: next.value, reads: next.reads, compute: f, equal: equal ?? entry?.equal };
    this.derivedValues.set(key, fresh);
    this.changedAt.set(DERIVED + key, this.clock);
    return fresh;
  }

  /**
   * True when the inputs describe a namespace completely, so that a missing reference there is
   * an error rather than a guess: the Namespace object itself is among the inputs.
   */
  isNamespaceDescribed(namespace: string): boolean {
    return this.find('Namespace', undefined, namespace).length > 0;
  }

  /**
   * Rebuilds the lists of the kinds and keys that changed since the last read, from the files'
   * own lists (in file order); all of them at once when many changed (a tree being loaded).
   */
  private refresh(): void {
    if (this.dirtyKinds.size === 0 && this.dirtyNames.size === 0 && !this.dirtyAll) return;
    const everything = this.dirtyAll;
    if (everything) {
      this.byKind.clear();
      this.byName.clear();
    } else {
      for (const kind of this.dirtyKinds) this.byKind.delete(kind);
      for (const name of this.dirtyNames) this.byName.delete(name);
    }
    for (const entry of this.files.values()) {
      for (const [kind, own] of entry.byKind) if (everything || this.dirtyKinds.has(kind)) pushAll(this.byKind, kind, own);
      if (everything) {
        for (const m of entry.manifests) pushTo(this.byName, m.name, m);
        continue;
      }
      const own = this.namesOf(entry);
      for (const name of this.dirtyNames) {
        const list = own.get(name);
        if (list) pushAll(this.byName, name, list);
      }
    }
    this.dirtyKinds.clear();
    this.dirtyNames.clear();
    this.dirtyAll = false;
  }

  /** A file's manifests by name (made on first use). */
  private namesOf(entry: FileEntry): Map<string, Manifest[]> {
    if (!entry.byName) {
      entry.byName = new Map();
      for (const m of entry.manifests) pushTo(entry.byName, m.name, m);
    }
    return entry.byName;
  }

  private read(dep: string): void {
    const recorders = this.recorders;
    if (recorders.length > 0) recorders[recorders.length - 1]!.add(dep);
  }

  /** Brings the merged lists up to date after `changed` manifests came or went, and moves the clock. */
  private update(changed: readonly Manifest[]): void {
    if (changed.length === 0) return;
    const now = ++this.clock;
    this.changedAt.set(ALL, now);
    this.allList = null;
    const kinds = new Set<string>();
    const keys = new Set<string>();
    let templates = false;
    for (const m of changed) {
      const namespace = this.namespaceOf(m);
      kinds.add(m.kind);
      // Past 64 changed names, every list is rebuilt (a tree being loaded): none is kept one by one.
      if (!this.dirtyAll) this.dirtyNames.add(m.name);
      if (this.recorded) keys.add(key(m.kind, namespace, m.name));
      const template = podTemplateOf(m);
      if (!template) continue;
      templates = true;
      if (!this.recorded) continue;
      // The labels of a template that came or went (or changed): before and after are both here.
      const labels = podLabels(template);
      for (const k in labels) {
        const label = `${k}\u0000${labels[k]}`;
        this.changedAt.set(`${LABEL}${namespace}\u0000${label}`, now);
        this.changedAt.set(`${LABEL}${EVERY_NAMESPACE}\u0000${label}`, now);
      }
    }
    for (const kind of kinds) {
      this.changedAt.set(kind, now);
      this.dirtyKinds.add(kind);
    }
    for (const k of keys) this.changedAt.set(k, now);
    if (this.dirtyNames.size > 64) {
      this.dirtyAll = true;
      this.dirtyNames.clear();
    }
    if (templates) {
      this.changedAt.set(TEMPLATES, now);
      this.templateList = null;
      this.templatesByNamespace = null;
      this.templatesByLabel.clear();
    }
  }
}

/** The label-map scope of every namespace at once (no namespace name holds a NUL). */
const EVERY_NAMESPACE = '\u0000*';

/** A selector's first required label as `key\0value`, undefined when it requires none. */
function firstLabel(labels: Record<string, string>): string | undefined {
  for (const k in labels) return `${k}\u0000${labels[k]}`;
  return undefined;
}

function key(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}\u0000${namespace ?? ''}\u0000${name}`;
}

/** What `find` returns when nothing matches. */
const NONE: readonly Manifest[] = [];

function pushAll<K, V>(map: Map<K, V[]>, k: K, values: readonly V[]): void {
  const list = map.get(k);
  if (list) for (const v of values) list.push(v);
  else map.set(k, values.slice());
}

/** Adds `v` to the list of `k` in a map of lists. */
export function pushTo<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}
