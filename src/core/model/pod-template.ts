/**
 * @fileoverview The one accessor for pod templates: where the PodSpec of a Pod, Deployment,
 * StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or PodTemplate lives,
 * and its containers with their kind (app, init, native sidecar, ephemeral).
 */
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { Manifest } from '../source/parse';
import { isRecord } from '../source/parse';
import type { Path } from '../source/path';

/**
 * Where each kind keeps its pod template (the path of the template's `metadata`/`spec` parent).
 * A Map: a kind is the user's text, and `kind: constructor` must not find Object's.
 */
const TEMPLATE_PATHS: ReadonlyMap<string, Path> = new Map<string, Path>([
  ['Pod', []],
  ['PodTemplate', ['template']],
  ['Deployment', ['spec', 'template']],
  ['StatefulSet', ['spec', 'template']],
  ['DaemonSet', ['spec', 'template']],
  ['ReplicaSet', ['spec', 'template']],
  ['ReplicationController', ['spec', 'template']],
  ['Job', ['spec', 'template']],
  ['CronJob', ['spec', 'jobTemplate', 'spec', 'template']],
]);

/** The API versions whose workloads hold their pod template where TEMPLATE_PATHS says. */
const TEMPLATE_API_VERSIONS = /^(v1|apps\/v1|batch\/v1|batch\/v1beta1|apps\/v1beta\d|extensions\/v1beta1)$/;

/** Kinds that hold a pod template, in the order users meet them. */
export const POD_TEMPLATE_KINDS: readonly string[] = [...TEMPLATE_PATHS.keys()];

/** Kinds whose pods are managed by a controller that keeps `replicas` of them running. */
export const REPLICATED_KINDS: readonly string[] = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'];

export interface PodTemplate {
  /** Path of the template (the mapping holding `metadata` and `spec`); `[]` for a Pod. */
  path: Path;
  /** Path of the PodSpec. */
  specPath: Path;
  metadata: ObjectMeta;
  spec: PodSpec;
}

export type ContainerKind = 'container' | 'init' | 'sidecar' | 'ephemeral';

export interface ContainerRef {
  container: Container;
  /** Path of the container's mapping, e.g. `['spec','template','spec','containers',0]`. */
  path: Path;
  /** `init` for a plain init container; `sidecar` for an init container with `restartPolicy: Always`. */
  kind: ContainerKind;
  /** Name, or `#index` when the container has none. */
  name: string;
}

/** Templates and containers, worked out once per manifest (a dozen rules ask for them). */
const templates = new WeakMap<Manifest, PodTemplate | null>();
const containerLists = new WeakMap<PodTemplate, readonly ContainerRef[]>();

/** The pod template of a manifest, or undefined when its kind has none (or the spec is not a mapping). */
export function podTemplateOf(manifest: Manifest): PodTemplate | undefined {
  if (!TEMPLATE_PATHS.has(manifest.kind)) return undefined;
  let template = templates.get(manifest);
  if (template === undefined) templates.set(manifest, template = findPodTemplate(manifest) ?? null);
  return template ?? undefined;
}

function findPodTemplate(manifest: Manifest): PodTemplate | undefined {
  const path = TEMPLATE_PATHS.get(manifest.kind);
  if (!path || !TEMPLATE_API_VERSIONS.test(manifest.apiVersion)) return undefined;
  let node: unknown = manifest.object;
  for (const segment of path) node = isRecord(node) ? node[segment as string] : undefined;
  if (!isRecord(node) || !isRecord(node.spec)) return undefined;
  const metadata = isRecord(node.metadata) ? (node.metadata as ObjectMeta) : {};
  return { path, specPath: [...path, 'spec'], metadata, spec: node.spec as unknown as PodSpec };
}

/** Every container of a pod spec, init containers first (as the kubelet starts them). */
export function containersOf(template: PodTemplate): readonly ContainerRef[] {
  let list = containerLists.get(template);
  if (!list) containerLists.set(template, list = findContainers(template));
  return list;
}

function findContainers(template: PodTemplate): ContainerRef[] {
  const out: ContainerRef[] = [];
  const add = (field: 'initContainers' | 'containers' | 'ephemeralContainers', kindOf: (c: Container) => ContainerKind): void => {
    const list = (template.spec as unknown as Record<string, unknown>)[field];
    if (!Array.isArray(list)) return;
    list.forEach((container: unknown, index) => {
      if (!isRecord(container)) return;
      const c = container as unknown as Container;
      out.push({ container: c, path: [...template.specPath, field, index], kind: kindOf(c), name: typeof c.name === 'string' && c.name ? c.name : `#${index}` });
    });
  };
  add('initContainers', (c) => (c.restartPolicy === 'Always' ? 'sidecar' : 'init'));
  add('containers', () => 'container');
  add('ephemeralContainers', () => 'ephemeral');
  return out;
}

/** Containers that run for the pod's whole life: app containers and native sidecars. */
export function longRunningContainers(template: PodTemplate): ContainerRef[] {
  return containersOf(template).filter((c) => c.kind === 'container' || c.kind === 'sidecar');
}

/** The pod labels of a template (what Services and policies select). */
export function podLabels(template: PodTemplate): Record<string, string> {
  return stringRecord(template.metadata.labels);
}

/** A record's string values only (labels and selectors written with numbers still match as strings). */
export function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const k in value) {
    const v = value[k];
    if (v !== null && v !== undefined && typeof v !== 'object') out[k] = String(v);
  }
  return out;
}
