/**
 * @fileoverview The built-in Kubernetes schemas: the generated bundle (schemas/kubernetes/,
 * see scripts/generate-schemas.mjs) and its precompiled validators. Both are loaded on first
 * use only, a kind's validator when the first object of that kind is validated (one module per
 * kind, plus the shared code it needs), and nothing is compiled at run time: a validator is a
 * plain function call. The bundles leave schemas/kubernetes/ out (scripts/build.mjs): these
 * require() calls load its files at run time, so V8 parses only the validators in use.
 */
import type { CompiledValidator } from '../../../schemas/kubernetes/validators';

/** A JSON Schema as the bundle stores it (only the keywords validation uses). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  [keyword: string]: unknown;
}

interface Bundle {
  kubernetesVersion: string;
  /** The pattern quantity strings (`500m`, `1Gi`) must match. */
  quantityPattern: string;
  /** `apiVersion/kind` → definition name. */
  kinds: Record<string, string>;
  definitions: Record<string, JsonSchema>;
}

export type { CompiledValidator };

let bundle: Bundle | undefined;
let validatorIndex: { load(key: string): CompiledValidator | undefined } | undefined;
const validators = new Map<string, CompiledValidator | undefined>();
let versionsByKind: Map<string, string[]> | undefined;
let kindsByVersion: Map<string, string[]> | undefined;

function loadBundle(): Bundle {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  bundle ??= require('../../../schemas/kubernetes/bundle.json') as Bundle;
  return bundle;
}

/** The validator of a bundle key, its module loaded on the first call for that key. */
function loadValidator(key: string): CompiledValidator | undefined {
  let validate = validators.get(key);
  if (validate === undefined && !validators.has(key)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    validatorIndex ??= require('../../../schemas/kubernetes/validators/index.js') as typeof validatorIndex & object;
    validate = validatorIndex.load(key);
    validators.set(key, validate);
  }
  return validate;
}

/** The key of a group/version/kind in the bundle: `apps/v1/Deployment`, `v1/Pod`. */
export function gvkKey(apiVersion: string, kind: string): string {
  return `${apiVersion}/${kind}`;
}

/** The Kubernetes version the bundled schemas come from (`1.32.2`). */
export function bundledKubernetesVersion(): string {
  return loadBundle().kubernetesVersion;
}

/** The pattern the bundle gives resource.Quantity strings, to recognise its errors. */
export function quantityPattern(): string {
  return loadBundle().quantityPattern;
}

/** Per apiVersion and kind, the bundle key when the bundle has a schema for it (null: none). */
const builtinKeys = new Map<string, Map<string, string | null>>();

/**
 * The bundle key of an apiVersion and kind the bundle has a schema for, or undefined: looked up
 * once per pair (several rules ask for every manifest; the key is not made again each time).
 */
function builtinKey(apiVersion: string, kind: string): string | undefined {
  let byKind = builtinKeys.get(apiVersion);
  if (!byKind) builtinKeys.set(apiVersion, byKind = new Map());
  let key = byKind.get(kind);
  if (key === undefined) {
    const candidate = gvkKey(apiVersion, kind);
    key = Object.prototype.hasOwnProperty.call(loadBundle().kinds, candidate) ? candidate : null;
    byKind.set(kind, key);
  }
  return key ?? undefined;
}

/** True when the bundle has a schema for this apiVersion and kind. */
export function hasBuiltinSchema(apiVersion: string, kind: string): boolean {
  return builtinKey(apiVersion, kind) !== undefined;
}

/** The precompiled validator of a built-in kind, or undefined. */
export function builtinValidator(apiVersion: string, kind: string): CompiledValidator | undefined {
  const key = builtinKey(apiVersion, kind);
  return key === undefined ? undefined : loadValidator(key);
}

/** The schema of a built-in kind (for explaining errors), or undefined. */
export function builtinSchema(apiVersion: string, kind: string): JsonSchema | undefined {
  const key = builtinKey(apiVersion, kind);
  return key === undefined ? undefined : loadBundle().definitions[loadBundle().kinds[key]!];
}

/** The definitions `$ref`s of built-in schemas point into. */
export function builtinDefinitions(): Record<string, JsonSchema> {
  return loadBundle().definitions;
}

/** The apiVersions the bundle knows a kind under (`Deployment` → `['apps/v1']`), sorted. */
export function builtinVersionsOf(kind: string): readonly string[] {
  if (!versionsByKind) {
    versionsByKind = new Map();
    for (const key of Object.keys(loadBundle().kinds)) {
      const slash = key.lastIndexOf('/');
      const k = key.slice(slash + 1);
      const list = versionsByKind.get(k) ?? [];
      list.push(key.slice(0, slash));
      versionsByKind.set(k, list);
    }
    for (const list of versionsByKind.values()) list.sort();
  }
  return versionsByKind.get(kind) ?? [];
}

/** The kinds the bundle knows under an apiVersion (`apps/v1` → `['ControllerRevision', 'DaemonSet', ...]`). */
export function builtinKindsOf(apiVersion: string): readonly string[] {
  if (!kindsByVersion) {
    kindsByVersion = new Map();
    for (const key of Object.keys(loadBundle().kinds)) {
      const slash = key.lastIndexOf('/');
      const version = key.slice(0, slash);
      const list = kindsByVersion.get(version) ?? [];
      list.push(key.slice(slash + 1));
      kindsByVersion.set(version, list);
    }
  }
  return kindsByVersion.get(apiVersion) ?? [];
}

/** The group of an apiVersion: `apps/v1` → `apps`, `v1` → `` (core). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** True for the API groups Kubernetes itself serves (the core group, `apps`, `*.k8s.io`...). */
export function isBuiltinGroup(group: string): boolean {
  return group === '' || !group.includes('.') || group.endsWith('.k8s.io');
}
