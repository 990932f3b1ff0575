import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pod, tempProject } from './helpers';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/kubeplan.js');

describe('bin/kubeplan.js as a real process', () => {
  let project: ReturnType<typeof tempProject>;
  before(function () {
    this.timeout(120000);
    // The bin runs the bundle: build it from the current sources.
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'pipe' });
    project = tempProject({ 'web.yaml': pod('web', 'nginx:latest'), 'broken.yaml': 'a: [\n' });
  });
  after(() => project.cleanup());

  const kubeplan = (args: string[], input?: string) =>
    spawnSync(process.execPath, [BIN, ...args], { cwd: project.dir, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });

  it('prints its version', () => {
    const r = kubeplan(['--version']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('lints files, sets the exit code, writes JSON', () => {
    let r = kubeplan(['lint', 'web.yaml', '--format', 'json']);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.ok((JSON.parse(r.stdout) as Array<{ findings: Array<{ ruleId: string }> }>)[0]!.findings.some((f) => f.ruleId === 'no-latest-image-tag'));
    r = kubeplan(['lint', 'broken.yaml']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /yaml-syntax/);
  });

  it('--jobs runs worker threads from the bundle, with the same report', () => {
    const one = kubeplan(['lint', '.', '--format', 'json']);
    const two = kubeplan(['lint', '.', '--format', 'json', '--jobs', '2']);
    assert.equal(two.status, one.status, two.stderr);
    assert.equal(two.stdout, one.stdout);
  });

  it('reads stdin', () => {
    const r = kubeplan(['lint', '-', '--format', 'json'], 'a: [\n');
    assert.equal(r.status, 1);
    assert.equal((JSON.parse(r.stdout) as Array<{ file: string }>)[0]!.file, '<stdin>');
  });

  it('exits 2 with one line and no stack trace on a user error', () => {
    const r = kubeplan(['lint', 'missing.yaml']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'kubeplan lint: no such file or directory: missing.yaml\n');
    assert.equal(r.stdout, '');
  });

  it('says to build first, without a stack trace, when the bundle is missing', () => {
    const checkout = mkdtempSync(path.join(os.tmpdir(), 'kubeplan-unbuilt-'));
    try {
      mkdirSync(path.join(checkout, 'bin'));
      copyFileSync(BIN, path.join(checkout, 'bin/kubeplan.js'));
      const r = spawnSync(process.execPath, [path.join(checkout, 'bin/kubeplan.js'), 'lint', '.'], { cwd: checkout, encoding: 'utf8' });
      assert.equal(r.status, 2);
      assert.equal(r.stderr, `kubeplan: out/cli.js is missing: this copy of KubePlan is not built. Run "npm ci && npm run build" in ${checkout} first.\n`);
      assert.equal(r.stdout, '');
    } finally {
      rmSync(checkout, { recursive: true, force: true });
    }
  });
});
