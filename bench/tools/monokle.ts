/**
 * @fileoverview @monokle/validation with the plugins that work offline: yaml-syntax,
 * kubernetes-schema (fed the same v1.32.2 schemas from disk instead of its CDN),
 * pod-security-standards, resource-links, practices and metadata. open-policy-agent is left
 * out: it downloads its policy WebAssembly at run time.
 */
import { parseAllDocuments } from 'yaml';
import { loadSchemas } from '../lib/schemas';
import type { BenchFile, Tool } from '../lib/types';

export const MONOKLE_PLUGINS = ['yaml-syntax', 'kubernetes-schema', 'pod-security-standards', 'resource-links', 'practices', 'metadata'];

/** The definition key Monokle looks a kind up by (`io.k8s.api.apps.v1.Deployment`). */
function definitionKey(group: string, version: string, kind: string): string {
  if (group === 'apiextensions.k8s.io') return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${version}.${kind}`;
  const first = group === '' ? 'core' : group.split('.')[0]!;
  return `io.k8s.api.${first}.${version}.${kind}`;
}

export async function createMonokle(): Promise<Tool> {
  const monokle = await import('@monokle/validation');
  const definitions: Record<string, unknown> = {};
  for (const s of loadSchemas()) {
    const { $schema: _ignored, ...schema } = s.schema;
    definitions[definitionKey(s.group, s.version, s.kind)] = schema;
  }
  const full = { definitions };
  class OfflineSchemaLoader extends monokle.SchemaLoader {
    override async getFullSchema() {
      return { url: 'file:///kubeplan-bench/definitions.json', schema: full } as never;
    }
    override async getResourceSchema() {
      return undefined;
    }
  }
  const parser = new monokle.ResourceParser();
  const validator = new monokle.MonokleValidator({
    loader: new monokle.DefaultPluginLoader(),
    parser,
    schemaLoader: new OfflineSchemaLoader(),
    suppressors: [new monokle.AnnotationSuppressor()],
    fixer: new monokle.DisabledFixer(),
  } as never);
  await validator.preload({
    plugins: Object.fromEntries(MONOKLE_PLUGINS.map((p) => [p, true])),
    settings: { 'kubernetes-schema': { schemaVersion: 'v1.32.2' } },
  } as never);
  const failed = validator.getFailedPlugins();
  if (failed.length) throw new Error(`monokle plugins failed to load offline: ${failed.join(', ')}`);
  return {
    name: '@monokle/validation',
    async run(files: readonly BenchFile[]) {
      // Monokle 0.33 throws on a CustomResourceDefinition with a version without a schema
      // (JSON.parse(undefined) in extractSchema): those few are left out, and counted.
      const resources = toResources(files).filter((r) => !crdWithoutSchema(r));
      monokle.processRefs(resources as never, parser as never);
      const response = await validator.validate({ resources } as never);
      let findings = 0;
      for (const run of (response as { runs: Array<{ results: Array<{ ruleId: string; message: { text: string } }> }> }).runs) {
        findings += run.results.length;
        if (process.env.BENCH_DEBUG === "2") console.error(run.results.map((r) => `${r.ruleId} ${r.message.text}`));
      }
      return { findings, resources: resources.length };
    },
  };
}

/** Monokle takes resources, not files: one per document with a kind, as its CLI extracts them. */
function toResources(files: readonly BenchFile[]) {
  const out: Array<Record<string, unknown>> = [];
  for (const f of files) {
    let line = 0;
    const docs = parseAllDocuments(f.text);
    for (const [i, doc] of (Array.isArray(docs) ? docs : []).entries()) {
      const [start, , end] = doc.range;
      const text = f.text.slice(start, end);
      const content = doc.toJS({ maxAliasCount: 1000 }) as Record<string, unknown> | null;
      if (content && typeof content === 'object' && typeof content.kind === 'string' && typeof content.apiVersion === 'string') {
        const metadata = (content.metadata ?? {}) as Record<string, unknown>;
        out.push({
          id: `${f.path}#${i}`, fileId: f.path, filePath: f.path, fileOffset: line,
          name: String(metadata.name ?? ''), apiVersion: content.apiVersion, kind: content.kind,
          namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
          content, text,
        });
      }
      line += text.split('\n').length - 1;
    }
  }
  return out;
}

function crdWithoutSchema(resource: Record<string, unknown>): boolean {
  if (resource.kind !== 'CustomResourceDefinition') return false;
  const spec = (resource.content as { spec?: { versions?: Array<{ schema?: { openAPIV3Schema?: unknown } }> } }).spec;
  const versions = Array.isArray(spec?.versions) ? spec.versions : [];
  return versions.length === 0 || versions.some((v) => !v?.schema?.openAPIV3Schema);
}
