/**
 * @fileoverview Validation errors (ajv's, with allErrors) → problems at the narrowest useful
 * place in the YAML: the key of an unknown field (with the close names it may be a typo of),
 * the value of a wrong type or enum value, the parent key of a missing required field.
 * Pure data in, data out: the rule turns problems into findings and fixes.
 */
import type { ErrorObject } from 'ajv';
import type { Path, Target } from '../source/path';
import { formatPath } from '../source/path';
import { editDistance } from '../config/config';
import { quantityPattern, type JsonSchema } from './kubernetes';

export type SchemaProblemKind = 'unknownField' | 'wrongType' | 'badEnum' | 'missingRequired' | 'tooLong' | 'badQuantity' | 'invalid';

export interface SchemaProblem {
  kind: SchemaProblemKind;
  /** Where to report, from the object's root. */
  path: Path;
  target: Target;
  /** The field concerned: the unknown or missing key, or the last key of `path`. */
  field: string;
  /** The parent of the field, as a user reads it (`spec.template.spec.containers[0]`), or `` at the top. */
  where: string;
  /** unknownField: known names close to the unknown one, best first (a single one is a clear typo). */
  candidates?: string[];
  /** unknownField: the candidates whose schema accepts the value found (a rename to them makes sense). */
  fitting?: string[];
  /** unknownField without close names: where a field of that name does belong (`spec.template.spec`). */
  belongsIn?: string;
  /** wrongType: the types the schema allows, null left out (`['integer']`). */
  expected?: string[];
  /** wrongType/badEnum: the value found. */
  value?: unknown;
  /** badEnum: the allowed values. */
  allowed?: unknown[];
  /** tooLong: the limit. */
  limit?: number;
  /** invalid: the keyword that failed and its parameters, for the message. */
  keyword?: string;
  detail?: string;
}

/** Resolves `$ref`s (`#/definitions/Name`) against `definitions`. */
export function deref(schema: JsonSchema | undefined, definitions: Record<string, JsonSchema>): JsonSchema | undefined {
  let s = schema;
  for (let hops = 0; s?.$ref && hops < 32; hops++) {
    const name = s.$ref.slice(s.$ref.lastIndexOf('/') + 1);
    s = definitions[name];
  }
  return s;
}

/** The schema that applies at `path` under `root`, as far as it can be followed. */
export function schemaAt(root: JsonSchema, path: Path, definitions: Record<string, JsonSchema>): JsonSchema | undefined {
  let s = deref(root, definitions);
  for (const segment of path) {
    if (!s) return undefined;
    s = deref(step(s, segment, definitions), definitions);
  }
  return s;
}

function step(s: JsonSchema, segment: string | number, definitions: Record<string, JsonSchema>): JsonSchema | undefined {
  if (typeof segment === 'number') {
    if (s.items) return s.items;
  } else {
    if (s.properties && Object.prototype.hasOwnProperty.call(s.properties, segment)) return s.properties[segment];
    if (typeof s.additionalProperties === 'object') return s.additionalProperties;
  }
  for (const branches of [s.allOf, s.anyOf, s.oneOf]) {
    for (const branch of branches ?? []) {
      const found = step(deref(branch, definitions) ?? {}, segment, definitions);
      if (found) return found;
    }
  }
  return undefined;
}

/** The property names a schema allows at an object (its own and its branches'). */
export function knownProperties(s: JsonSchema | undefined, definitions: Record<string, JsonSchema>): string[] {
  if (!s) return [];
  const names = new Set(Object.keys(s.properties ?? {}));
  for (const branches of [s.allOf, s.anyOf, s.oneOf]) {
    for (const branch of branches ?? []) for (const n of knownProperties(deref(branch, definitions), definitions)) names.add(n);
  }
  return [...names];
}

/**
 * Where a field unknown at `base` does belong, looking below `base` first (the block is indented
 * too little) and then below each of its ancestors (too much), a few levels deep: the place as a
 * user reads it (`spec.template.spec`, `spec.containers[]`), or undefined.
 */
export function whereFieldBelongs(root: JsonSchema, base: Path, field: string, definitions: Record<string, JsonSchema>): string | undefined {
  for (let up = 0; up <= Math.min(base.length, 3); up++) {
    const ancestor = base.slice(0, base.length - up);
    const found = findProperty(schemaAt(root, ancestor, definitions), field, definitions, up === 0 ? 3 : 2, up > 0);
    if (!found) continue;
    let out = formatPath(ancestor);
    for (const part of found) out += part === '[]' ? '[]' : out ? `.${part}` : part;
    return out || 'the top level';
  }
  return undefined;
}

