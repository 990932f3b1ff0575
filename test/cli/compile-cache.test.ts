import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pod, tempProject } from './helpers';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/kubeplan.js');
/** Node 20 has no module.enableCompileCache: the bin keeps V8's cache in this one file. */
const OWN_CACHE = typeof (require('node:module') as { enableCompileCache?: unknown }).enableCompileCache !== 'function';

describe('bin/kubeplan.js: the V8 code cache', () => {
  let project: ReturnType<typeof tempProject>;
  let cacheRoot: string;
  before(function () {
    this.timeout(120000);
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'pipe' });
    project = tempProject({ 'web.yaml': pod('web', 'nginx:latest') });
    cacheRoot = mkdtempSync(path.join(tmpdir(), 'kubeplan-cache-test-'));
  });
  after(() => {
    project.cleanup();
    rmSync(cacheRoot, { recursive: true, force: true });
  });

  const kubeplan = (cache: string, args = ['lint', 'web.yaml', '--format', 'json']) => {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: project.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', KUBEPLAN_COMPILE_CACHE: cache },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  let expected: ReturnType<typeof kubeplan>;
  before(() => {
    expected = kubeplan('off');
    assert.ok(expected.status === 0 || expected.status === 1, expected.stderr);
    assert.match(expected.stdout, /no-latest-image-tag/);
  });

  it('is written on the first run, used on the next ones, and changes nothing the user sees', () => {
    const dir = path.join(cacheRoot, 'fresh');
    assert.deepEqual(kubeplan(dir), expected);
    assert.ok(existsSync(dir) && readdirSync(dir).length > 0, 'a cache was written');
    if (!OWN_CACHE) return;
    const file = path.join(dir, 'cli.js.v8-cache');
    const written = statSync(file).mtimeMs;
    assert.deepEqual(kubeplan(dir), expected);
    assert.equal(statSync(file).mtimeMs, written, 'an accepted cache is not written again');
  });

  it('is written again, once, by the first run of another command (with the functions it compiled)', function () {
    if (!OWN_CACHE) this.skip();
    const dir = path.join(cacheRoot, 'commands');
    const file = path.join(dir, 'cli.js.v8-cache');
    /** The commands the cache header says it has seen. */
    const seen = () => {
      const data = readFileSync(file);
      return data.toString('utf8', 4, 4 + data.readUInt32LE(0)).split('\n')[1];
    };
    const version = kubeplan('off', ['--version']);
    assert.deepEqual(kubeplan(dir, ['--version']), version);
    assert.equal(seen(), 'other');
    const small = statSync(file).size;
    assert.deepEqual(kubeplan(dir), expected);
    assert.equal(seen(), 'other,lint');
    assert.ok(statSync(file).size > small, 'the lint functions were added');
    const written = statSync(file).mtimeMs;
    assert.deepEqual(kubeplan(dir, ['--version']), version);
    assert.deepEqual(kubeplan(dir), expected);
    assert.equal(statSync(file).mtimeMs, written);
  });

  it('a corrupt cache is ignored and replaced', function () {
    if (!OWN_CACHE) this.skip();
    const dir = path.join(cacheRoot, 'corrupt');
    assert.deepEqual(kubeplan(dir), expected);
    const file = path.join(dir, 'cli.js.v8-cache');
    const good = readFileSync(file);
    // The right header (this bundle, this Node) and garbage after it: V8 must reject the data.
    const keyEnd = 4 + good.readUInt32LE(0);
    const bad = Buffer.concat([good.subarray(0, keyEnd), Buffer.alloc(good.length - keyEnd, 0x5a)]);
    writeFileSync(file, bad);
    assert.deepEqual(kubeplan(dir), expected);
    assert.ok(!readFileSync(file).equals(bad), 'the corrupt cache was replaced');
    writeFileSync(file, 'not a cache');
    assert.deepEqual(kubeplan(dir), expected);
  });

  it('a cache directory that cannot be created is no error', () => {
    const notADirectory = path.join(cacheRoot, 'a-file');
    writeFileSync(notADirectory, '');
    assert.deepEqual(kubeplan(path.join(notADirectory, 'cache')), expected);
  });

  it('KUBEPLAN_COMPILE_CACHE=off writes nothing', () => {
    const before = readdirSync(cacheRoot).sort();
    assert.deepEqual(kubeplan('off'), expected);
    assert.deepEqual(readdirSync(cacheRoot).sort(), before);
    assert.ok(!existsSync(path.join(project.dir, 'off')));
  });
});
