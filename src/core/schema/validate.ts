/**
 * @fileoverview Validates one manifest against the schema of its apiVersion and kind: a
 * built-in one (precompiled) or one a CustomResourceDefinition among the inputs gives.
 */
import type { WorkspaceIndex } from '../model/workspace-index';
import type { Manifest } from '../source/parse';
import { customKindOf, customValidator } from './crd';
import { mapErrors, type SchemaProblem } from './errors';
import { builtinDefinitions, builtinSchema, builtinValidator } from './kubernetes';

export type SchemaSource = 'builtin' | 'crd';

export interface ValidationResult {
  /** Where the schema came from, or undefined when there is none for this apiVersion and kind. */
  source: SchemaSource | undefined;
  problems: SchemaProblem[];
}

// Shared results for the common cases: a valid object costs no allocation.
const NONE: ValidationResult = Object.freeze({ source: undefined, problems: Object.freeze([]) as unknown as SchemaProblem[] });
const VALID_BUILTIN: ValidationResult = Object.freeze({ source: 'builtin', problems: NONE.problems });
const VALID_CRD: ValidationResult = Object.freeze({ source: 'crd', problems: NONE.problems });

/** Validates a manifest's object; no problems (and no allocation) when it is valid. */
export function validateManifest(manifest: Manifest, index: WorkspaceIndex): ValidationResult {
  const { apiVersion, kind, object } = manifest;
  const validate = builtinValidator(apiVersion, kind);
  if (validate) {
    if (validate(object)) return VALID_BUILTIN;
    return { source: 'builtin', problems: mapErrors(validate.errors ?? [], object, builtinSchema(apiVersion, kind)!, builtinDefinitions()) };
  }
  const custom = customKindOf(index, apiVersion, kind);
  const version = apiVersion.slice(apiVersion.indexOf('/') + 1);
  const openAPIV3Schema = custom?.schemas.get(version);
  if (!openAPIV3Schema) return NONE;
  const compiled = customValidator(openAPIV3Schema, custom!.preserveUnknownFields);
  if (!compiled) return NONE;
  if (compiled.validate(object)) return VALID_CRD;
  return { source: 'crd', problems: mapErrors(compiled.validate.errors ?? [], object, compiled.schema, compiled.definitions) };
}
