// Builds the integration tests for the extension host: one CommonJS file per suite file, `vscode`
// and `mocha` left to require() at run time. Output: out/test/e2e/suite/.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const suite = path.join(here, 'suite');
const entryPoints = readdirSync(suite).filter((f) => f.endsWith('.ts') && f !== 'helpers.ts').map((f) => path.join(suite, f));
rmSync(path.join(root, 'out/test/e2e/suite'), { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outdir: path.join(root, 'out/test/e2e/suite'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