/** Breadth-first: the shortest chain of property names (`[]` for list items) under `schema` to a property named `field`. */
function findProperty(schema: JsonSchema | undefined, field: string, definitions: Record<string, JsonSchema>, maxDepth: number, self: boolean): string[] | undefined {
  let level: Array<{ s: JsonSchema; path: string[] }> = schema ? [{ s: schema, path: [] }] : [];
  for (let depth = 0; depth <= maxDepth && level.length > 0; depth++) {
    const next: Array<{ s: JsonSchema; path: string[] }> = [];
    for (const { s, path } of level) {
      if ((depth > 0 || self) && s.properties && Object.prototype.hasOwnProperty.call(s.properties, field)) return path;
      for (const [name, child] of Object.entries(s.properties ?? {})) {
        const c = deref(child, definitions);
        if (!c) continue;
        const items = c.items ? deref(c.items, definitions) : undefined;
        if (items?.properties) next.push({ s: items, path: [...path, name, '[]'] });
        else if (c.properties) next.push({ s: c, path: [...path, name] });
      }
    }
    level = next;
  }
  return undefined;
}

/** True when the schema's `type` admits the value (`null` always does: the field is just empty). */
export function accepts(schema: JsonSchema | undefined, value: unknown): boolean {
  if (!schema || schema.type === undefined || value === null || value === undefined) return true;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const actual = Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : typeof value;
  if (actual === 'number') return types.includes('number') || (types.includes('integer') && Number.isInteger(value));
  return types.includes(actual);
}

/** `/spec/containers/0/name` → `['spec', 'containers', 0, 'name']`, numbers only where the data has a list. */
export function pathOf(instancePath: string, data: unknown): Path {
  if (instancePath === '') return [];
  const out: Array<string | number> = [];
  let current: unknown = data;
  for (const raw of instancePath.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current) && /^\d+$/.test(segment)) {
      out.push(Number(segment));
      current = current[Number(segment)];
    } else {
      out.push(segment);
      current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return out;
}

function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/**
 * Known names a mistyped field may stand for, best first: an exact match ignoring case, else
 * the names within a small edit distance (a third of the name's length, at least 1).
 */
export function closeNames(name: string, known: readonly string[], present: ReadonlySet<string> = new Set()): string[] {
  const lower = name.toLowerCase();
  const scored: Array<{ name: string; d: number }> = [];
  for (const candidate of known) {
    if (present.has(candidate)) continue;
    const c = candidate.toLowerCase();
    if (c === lower) return [candidate];
    const d = editDistance(lower, c);
    if (d <= Math.max(1, Math.floor(name.length / 3))) scored.push({ name: candidate, d });
  }
  scored.sort((a, b) => a.d - b.d || (a.name < b.name ? -1 : 1));
  return scored.slice(0, 3).map((s) => s.name);
}

/** True when the candidates name one clear replacement (a unique best match). */
export function isClearCandidate(name: string, candidates: readonly string[]): boolean {
  if (candidates.length === 0) return false;
  if (candidates.length === 1) return true;
  const lower = name.toLowerCase();
  const d0 = editDistance(lower, candidates[0]!.toLowerCase());
  const d1 = editDistance(lower, candidates[1]!.toLowerCase());
  return d0 < d1;
}

/**
 * Turns validation errors into problems, one per place (the first error at a place wins), in
 * the order ajv found them. Errors under `anyOf`/`oneOf` branches are folded into the
 * combinator's own error, so one mismatch is one problem.
 */
