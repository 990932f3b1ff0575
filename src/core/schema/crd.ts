/**
 * @fileoverview Schemas of custom resources, from the CustomResourceDefinitions among the
 * inputs: each served version's `openAPIV3Schema`, turned into a JSON Schema ajv validates the
 * way the API server does (structural schemas: unknown fields rejected unless
 * `x-kubernetes-preserve-unknown-fields`, `null` pruned, int-or-string). Validators are
 * compiled with ajv on first use and kept per schema object, so an edit to one file does not
 * recompile the CRDs of the others.
 */
import type Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import type { WorkspaceIndex } from '../model/workspace-index';
import type { Manifest } from '../source/parse';
import { isRecord } from '../source/parse';
import { builtinDefinitions, builtinSchema, type JsonSchema } from './kubernetes';

export interface CustomKind {
  group: string;
  kind: string;
  /** The versions the CRD defines (served ones). */
  versions: string[];
  /** version → its openAPIV3Schema, when it has one. */
  schemas: Map<string, Record<string, unknown>>;
  /** True when fields the schema does not name are kept, not rejected (v1beta1 CRDs by default). */
  preserveUnknownFields: boolean;
  crd: Manifest;
}

/** `group/kind` → what the CRDs among the inputs say about it. */
export function customKinds(index: WorkspaceIndex): ReadonlyMap<string, CustomKind> {
  return index.derived('schema:custom-kinds', (ix) => {
    const out = new Map<string, CustomKind>();
    for (const crd of ix.ofKind('CustomResourceDefinition')) {
      if (!crd.apiVersion.startsWith('apiextensions.k8s.io/')) continue;
      const spec = crd.object.spec;
      if (!isRecord(spec) || typeof spec.group !== 'string' || !isRecord(spec.names) || typeof spec.names.kind !== 'string') continue;
      // apiextensions.k8s.io/v1beta1 defaulted preserveUnknownFields to true; v1 forbids it.
      const preserveUnknownFields = crd.apiVersion === 'apiextensions.k8s.io/v1beta1' ? spec.preserveUnknownFields !== false : spec.preserveUnknownFields === true;
      const entry: CustomKind = { group: spec.group, kind: spec.names.kind, versions: [], schemas: new Map(), preserveUnknownFields, crd };
      const shared = isRecord(spec.validation) && isRecord(spec.validation.openAPIV3Schema) ? spec.validation.openAPIV3Schema : undefined;
      if (Array.isArray(spec.versions)) {
        for (const v of spec.versions) {
          if (!isRecord(v) || typeof v.name !== 'string' || v.served === false) continue;
          entry.versions.push(v.name);
          const schema = isRecord(v.schema) && isRecord(v.schema.openAPIV3Schema) ? v.schema.openAPIV3Schema : shared;
          if (schema) entry.schemas.set(v.name, schema);
        }
      } else if (typeof spec.version === 'string') {
        entry.versions.push(spec.version);
        if (shared) entry.schemas.set(spec.version, shared);
      }
      out.set(`${entry.group}/${entry.kind}`, entry);
    }
    return out;
  });
}

/** The CRD-described kind of a manifest's apiVersion and kind, if any. */
export function customKindOf(index: WorkspaceIndex, apiVersion: string, kind: string): CustomKind | undefined {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return undefined;
  return customKinds(index).get(`${apiVersion.slice(0, slash)}/${kind}`);
}

export interface CustomValidator {
  schema: JsonSchema;
  /** The definitions the schema's `$ref`s point into (ObjectMeta's, for `metadata`). */
  definitions: Record<string, JsonSchema>;
  validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
}

const compiled = new WeakMap<object, CustomValidator | null>();
const compiledPreserving = new WeakMap<object, CustomValidator | null>();
let ajv: Ajv | undefined;

function getAjv(): Ajv {
  if (!ajv) {
    // Loaded only when a custom resource is validated: built-in kinds use precompiled code.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const AjvClass = (require('ajv') as { default: typeof Ajv }).default;
    ajv = new AjvClass({ allErrors: true, strict: false, allowUnionTypes: true, validateFormats: false, messages: false, unicodeRegExp: false });
  }
  return ajv;
}

/**
 * The validator for an openAPIV3Schema (compiled once per schema object), or null when it cannot
 * be compiled. `preserveUnknownFields` accepts fields the schema does not name, everywhere.
 */
