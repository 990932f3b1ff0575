/**
 * @fileoverview `--jobs N` and `--shard i/n` (src/cli/lint-parallel.ts): worker threads give
 * exactly the findings of one thread, references across the threads' files included, and shards
 * split a tree deterministically, each file in exactly one shard, a folder's files together.
 */
import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/config';
import type { Finding } from '../../../src/core/finding';
import { lint, Linter } from '../../../src/core/lint';
import { lintParallel, parseShard, partition, selectShard, shardOf } from '../../../src/cli/lint-parallel';
import { run } from '../../../src/cli/main';
import { fakeIo, tempProject } from '../../cli/helpers';
import { FUZZ, samples } from './helpers';

function plain(f: Finding): unknown {
  return JSON.parse(JSON.stringify({ ...f, fix: undefined, suggestions: undefined }));
}

const deployment = (name: string, configMap: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
        - name: ${name}
          image: nginx:1.27
          envFrom: [{configMapRef: {name: ${configMap}}}]
`;

describe('lint-parallel: --shard', () => {
  it('reads i/n and refuses anything else', () => {
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    assert.deepEqual(parseShard(' 1 / 1 '), { index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', '2', '2/0', 'a/b', '-1/2', '1/2/3']) assert.throws(() => parseShard(bad), /--shard/, bad);
  });

  it('puts every file in exactly one shard, a folder\'s files in the same one, the same way every time', () => {
    const files = Array.from({ length: 300 }, (_, i) => ({ display: `apps/app-${i % 37}/file-${i}.yaml` }));
    for (const count of [1, 2, 3, 7]) {
      const shards = Array.from({ length: count }, (_, i) => selectShard(files, { index: i + 1, count }));
      assert.equal(shards.reduce((n, s) => n + s.length, 0), files.length);
      assert.equal(new Set(shards.flat()).size, files.length);
      for (const f of files) assert.equal(shardOf(f.display, count), shardOf(f.display.replace(/file-\d+/, 'other'), count));
    }
    // Pinned values: a change of hash would silently reshuffle every CI matrix.
    assert.deepEqual(['a/x.yaml', 'b/c/y.yaml', 'z.yaml'].map((d) => shardOf(d, 4)), [shardOf('a/q.yaml', 4), shardOf('b/c/q.yaml', 4), shardOf('q.yaml', 4)]);
    assert.deepEqual(['a/x.yaml', 'b/c/y.yaml', 'z.yaml', 'deploy/prod/app.yaml'].map((d) => shardOf(d, 4)), [1, 4, 2, 3]);
    const three = selectShard(files, { index: 2, count: 3 }).length;
    assert.ok(three > 40 && three < 160, `unbalanced shard: ${three} of 300`);
  });
});

describe('lint-parallel: --jobs', function () {
  this.timeout(FUZZ > 0 ? 0 : 120_000);

  it('partitions by weight, deterministically, keeping the input order inside each group', () => {
    const items = [5, 1, 9, 3, 3, 7, 2];
    const groups = partition(items, 3, (x) => x);
    assert.deepEqual(groups, partition(items, 3, (x) => x));
    assert.equal(groups.flat().length, items.length);
    const loads = groups.map((g) => g.reduce((a, b) => a + b, 0));
    assert.ok(Math.max(...loads) - Math.min(...loads) <= 3, `loads ${loads}`);
    for (const g of groups) assert.deepEqual(g, [...g].sort((a, b) => items.indexOf(a) - items.indexOf(b)));
    assert.deepEqual(partition([], 4, () => 1), []);
  });

  it('two workers give exactly the findings of one thread, references across their files included', async () => {
    const inputs = [
      { path: 'a/web.yaml', text: deployment('web', 'web-settings') },
      { path: 'b/settings.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-settings, namespace: shop}\ndata: {a: "1"}\n' },
      { path: 'c/api.yaml', text: deployment('api', 'missing-settings') },
      { path: 'd/ns.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n' },
      { path: 'e/dup.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-settings, namespace: shop}\n' },
      ...samples().filter((s) => s.text.length < 30_000).slice(0, 12).map((s) => ({ path: s.name, text: s.text })),
    ];
    const config = defaultConfig();
    const serial = lint(inputs, { config });
    const parallel = await lintParallel(inputs.map((f) => ({ ...f, config })), { jobs: 2 });
    assert.deepEqual(parallel.map((r) => r.path), serial.map((r) => r.path));
    for (let i = 0; i < serial.length; i++) {
      assert.deepEqual(parallel[i]!.findings.map(plain), serial[i]!.findings.map(plain), serial[i]!.path);
    }
    // The cross-file checks did run: the missing ConfigMap and the duplicate are reported.
    const ids = parallel.flatMap((r) => r.findings.map((f) => `${r.path}:${f.ruleId}`));
    assert.ok(ids.includes('c/api.yaml:configmap-not-found'), ids.join('\n'));
    assert.ok(!ids.includes('a/web.yaml:configmap-not-found'), ids.join('\n'));
  });

  it('with `here`, this thread lints the first group (parsing every file) and the workers the others: the same findings', async () => {
    const inputs = [
      { path: 'a/web.yaml', text: deployment('web', 'web-settings') },
      { path: 'b/settings.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-settings, namespace: shop}\ndata: {a: "1"}\n' },
      { path: 'c/api.yaml', text: deployment('api', 'missing-settings') },
      ...samples().filter((s) => s.text.length < 30_000).slice(0, 9).map((s) => ({ path: s.name, text: s.text })),
    ];
    const config = defaultConfig();
    const serial = lint(inputs, { config });
    for (const jobs of [2, 3]) {
      const mine: string[] = [];
      const here = (own: readonly string[]) => {
        mine.push(...own);
        const linter = new Linter({ config, incremental: false });
        for (const f of inputs) linter.setFile(f.path, f.text);
        return own.map((path) => ({ path, findings: linter.lintFile(path).findings }));
      };
      const parallel = await lintParallel(inputs.map((f) => ({ ...f, config })), { jobs, here });
      assert.deepEqual(mine, partition(inputs, jobs, (f) => f.text.length + 200)[0]!.map((f) => f.path));
      assert.ok(mine.length > 0 && mine.length < inputs.length);
      assert.deepEqual(parallel.map((r) => r.path), serial.map((r) => r.path));
      for (let i = 0; i < serial.length; i++) assert.deepEqual(parallel[i]!.findings.map(plain), serial[i]!.findings.map(plain), `${jobs} jobs: ${serial[i]!.path}`);
    }
  });

  it('with `here`, an error on this thread stops the workers and is the one thrown', async () => {
    const config = defaultConfig();
    const inputs = ['a', 'b', 'c'].map((n) => ({ path: `${n}.yaml`, text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${n}}\n`, config }));
    await assert.rejects(lintParallel(inputs, { jobs: 2, here: () => { throw new Error('here failed'); } }), /here failed/);
  });

  it('keeps the safe fixes when asked', async () => {
    const config = defaultConfig();
    const inputs = [
      ...samples().filter((s) => s.text.length < 30_000).slice(-8).map((s) => ({ path: s.name, text: s.text, config })),
      { path: 'misspelt.yaml', text: 'apiVersion: v1\nkind: configmap\nmetadata: {name: a}\n', config },
    ];
    const serial = lint(inputs, { config }).flatMap((r) => r.findings.filter((f) => f.fix).map((f) => f.fix));
    const parallel = (await lintParallel(inputs, { jobs: 2, fixes: true })).flatMap((r) => r.findings.filter((f) => f.fix).map((f) => f.fix));
    assert.ok(serial.length > 0, 'no safe fix among the inputs: the test would check nothing');
    assert.deepEqual(parallel, serial);
  });

  it('kubeplan lint --jobs 2 prints what one thread prints, and --shard splits the tree', async () => {
    const project = tempProject({
      'a/web.yaml': deployment('web', 'web-settings'),
      'b/settings.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-settings, namespace: shop}\ndata: {a: "1"}\n',
      'c/api.yaml': deployment('api', 'missing-settings'),
      'd/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n',
    });
    try {
      const lintWith = async (...args: string[]) => {
        const io = fakeIo(project.dir);
        const code = await run(['lint', '--format', 'json', ...args, '.'], io);
        return { code, out: io.out, err: io.err };
      };
      const one = await lintWith();
      const two = await lintWith('--jobs', '2');
      assert.equal(two.code, one.code, two.err);
      assert.deepEqual(JSON.parse(two.out), JSON.parse(one.out));
      const shards = await Promise.all([1, 2, 3].map((i) => lintWith('--shard', `${i}/3`)));
      const files = shards.flatMap((r) => (JSON.parse(r.out) as Array<{ file: string }>).map((f) => f.file)).sort();
      assert.deepEqual(files, ['a/web.yaml', 'b/settings.yaml', 'c/api.yaml', 'd/ns.yaml']);
    } finally {
      project.cleanup();
    }
  });
});
