/**
 * @fileoverview KubePlan in-process: the core's lint over all files at once (references resolve
 * across them), each file's findings counted and dropped as the CLI reports and drops them
 * (`lintEach`). `schema` runs the schema rules only, for the like-for-like comparison with
 * yaml-language-server; `all` runs every rule with its default severity.
 */
import { parseAllDocuments } from 'yaml';
import { lintParallel } from '../../src/cli/lint-parallel';
import { defaultConfig } from '../../src/core/config/config';
import { lintEach } from '../../src/core/lint';
import { RULES } from '../../src/core/rules';
import type { BenchFile, Tool } from '../lib/types';

export const SCHEMA_RULES = new Set(['schema-validation', 'unknown-resource-kind', 'yaml-syntax', 'yaml-duplicate-key']);

export function createKubeplan(which: 'all' | 'schema'): Tool {
  const rules = which === 'all' ? RULES : RULES.filter((r) => SCHEMA_RULES.has(r.id));
  return {
    name: which === 'all' ? 'kubeplan lint (in-process)' : 'kubeplan schema only (in-process)',
    async run(files: readonly BenchFile[]) {
      let findings = 0;
      let resources = 0;
      for (const r of lintEach(files, { rules })) {
        findings += r.findings.length;
        resources += r.source.manifests.length;
      }
      return { findings, resources };
    },
  };
}

/** The floor: parsing the same files with `yaml` alone (nothing in this stack can be faster). */
export function createFloor(): Tool {
  return {
    name: 'floor: yaml parseAllDocuments',
    async run(files: readonly BenchFile[]) {
      let docs = 0;
      for (const f of files) {
        const parsed = parseAllDocuments(f.text);
        docs += Array.isArray(parsed) ? parsed.length : 0;
      }
      return { findings: 0, resources: docs };
    },
  };
}

/** KubePlan with `--jobs N` worker threads (the same findings as one thread). */
export function createKubeplanJobs(jobs: number): Tool {
  const config = defaultConfig();
  return {
    name: `kubeplan lint --jobs ${jobs} (in-process)`,
    async run(files: readonly BenchFile[]) {
      const results = await lintParallel(files.map((f) => ({ ...f, config })), { jobs });
      let findings = 0;
      for (const r of results) findings += r.findings.length;
      return { findings };
    },
  };
}