export function customValidator(openAPIV3Schema: Record<string, unknown>, preserveUnknownFields = false): CustomValidator | null {
  const cache = preserveUnknownFields ? compiledPreserving : compiled;
  const cached = cache.get(openAPIV3Schema);
  if (cached !== undefined) return cached;
  let result: CustomValidator | null = null;
  const definitions = objectMetaDefinitions();
  const schema = withObjectMeta(convertStructural(openAPIV3Schema, true, true, 0, preserveUnknownFields), definitions);
  try {
    result = { schema, definitions, validate: getAjv().compile(schema) };
  } catch {
    // A pattern JavaScript cannot read (RE2 syntax): validate everything else.
    try {
      const lenient = withObjectMeta(convertStructural(openAPIV3Schema, true, false, 0, preserveUnknownFields), definitions);
      result = { schema: lenient, definitions, validate: getAjv().compile(lenient) };
    } catch {
      result = null;
    }
  }
  cache.set(openAPIV3Schema, result);
  return result;
}

let metaDefinitions: Record<string, JsonSchema> | undefined;

/**
 * ObjectMeta's definition and those it refers to, from the built-in bundle: the API server
 * checks the metadata of custom resources as of any object.
 */
function objectMetaDefinitions(): Record<string, JsonSchema> {
  if (metaDefinitions) return metaDefinitions;
  const all = builtinDefinitions();
  const out: Record<string, JsonSchema> = {};
  const ref = builtinSchema('v1', 'ConfigMap')?.properties?.metadata?.$ref;
  const pending = ref ? [ref.slice(ref.lastIndexOf('/') + 1)] : [];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (out[name] || !all[name]) continue;
    out[name] = all[name]!;
    for (const m of JSON.stringify(all[name]).matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)) pending.push(m[1]!);
  }
  metaDefinitions = out;
  return out;
}

/** The converted root schema with `metadata` checked as ObjectMeta. */
function withObjectMeta(schema: JsonSchema, definitions: Record<string, JsonSchema>): JsonSchema {
  const ref = builtinSchema('v1', 'ConfigMap')?.properties?.metadata;
  if (!ref || !schema.properties) return schema;
  return { ...schema, properties: { ...schema.properties, metadata: ref }, definitions };
}

const COPIED = ['enum', 'required', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'multipleOf'];

/**
 * An OpenAPI v3 structural schema → the JSON Schema (draft-07) that accepts what the API server
 * accepts. `open` leaves objects open to fields they do not name (inside combinator branches,
 * and everywhere for CRDs that preserve unknown fields).
 */
export function convertStructural(source: unknown, root: boolean, patterns: boolean, depth = 0, open = false): JsonSchema {
  if (!isRecord(source) || depth > 64) return {};
  const out: JsonSchema = {};
  const preserve = source['x-kubernetes-preserve-unknown-fields'] === true;
  if (source['x-kubernetes-int-or-string'] === true) {
    out.type = ['integer', 'string', 'null'];
  } else if (typeof source.type === 'string') {
    // The API server prunes nulls before validating: a `key:` left empty is never an error.
    out.type = source.type === 'number' ? ['number', 'null'] : [source.type, 'null'];
  }
  for (const key of COPIED) if (source[key] !== undefined) out[key] = source[key];
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (source.exclusiveMinimum === true && typeof source.minimum === 'number') {
    out.exclusiveMinimum = source.minimum;
    delete out.minimum;
  }
  if (source.exclusiveMaximum === true && typeof source.maximum === 'number') {
    out.exclusiveMaximum = source.maximum;
    delete out.maximum;
  }
  if (patterns && typeof source.pattern === 'string') out.pattern = source.pattern;
  if (isRecord(source.properties)) {
    out.properties = {};
    for (const [name, child] of Object.entries(source.properties)) out.properties[name] = convertStructural(child, false, patterns, depth + 1, open);
  }
  if (isRecord(source.additionalProperties)) {
    out.additionalProperties = convertStructural(source.additionalProperties, false, patterns, depth + 1, open);
  } else if (typeof source.additionalProperties === 'boolean') {
    out.additionalProperties = source.additionalProperties || preserve;
  } else if (out.properties && !preserve && !open && source['x-kubernetes-embedded-resource'] !== true) {
    // Inside allOf/anyOf/oneOf a branch only adds checks: the fields it lists are not the only ones.
    out.additionalProperties = false;
  }
  if (source['x-kubernetes-embedded-resource'] === true && out.properties) {
    for (const name of ['apiVersion', 'kind', 'metadata']) out.properties[name] ??= {};
  }
  if (isRecord(source.items)) out.items = convertStructural(source.items, false, patterns, depth + 1, open);
  for (const combinator of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = source[combinator];
    if (Array.isArray(branches)) out[combinator] = branches.map((b) => convertStructural(b, false, patterns, depth + 1, true));
  }
  if (root) {
    // apiVersion, kind and metadata are the API machinery's, whatever the CRD's schema says.
    out.properties = { ...out.properties, apiVersion: {}, kind: {}, metadata: {} };
    out.type = 'object';
  }
  return out;
}
