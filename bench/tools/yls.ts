/**
 * @fileoverview yaml-language-server (the engine of the Red Hat YAML extension) validating the
 * same documents against the same Kubernetes schemas, through its language-service API.
 * One dispatcher schema picks each document's schema by apiVersion and kind (`if`/`then`),
 * so a multi-document file is validated document by document, as KubePlan does.
 */
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { loadSchemas } from '../lib/schemas';
import type { BenchFile, Tool } from '../lib/types';

const DISPATCH_URI = 'file:///kubeplan-bench/kubernetes-dispatch.json';

export async function createYls(): Promise<Tool> {
  const yls = await import('yaml-language-server');
  const { TextDocument } = await import('vscode-languageserver-textdocument');
  const schemas = loadSchemas();
  const dispatcher = {
    allOf: schemas.map((s) => ({
      if: { properties: { apiVersion: { const: s.apiVersion }, kind: { const: s.kind } }, required: ['apiVersion', 'kind'] },
      then: { $ref: pathToFileURL(s.file).href },
    })),
  };
  const service = yls.getLanguageService({
    schemaRequestService: async (uri: string) => {
      if (uri === DISPATCH_URI) return JSON.stringify(dispatcher);
      return readFileSync(new URL(uri), 'utf8');
    },
    workspaceContext: { resolveRelativePath: (relativePath: string, resource: string) => new URL(relativePath, resource).href },
  } as never);
  service.configure({ validate: true, hover: false, completion: false, format: false, isKubernetes: false, schemas: [{ uri: DISPATCH_URI, fileMatch: ['*.yaml', '*.yml'] }] } as never);
  let version = 0;
  return {
    name: 'yaml-language-server',
    async run(files: readonly BenchFile[]) {
      let findings = 0;
      for (const f of files) {
        const doc = TextDocument.create(pathToFileURL(f.path).href, 'yaml', ++version, f.text);
        const d = await service.doValidation(doc, false); if (process.env.BENCH_DEBUG) console.error(d.map((x) => x.message)); findings += d.length;
      }
      return { findings };
    },
  };
}
