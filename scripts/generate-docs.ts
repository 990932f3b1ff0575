/**
 * `npm run docs`: writes docs/rules/<id>.md for every registered rule, removes pages of rules
 * that no longer exist, regenerates the README's rule table between its markers and the JSON
 * Schema of `.kubeplan.yaml` (schemas/kubeplan-config.schema.json).
 * `npm run docs -- --check` only says what is stale (exit 1), without writing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_SCHEMA_PATH, configSchemaText } from '../src/cli/config-schema';
import { generatedPages, readmeRulesSection, replaceReadmeSection } from '../src/cli/docs';
import { RULES } from '../src/core/rules';

const ROOT = path.resolve(__dirname, '..');
const DOCS_DIR = path.join(ROOT, 'docs/rules');
const README = path.join(ROOT, 'README.md');

/** Every file the generator owns, with its expected content (null: must not exist). */
export function expectedFiles(): Map<string, string | null> {
  const files = new Map<string, string | null>();
  for (const [rel, text] of generatedPages(RULES)) files.set(path.join(ROOT, rel), text);
  if (fs.existsSync(DOCS_DIR)) {
    for (const name of fs.readdirSync(DOCS_DIR)) {
      const full = path.join(DOCS_DIR, name);
      if (name.endsWith('.md') && !files.has(full)) files.set(full, null);
    }
  }
  files.set(path.join(ROOT, CONFIG_SCHEMA_PATH), configSchemaText(RULES));
  files.set(README, replaceReadmeSection(fs.readFileSync(README, 'utf8'), readmeRulesSection(RULES)));
  return files;
}

/** Paths (relative to the repository) whose content differs from what the generator makes. */
export function staleFiles(): string[] {
  const stale: string[] = [];
  for (const [file, text] of expectedFiles()) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (current !== text) stale.push(path.relative(ROOT, file));
  }
  return stale.sort();
}

function main(): void {
  if (process.argv.includes('--check')) {
    const stale = staleFiles();
    if (stale.length) {
      process.stderr.write(`Stale generated docs (run \`npm run docs\`):\n${stale.map((s) => `  ${s}`).join('\n')}\n`);
      process.exitCode = 1;
    }
    return;
  }
  fs.mkdirSync(DOCS_DIR, { recursive: true });
  let written = 0;
  for (const [file, text] of expectedFiles()) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (current === text) continue;
    if (text === null) fs.rmSync(file);
    else fs.writeFileSync(file, text);
    written++;
  }
  process.stdout.write(`docs: ${RULES.length} rules, ${written} file${written === 1 ? '' : 's'} updated\n`);
}

if (require.main === module) main();