export function mapErrors(errors: readonly ErrorObject[], data: unknown, root: JsonSchema, definitions: Record<string, JsonSchema>): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath);
  for (const error of errors) {
    if (error.schemaPath && combinators.some((c) => error.schemaPath.startsWith(`${c}/`))) continue;
    const base = pathOf(error.instancePath, data);
    const problem = toProblem(error, base, data, root, definitions);
    if (!problem) continue;
    const key = `${problem.kind}\u0000${problem.path.join('\u0000')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function lastKey(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return '';
}

function toProblem(error: ErrorObject, base: Path, data: unknown, root: JsonSchema, definitions: Record<string, JsonSchema>): SchemaProblem | null {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const parent = valueAt(data, base);
      const present = new Set(typeof parent === 'object' && parent !== null ? Object.keys(parent) : []);
      const parentSchema = schemaAt(root, base, definitions);
      const known = knownProperties(parentSchema, definitions);
      const candidates = closeNames(field, known, present);
      const value = typeof parent === 'object' && parent !== null ? (parent as Record<string, unknown>)[field] : undefined;
      const fitting = candidates.filter((c) => accepts(schemaAt(parentSchema ?? {}, [c], definitions), value));
      const problem: SchemaProblem = { kind: 'unknownField', path: [...base, field], target: 'key', field, where: formatPath(base), candidates, fitting };
      if (candidates.length === 0) {
        const belongsIn = whereFieldBelongs(root, base, field, definitions);
        if (belongsIn !== undefined) problem.belongsIn = belongsIn;
      }
      return problem;
    }
    case 'required': {
      const field = String(params.missingProperty);
      return { kind: 'missingRequired', path: base.length === 0 ? ['kind'] : [...base, field], target: 'value', field, where: formatPath(base) };
    }
    case 'type': {
      const types = String(params.type).split(',').filter((t) => t !== 'null');
      return { kind: 'wrongType', path: base, target: 'value', field: lastKey(base), where: formatPath(base.slice(0, -1)), expected: types, value: valueAt(data, base) };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[] | undefined) ?? schemaAt(root, base, definitions)?.enum ?? [];
      return { kind: 'badEnum', path: base, target: 'value', field: lastKey(base), where: formatPath(base.slice(0, -1)), value: valueAt(data, base), allowed: allowed.filter((v) => v !== null && v !== '') };
    }
    case 'pattern':
      if (params.pattern === quantityPattern()) {
        return { kind: 'badQuantity', path: base, target: 'value', field: lastKey(base), where: formatPath(base.slice(0, -1)), value: valueAt(data, base) };
      }
      return {
        kind: 'invalid', path: base, target: 'value', field: lastKey(base), where: formatPath(base.slice(0, -1)),
        value: valueAt(data, base), keyword: error.keyword, detail: describeKeyword(error.keyword, params),
      };
    case 'maxLength':
      return { kind: 'tooLong', path: base, target: 'value', field: lastKey(base), where: formatPath(base.slice(0, -1)), value: valueAt(data, base), limit: Number(params.limit) };
    default:
      return {
        kind: 'invalid', path: base, target: 'value', field: lastKey(base), where: formatPath(base.slice(0, -1)),
        value: valueAt(data, base), keyword: error.keyword, detail: describeKeyword(error.keyword, params),
      };
  }
}

/** A short phrase for the less common keywords (CRD schemas use them). */
function describeKeyword(keyword: string, params: Record<string, unknown>): string {
  switch (keyword) {
    case 'minimum': case 'exclusiveMinimum': return `must be ${keyword === 'minimum' ? 'at least' : 'greater than'} ${String(params.limit)}`;
    case 'maximum': case 'exclusiveMaximum': return `must be ${keyword === 'maximum' ? 'at most' : 'less than'} ${String(params.limit)}`;
    case 'minLength': return `must be at least ${String(params.limit)} characters long`;
    case 'pattern': return `must match the pattern ${String(params.pattern)}`;
    case 'minItems': return `must have at least ${String(params.limit)} items`;
    case 'maxItems': return `must have at most ${String(params.limit)} items`;
    case 'uniqueItems': return 'must not repeat items';
    case 'minProperties': return `must have at least ${String(params.limit)} entries`;
    case 'maxProperties': return `must have at most ${String(params.limit)} entries`;
    case 'multipleOf': return `must be a multiple of ${String(params.multipleOf)}`;
    case 'anyOf': case 'oneOf': return 'does not match any of the shapes the schema allows';
    case 'const': return `must be ${JSON.stringify(params.allowedValue)}`;
    default: return `fails the schema's "${keyword}" check`;
  }
}

/**
 * What a malformed quantity most likely meant: `1GB` → `1G` or `1Gi`, `512mb` → `512M` or `512Mi`,
 * `1gi` → `1Gi`. Empty when there is no clear reading.
 */
export function quantityCandidates(value: string): string[] {
  const m = /^\s*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))\s*([a-zA-Z]+)\s*$/.exec(value);
  if (!m) return [];
  const [, number, unit] = m as unknown as [string, string, string];
  const u = unit.toLowerCase();
  const prefix = { k: 'k', m: 'M', g: 'G', t: 'T', p: 'P', e: 'E' }[u.charAt(0)];
  if (!prefix) return [];
  if (u.length === 2 && u.endsWith('i')) return [`${number}${prefix === 'k' ? 'K' : prefix}i`];
  if ((u.length === 2 && u.endsWith('b')) || (u.length === 3 && u.endsWith('ib'))) {
    const binary = `${number}${prefix === 'k' ? 'K' : prefix}i`;
    // `GB` is literally G (10^9); `GiB` is Gi.
    return u.length === 3 ? [binary] : [`${number}${prefix}`, binary];
  }
  return [];
}

/** How a message names a JSON type. */
export function typeWord(type: string): string {
  switch (type) {
    case 'object': return 'a mapping';
    case 'array': return 'a list';
    case 'string': return 'a string';
    case 'integer': return 'an integer';
    case 'number': return 'a number';
    case 'boolean': return 'a boolean';
    default: return type;
  }
}

/** How a message describes a value found: `the number 8080`, `the string "3"`, `a list`, `empty`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string': return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`;
    case 'number': return `the number ${value}`;
    case 'boolean': return `the boolean ${value}`;
    case 'object': return 'a mapping';
    default: return String(value);
  }
}
