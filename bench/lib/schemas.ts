/**
 * @fileoverview The Kubernetes v1.32.2 JSON Schemas the competing tools validate against
 * (the same data KubePlan's schema bundle is generated from), indexed by apiVersion and kind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const SCHEMA_DIR = process.env.KUBEPLAN_SCHEMA_DIR ?? path.resolve(__dirname, '../../../shared/kubernetes/schemas-v1.32.2');

export interface KindSchema {
  apiVersion: string;
  kind: string;
  group: string;
  version: string;
  file: string;
  schema: Record<string, unknown>;
}

/** Every schema of the folder, one per apiVersion and kind. */
export function loadSchemas(dir = SCHEMA_DIR): KindSchema[] {
  const out: KindSchema[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const gvks = schema['x-kubernetes-group-version-kind'] as Array<{ group: string; version: string; kind: string }> | undefined;
    for (const gvk of gvks ?? []) {
      out.push({ apiVersion: gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version, kind: gvk.kind, group: gvk.group, version: gvk.version, file, schema });
    }
  }
  return out;
}
