import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_LIFECYCLE, lifecycleOf, statusIn } from '../../../src/core/schema/api-lifecycle';
import { compareVersions } from '../../../src/core/config/config';
import { builtinValidator, builtinVersionsOf, bundledKubernetesVersion, hasBuiltinSchema } from '../../../src/core/schema/kubernetes';

const DIR = join(__dirname, '..', '..', '..', 'schemas', 'kubernetes');
const bundle = JSON.parse(readFileSync(join(DIR, 'bundle.json'), 'utf8')) as { kinds: Record<string, string>; definitions: Record<string, unknown> };

describe('the generated schema bundle', () => {
  it('has a precompiled validator for each of its 70 kinds', () => {
    const keys = Object.keys(bundle.kinds);
    assert.equal(keys.length, 70);
    for (const key of keys) {
      const slash = key.lastIndexOf('/');
      assert.equal(typeof builtinValidator(key.slice(0, slash), key.slice(slash + 1)), 'function', key);
    }
    assert.equal(bundledKubernetesVersion(), '1.32.2');
  });

  it('shares definitions instead of repeating them (the pod-template kinds point at one PodSpec)', () => {
    const text = JSON.stringify(bundle);
    assert.ok(text.length < 400 * 1024, `bundle.json is ${text.length} bytes`);
    for (const kind of ['Deployment.apps.v1', 'StatefulSet.apps.v1', 'DaemonSet.apps.v1', 'Job.batch.v1']) {
      assert.match(JSON.stringify(bundle.definitions[kind]), /"\$ref":"#\/definitions\/PodTemplateSpec\d*"/, kind);
    }
  });

  it('validators/ is self-contained and small enough for the VSIX', () => {
    let total = 0;
    for (const file of readdirSync(join(DIR, 'validators')).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(DIR, 'validators', file), 'utf8');
      for (const [, target] of code.matchAll(/require\(("[^"]*"|'[^']*')\)/g)) assert.match(target!, /^["']\.\/[\w.-]+\.js["']$/, `${file} requires ${target}`);
      total += code.length;
    }
    assert.ok(total < 1200 * 1024, `validators/ holds ${total} bytes`);
  });

  it('validating a kind loads only its own validators (a ConfigMap does not load the PodSpec code)', () => {
    const script = `const k = require(${JSON.stringify(join(__dirname, '../../../src/core/schema/kubernetes.ts'))});
      const loaded = () => Object.keys(require.cache).filter((f) => f.includes('validators')).map((f) => f.split(/[\\\\/]/).pop()).sort();
      const before = loaded();
      k.builtinValidator('v1', 'ConfigMap')({ apiVersion: 'v1', kind: 'ConfigMap' });
      const configMap = loaded();
      k.builtinValidator('apps/v1', 'Deployment')({});
      console.log(JSON.stringify({ before, configMap, deployment: loaded() }));`;
    const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { encoding: 'utf8' });
    const { before, configMap, deployment } = JSON.parse(out) as Record<string, string[]>;
    assert.deepEqual(before, []);
    assert.ok(configMap!.includes('v1.ConfigMap.js') && configMap!.length <= 4, configMap!.join(' '));
    assert.ok(deployment!.includes('apps.v1.Deployment.js') && !configMap!.includes('apps.v1.Deployment.js'), deployment!.join(' '));
    const podSpecModules = deployment!.filter((f) => !configMap!.includes(f) && f.startsWith('shared-'));
    assert.ok(podSpecModules.length > 0, 'the Deployment loads shared modules the ConfigMap does not');
  });

  it('states its provenance', () => {
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
    for (const fact of ['v1.32.2', 'redacid/k8s-json-scheme', '200801bf30a49e61e08d34dfaab274f4922741af']) assert.ok(readme.includes(fact), fact);
  });

  it('a minimal object of every kind without required fields is valid (no false positives on the basics)', () => {
    for (const key of Object.keys(bundle.kinds)) {
      const slash = key.lastIndexOf('/');
      const apiVersion = key.slice(0, slash);
      const kind = key.slice(slash + 1);
      const validate = builtinValidator(apiVersion, kind)!;
      validate({ apiVersion, kind, metadata: { name: 'x', labels: { a: 'b' }, annotations: { c: 'd' } } });
      const unexpected = (validate.errors ?? []).filter((e) => e.keyword !== 'required');
      assert.deepEqual(unexpected, [], key);
    }
  });
});

describe('the API lifecycle table', () => {
  it('lists each removed apiVersion and kind once, deprecated before removed', () => {
    const seen = new Set<string>();
    for (const entry of API_LIFECYCLE) {
      assert.ok(compareVersions(entry.deprecatedIn, entry.removedIn) < 0, `${entry.apiVersion}: deprecated ${entry.deprecatedIn}, removed ${entry.removedIn}`);
      assert.ok(entry.replacement || entry.advice, `${entry.apiVersion} needs a replacement or advice`);
      for (const kind of entry.kinds) {
        const key = `${entry.apiVersion}/${kind}`;
        assert.ok(!seen.has(key), `${key} twice`);
        seen.add(key);
        assert.ok(!hasBuiltinSchema(entry.apiVersion, kind), `${key} is removed in 1.32 but has a schema`);
      }
    }
  });

  it('replacements are versions Kubernetes 1.32 serves (when the bundle knows the kind)', () => {
    for (const entry of API_LIFECYCLE) {
      if (!entry.replacement) continue;
      for (const kind of entry.kinds) {
        const known = builtinVersionsOf(kind);
        if (known.length > 0) assert.ok(known.includes(entry.replacement), `${entry.apiVersion} ${kind} → ${entry.replacement}, known: ${known.join(', ')}`);
      }
    }
  });

  it('statusIn: deprecated from deprecatedIn, removed from removedIn', () => {
    const cronJob = lifecycleOf('batch/v1beta1', 'CronJob')!;
    assert.equal(statusIn(cronJob, '1.20'), undefined);
    assert.equal(statusIn(cronJob, '1.21'), 'deprecated');
    assert.equal(statusIn(cronJob, '1.24'), 'deprecated');
    assert.equal(statusIn(cronJob, '1.25'), 'removed');
    assert.equal(statusIn(cronJob, '1.32'), 'removed');
  });
});
