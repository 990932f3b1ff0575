// `npm run fuzz`: the robustness tests (test/unit/robustness) with many more runs than in
// `npm test` (KUBEPLAN_FUZZ times as many, 20 by default), the full sizes of the hostile inputs
// (a 100 MB file, a million documents, truncation at every byte), and a new seed each time unless
// KUBEPLAN_FUZZ_SEED is set. A failure prints the seed and the counterexample: replay it with
// KUBEPLAN_FUZZ_SEED=<seed> npm run fuzz.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seed = process.env.KUBEPLAN_FUZZ_SEED ?? String(randomInt(2 ** 31 - 1));
const runs = process.env.KUBEPLAN_FUZZ ?? '20';
process.stderr.write(`kubeplan fuzz: KUBEPLAN_FUZZ=${runs} KUBEPLAN_FUZZ_SEED=${seed}\n`);
const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const result = spawnSync(process.execPath, ['--max-old-space-size=4096', mocha, '--no-config', '--require', 'tsx/cjs', '--extension', 'ts', '--timeout', '0', '--reporter', 'spec', 'test/unit/robustness/**/*.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, KUBEPLAN_FUZZ: runs, KUBEPLAN_FUZZ_SEED: seed },
});
if (result.status !== 0) process.stderr.write(`kubeplan fuzz: failed; replay with KUBEPLAN_FUZZ_SEED=${seed} KUBEPLAN_FUZZ=${runs} npm run fuzz\n`);
process.exitCode = result.status ?? 1;
