/**
 * @fileoverview Shared by the "not found among the inputs" rules: which references of a
 * manifest point at a kind, how loud a missing one is (error when its namespace is fully
 * described by the inputs, info otherwise), and the words that explain that choice.
 */
import type { Severity } from '../../finding';
import { containersOf } from '../../model/pod-template';
import { describeReference, isBuiltIn, referencesOf, type Reference, type ReferenceVia } from '../../model/references';
import type { RuleContext } from '../types';
import type { WorkspaceIndex } from '../../model/workspace-index';
import type { Manifest } from '../../source/parse';
import { isRecord } from '../../source/parse';
import { sameData } from '../../model/same-data';

/**
 * The references of a manifest, shared by every references rule that checks it. The rules run
 * one after another on a manifest, so only the last manifest's are kept (keeping every
 * manifest's took 30 MB on a 50,000-resource tree, for nothing).
 */
export function cachedReferences(index: WorkspaceIndex, manifest: Manifest): Reference[] {
  const last = index.derived('references:lastManifest', () => ({ manifest: null as Manifest | null, refs: [] as Reference[] }));
  if (last.manifest !== manifest) {
    last.refs = referencesOf(manifest, (m) => index.namespaceOf(m));
    last.manifest = manifest;
  }
  return last.refs;
}

/** A reference whose target is not among the inputs (built-in objects and optional references excluded). */
export interface Missing {
  reference: Reference;
  severity: Severity;
  /** The explanation to append to the message: where KubePlan looked and why that is not certain. */
  scope: string;
}

/**
 * References of `kind` (through `vias` when given) whose target is missing, with the severity the
 * situation deserves: error when the target's namespace is fully described (its Namespace object is
 * among the inputs), info otherwise; cluster-scoped targets are info.
 */
export function missingReferences(index: WorkspaceIndex, manifest: Manifest, kind: string, vias?: readonly ReferenceVia[]): Missing[] {
  const out: Missing[] = [];
  for (const reference of cachedReferences(index, manifest)) {
    if (reference.kind !== kind || (vias && !vias.includes(reference.via))) continue;
    if (reference.optional || isBuiltIn(kind, reference.name)) continue;
    if (index.find(kind, reference.namespace, reference.name).length > 0) continue;
    const creator = (kind === 'Secret' || kind === 'ConfigMap') && reference.namespace !== undefined
      ? mentionedNames(index).get(reference.namespace)?.get(reference.name)
      : undefined;
    if (creator) {
      out.push({ reference, severity: 'info', scope: `among the inputs (${creator} mentions this name in its arguments or environment: it probably creates it at run time)` });
      continue;
    }
    out.push({ reference, ...missingSeverity(index, reference.namespace) });
  }
  return out;
}

/**
 * Names that containers pass around in their arguments or environment, per namespace, with the
 * workload that mentions them: a Secret named in `--secret-name=foo` or `SECRET_NAME=foo` is
 * usually created at run time by that workload (certificate generators, operators).
 */
function mentionedNames(index: WorkspaceIndex): Map<string, Map<string, string>> {
  return index.derived('references:mentionedNames', (ix) => {
    const map = new Map<string, Map<string, string>>();
    for (const h of ix.podTemplates) {
      const names = map.get(h.namespace) ?? new Map<string, string>();
      map.set(h.namespace, names);
      for (const c of containersOf(h.template)) {
        const container = c.container as unknown as Record<string, unknown>;
        const words: string[] = [];
        for (const field of ['args', 'command']) {
          if (Array.isArray(container[field])) for (const a of container[field] as unknown[]) if (typeof a === 'string') words.push(...a.split(/[\s=,]+/));
        }
        if (Array.isArray(container.env)) for (const e of container.env) if (isRecord(e) && typeof e.value === 'string') words.push(e.value);
        for (const w of words) if (w && !names.has(w)) names.set(w, `${h.manifest.kind} "${h.manifest.name}"`);
      }
    }
    return map;
  }, sameData);
}

/**
 * The first custom resource (an object of a group outside `*.k8s.io` and the built-in groups) of
 * each namespace: operators turn those into pods, Secrets and Services the inputs do not show.
 */
export function customResourceIn(index: WorkspaceIndex, namespace: string): Manifest | undefined {
  return index.derived('references:customResourceByNamespace', (ix) => {
    const map = new Map<string, Manifest>();
    for (const m of ix.all) {
      const slash = m.apiVersion.indexOf('/');
      const group = slash < 0 ? '' : m.apiVersion.slice(0, slash);
      if (!group.includes('.') || group === 'k8s.io' || group.endsWith('.k8s.io')) continue;
      const ns = ix.namespaceOf(m);
      if (ns !== undefined && !map.has(ns)) map.set(ns, m);
    }
    return map;
  }).get(namespace);
}

/**
 * Error when `namespace` is fully described by the inputs, info otherwise (the object may exist in
 * the cluster). A described namespace that holds custom resources is info too: an operator may
 * create the object from them (a Prometheus resource becomes a StatefulSet, a Secret...).
 */
export function missingSeverity(index: WorkspaceIndex, namespace: string | undefined): { severity: Severity; scope: string } {
  if (namespace === undefined) return { severity: 'info', scope: 'among the inputs (it may already exist in the cluster)' };
  if (index.isNamespaceDescribed(namespace)) {
    const custom = customResourceIn(index, namespace);
    if (custom) return { severity: 'info', scope: `among the inputs for namespace "${namespace}" (an operator may create it from custom resources there, such as ${custom.kind} "${custom.name}")` };
    return { severity: 'error', scope: `in namespace "${namespace}", which the inputs describe in full` };
  }
  return { severity: 'info', scope: `among the inputs for namespace "${namespace}" (it may exist in the cluster: add its Namespace to the inputs to make this an error)` };
}

/** The keys a ConfigMap or Secret provides (`data`, `binaryData`, `stringData`). */
export function providedKeys(manifest: Manifest): Set<string> {
  const keys = new Set<string>();
  for (const field of ['data', 'binaryData', 'stringData']) {
    const value = manifest.object[field];
    if (isRecord(value)) for (const k of Object.keys(value)) keys.add(k);
  }
  return keys;
}

/**
 * The whole check of configmap-not-found and secret-not-found: every reference of the pod
 * template to an object of `kind` that is not among the inputs (`notFound`), and every key it
 * reads that the object among the inputs does not define (`keyNotFound`).
 */
export function checkKeyedReferences(ctx: RuleContext<'notFound' | 'keyNotFound', unknown>, kind: 'ConfigMap' | 'Secret'): void {
  for (const m of missingReferences(ctx.index, ctx.manifest, kind)) {
    ctx.report({ path: m.reference.path, messageId: 'notFound', severity: m.severity, data: { name: m.reference.name, where: describeReference(m.reference), scope: m.scope } });
  }
  for (const r of cachedReferences(ctx.index, ctx.manifest)) {
    if (r.kind !== kind || !r.keys || r.optional) continue;
    const targets = ctx.index.find(kind, r.namespace, r.name);
    if (targets.length !== 1) continue;
    const keys = providedKeys(targets[0]!);
    for (const key of r.keys) {
      if (keys.has(key.name)) continue;
      ctx.report({
        path: key.path, messageId: 'keyNotFound', data: { name: r.name, key: key.name, where: describeReference(r) },
        related: [{ manifest: targets[0]!, path: ['metadata', 'name'], message: `${kind} "${r.name}" is defined here` }],
      });
    }
  }
}
