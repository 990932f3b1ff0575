/**
 * @fileoverview Navigation between resources for the editor: go to definition from a reference
 * (a ConfigMap name in `envFrom`, a claimName, a roleRef, an Ingress backend...) or a selector
 * (Service, NetworkPolicy, PodDisruptionBudget) to what it names or selects, and find every
 * place that refers to a resource. Built on `model/references` and the workspace index.
 */
import type { OffsetRange } from '../finding';
import { podTemplateOf } from '../model/pod-template';
import { referencesOf, type Reference } from '../model/references';
import type { PodTemplateHolder, WorkspaceIndex } from '../model/workspace-index';
import { isRecord, manifestHeadRange, type Manifest, type SourceFile } from '../source/parse';
import { locate, type Path } from '../source/path';
import { pathAt } from './position';

/** A place in a file of the workspace. */
export interface FileLocation {
  file: string;
  range: OffsetRange;
}

/** A selector a manifest holds, with the pod templates it selects. */
interface SelectorAt {
  path: Path;
  select: (index: WorkspaceIndex, namespace: string) => PodTemplateHolder[];
}

/** Label selectors that pick pods: a Service's map, NetworkPolicy peers, a PDB's. */
function selectorsOf(m: Manifest): SelectorAt[] {
  const spec = isRecord(m.object.spec) ? m.object.spec : undefined;
  if (!spec) return [];
  const out: SelectorAt[] = [];
  const labelSelector = (path: Path, selector: unknown): void => {
    if (isRecord(selector)) out.push({ path, select: (index, ns) => index.selectWithLabelSelector(ns, selector) });
  };
  if (m.kind === 'Service' && isRecord(spec.selector)) {
    const selector = spec.selector;
    out.push({ path: ['spec', 'selector'], select: (index, ns) => index.selectWithMap(ns, selector) });
  }
  if (m.kind === 'PodDisruptionBudget') labelSelector(['spec', 'selector'], spec.selector);
  if (m.kind === 'NetworkPolicy') {
    labelSelector(['spec', 'podSelector'], spec.podSelector);
    for (const [direction, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
      const rules = spec[direction];
      if (!Array.isArray(rules)) continue;
      rules.forEach((rule, i) => {
        const list = isRecord(rule) ? rule[peers] : undefined;
        if (!Array.isArray(list)) return;
        list.forEach((peer, j) => {
          // A peer with a namespaceSelector selects pods of other namespaces: not followed here.
          if (isRecord(peer) && peer.podSelector !== undefined && peer.namespaceSelector === undefined) {
            labelSelector(['spec', direction, i, peers, j, 'podSelector'], peer.podSelector);
          }
        });
      });
    }
  }
  return out;
}

const startsWith = (path: Path, prefix: Path): boolean => prefix.length <= path.length && prefix.every((s, i) => path[i] === s);

/** Where a pod template's labels are written (or the workload's head when it has none). */
function templateLabels(holder: PodTemplateHolder): FileLocation {
  const m = holder.manifest;
  const path = [...holder.template.path, 'metadata', 'labels'];
  return { file: m.file, range: locate(m.tree, path, 'key') };
}

function head(m: Manifest): FileLocation {
  return { file: m.file, range: manifestHeadRange(m) };
}

/** Where the value of `key` is in a ConfigMap or Secret (`data`, `binaryData` or `stringData`). */
function keyLocation(m: Manifest, key: string): FileLocation | undefined {
  for (const field of ['data', 'stringData', 'binaryData']) {
    const values = m.object[field];
    if (isRecord(values) && key in values) return { file: m.file, range: locate(m.tree, [field, key], 'key') };
  }
  return undefined;
}

/** Definitions of what is at `offset`: the objects a reference names, or the pod templates a selector selects. */
export function definitionsAt(index: WorkspaceIndex, source: SourceFile, offset: number): FileLocation[] {
  const at = pathAt(source, offset);
  if (!at) return [];
  const { manifest, path } = at;
  const namespace = index.namespaceOf(manifest);
  for (const ref of referencesOf(manifest, (m) => index.namespaceOf(m))) {
    for (const key of ref.keys ?? []) {
      if (!startsWith(path, key.path)) continue;
      const found = index.find(ref.kind, ref.namespace, ref.name).map((t) => keyLocation(t, key.name)).filter((l): l is FileLocation => !!l);
      if (found.length) return found;
    }
    if (startsWith(path, ref.path)) {
      return index.find(ref.kind, ref.namespace, ref.name).map(head);
    }
  }
  if (namespace !== undefined) {
    for (const s of selectorsOf(manifest)) {
      if (startsWith(path, s.path)) return s.select(index, namespace).map(templateLabels);
    }
  }
  return [];
}

/**
 * Everything that refers to the resource at `offset` (the offset is anywhere in it): references
 * by name from other manifests, and for a workload the Services, NetworkPolicies and disruption
 * budgets whose selectors pick its pods.
 */
export function referencesAt(index: WorkspaceIndex, source: SourceFile, offset: number): FileLocation[] {
  const at = pathAt(source, offset);
  if (!at) return [];
  return referencesTo(index, at.manifest);
}

/** Everything that refers to `target`, in index order. */
export function referencesTo(index: WorkspaceIndex, target: Manifest): FileLocation[] {
  const out: FileLocation[] = [];
  const targetNs = index.namespaceOf(target);
  const namespaceOf = (m: Manifest): string | undefined => index.namespaceOf(m);
  const template = podTemplateOf(target);
  for (const m of index.all) {
    const refs: Reference[] = referencesOf(m, namespaceOf);
    for (const r of refs) {
      if (r.kind === target.kind && r.name === target.name && r.namespace === targetNs) out.push({ file: m.file, range: locate(m.tree, r.path) });
    }
    if (!template) continue;
    const ns = index.namespaceOf(m);
    if (ns === undefined || ns !== targetNs) continue;
    for (const s of selectorsOf(m)) {
      if (s.select(index, ns).some((h) => h.manifest === target)) out.push({ file: m.file, range: locate(m.tree, s.path, 'key') });
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range[0] - b.range[0]));
}
