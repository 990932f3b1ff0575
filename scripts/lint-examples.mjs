// `npm run lint:examples`: builds the CLI and lints the DockerCoins example app. Its deliberate
// mistakes make `kubeplan lint` exit 1; that is the expected outcome here, so it exits 0. Exit
// code 2 (a usage or I/O error) or a crash still fails.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });

const build = run(['scripts/build.mjs']);
if (build.status !== 0) process.exit(build.status ?? 1);
const lint = run(['bin/kubeplan.js', 'lint', 'examples/dockercoins', ...process.argv.slice(2)]);
if (lint.status === 1) {
  process.stdout.write('\nkubeplan lint exited 1: the findings above are the deliberate mistakes of examples/dockercoins (see its README).\n');
  process.exit(0);
}
process.exit(lint.status ?? 1);
