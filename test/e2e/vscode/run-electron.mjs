#!/usr/bin/env node
// `npm run test:electron`: the same integration suite in desktop VS Code through @vscode/test-electron, for
// contributors whose machines can download VS Code (it fetches a build at run time; this repo's CI uses
// test/e2e/run.sh and code-server instead). Needs a display (or xvfb-run) on Linux.
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
execFileSync('node', ['test/e2e/vscode/build.mjs'], { cwd: root, stdio: 'inherit' });
const workspace = path.join(root, 'out/e2e/workspace-electron');
rmSync(workspace, { recursive: true, force: true });
cpSync(path.join(root, 'test/e2e/vscode/workspace'), workspace, { recursive: true });

const { runTests } = await import('@vscode/test-electron');
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/test/e2e/suite/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
  });
} catch (error) {
  console.error(`test:electron failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
