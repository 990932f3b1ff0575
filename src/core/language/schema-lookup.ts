/**
 * @fileoverview Reads the bundled Kubernetes schemas for the editor: what a field is (type,
 * required, allowed values) for hover, and which fields and values fit at a place for
 * completion. Loaded lazily through `schema/kubernetes` like validation.
 */
import { builtinDefinitions, builtinSchema, type JsonSchema } from '../schema/kubernetes';
import type { Path } from '../source/path';

/** What the schema says about one field. */
export interface FieldInfo {
  name: string;
  /** `string`, `integer`, `boolean`, `object`, `array of Container`, `PodTemplateSpec`... */
  type: string;
  required: boolean;
  /** Allowed values, when the schema lists them. */
  values?: unknown[];
}

const REF = '#/definitions/';

function deref(schema: JsonSchema | undefined, definitions: Record<string, JsonSchema>): { schema: JsonSchema | undefined; name?: string } {
  let name: string | undefined;
  let s = schema;
  for (let i = 0; s?.$ref && i < 20; i++) {
    name = s.$ref.startsWith(REF) ? s.$ref.slice(REF.length) : s.$ref;
    s = definitions[name];
  }
  if (s && !s.properties && !s.items) {
    const alternative = [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])].find((a) => a.$ref || a.properties || a.items);
    if (alternative) {
      const inner = deref(alternative, definitions);
      return { schema: { ...s, ...inner.schema }, name: inner.name ?? name };
    }
  }
  return name === undefined ? { schema: s } : { schema: s, name };
}

function typeName(schema: JsonSchema | undefined, name: string | undefined, definitions: Record<string, JsonSchema>): string {
  if (!schema) return 'unknown';
  const types = (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []).filter((t) => t !== 'null');
  if (types.includes('array') && schema.items) {
    const item = deref(schema.items, definitions);
    return `array of ${typeName(item.schema, item.name, definitions)}`;
  }
  // Definition names in the bundle are deduplicated by shape (`Container2`): say `object`, not a misleading name.
  if ((name || schema.properties) && (types.length === 0 || types.includes('object'))) return 'object';
  return types.join(' | ') || 'any';
}

/** The schema of the value at `path` of a built-in kind, or undefined. */
function schemaAtPath(apiVersion: string, kind: string, path: Path): { schema: JsonSchema | undefined; name?: string; required: boolean } | undefined {
  const root = builtinSchema(apiVersion, kind);
  if (!root) return undefined;
  const definitions = builtinDefinitions();
  let current = deref(root, definitions);
  let required = true;
  for (const segment of path) {
    const s = current.schema;
    if (!s) return undefined;
    if (typeof segment === 'number') {
      if (!s.items) return undefined;
      current = deref(s.items, definitions);
      continue;
    }
    const property = s.properties?.[segment];
    if (property) {
      required = (s.required ?? []).includes(segment);
      current = deref(property, definitions);
    } else if (s.additionalProperties && typeof s.additionalProperties === 'object') {
      required = false;
      current = deref(s.additionalProperties, definitions);
    } else {
      return undefined;
    }
  }
  return { ...current, required };
}

/** What the schema says about the field at `path` (its last segment must be a key). */
export function fieldInfo(apiVersion: string, kind: string, path: Path): FieldInfo | undefined {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return undefined;
  const found = schemaAtPath(apiVersion, kind, path);
  if (!found?.schema) return undefined;
  const info: FieldInfo = { name: last, type: typeName(found.schema, found.name, builtinDefinitions()), required: found.required };
  const values = valuesAt(apiVersion, kind, path);
  if (values) info.values = values;
  return info;
}

/** The fields an object at `path` may have (for completion of keys), required ones first. */
export function fieldsAt(apiVersion: string, kind: string, path: Path): FieldInfo[] {
  const found = schemaAtPath(apiVersion, kind, path);
  const s = found?.schema;
  if (!s?.properties) return [];
  const definitions = builtinDefinitions();
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties)
    .map(([name, p]) => {
      const d = deref(p, definitions);
      const info: FieldInfo = { name, type: typeName(d.schema, d.name, definitions), required: required.has(name) };
      if (d.schema?.enum) info.values = d.schema.enum.filter((v) => v !== null && v !== '');
      return info;
    })
    .sort((a, b) => Number(b.required) - Number(a.required) || (a.name < b.name ? -1 : 1));
}

/**
 * Values the API server accepts for common string fields whose enums the OpenAPI schemas only
 * give in prose (dropped from the bundle). Keyed by field name, or `parent.field`.
 */
const KNOWN_VALUES: Readonly<Record<string, readonly string[]>> = {
  imagePullPolicy: ['Always', 'IfNotPresent', 'Never'],
  restartPolicy: ['Always', 'OnFailure', 'Never'],
  dnsPolicy: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  protocol: ['TCP', 'UDP', 'SCTP'],
  concurrencyPolicy: ['Allow', 'Forbid', 'Replace'],
  pathType: ['Prefix', 'Exact', 'ImplementationSpecific'],
  policyTypes: ['Ingress', 'Egress'],
  externalTrafficPolicy: ['Cluster', 'Local'],
  internalTrafficPolicy: ['Cluster', 'Local'],
  sessionAffinity: ['ClientIP', 'None'],
  podManagementPolicy: ['OrderedReady', 'Parallel'],
  accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  volumeMode: ['Filesystem', 'Block'],
  persistentVolumeReclaimPolicy: ['Retain', 'Delete', 'Recycle'],
  effect: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  terminationMessagePolicy: ['File', 'FallbackToLogsOnError'],
  whenUnsatisfiable: ['DoNotSchedule', 'ScheduleAnyway'],
  preemptionPolicy: ['PreemptLowerPriority', 'Never'],
  'Service.type': ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
  'strategy.type': ['RollingUpdate', 'Recreate'],
  'updateStrategy.type': ['RollingUpdate', 'OnDelete'],
  'seccompProfile.type': ['RuntimeDefault', 'Localhost', 'Unconfined'],
  'tolerations.operator': ['Exists', 'Equal'],
  'matchExpressions.operator': ['In', 'NotIn', 'Exists', 'DoesNotExist'],
};

/** The values allowed at `path` (the schema's enum, or a well-known list), or undefined. */
export function valuesAt(apiVersion: string, kind: string, path: Path): unknown[] | undefined {
  const found = schemaAtPath(apiVersion, kind, path);
  const fromSchema = found?.schema?.enum?.filter((v) => v !== null && v !== '');
  if (fromSchema?.length) return fromSchema;
  const keys = path.filter((s): s is string => typeof s === 'string');
  const field = keys[keys.length - 1];
  const parent = keys[keys.length - 2];
  if (!field) return undefined;
  if (kind === 'Service' && path.length === 2 && path[0] === 'spec' && field === 'type') return [...KNOWN_VALUES['Service.type']!];
  const list = (parent && KNOWN_VALUES[`${parent}.${field}`]) || (field === 'type' || field === 'operator' ? undefined : KNOWN_VALUES[field]);
  return list ? [...list] : undefined;
}
