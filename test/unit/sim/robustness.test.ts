/**
 * @fileoverview The simulation never throws and stays deterministic on real-world and hostile
 * inputs: every file of the shared corpus and the examples, and generated manifests with
 * values of the wrong types where the simulation reads fields.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseFile, type Manifest } from '../../../src/core/source/parse';
import { simulate } from '../../../src/sim';

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

describe('simulation robustness', () => {
  it('simulates every corpus and example file without throwing, the same way twice', function () {
    this.timeout(120000);
    const corpus = path.resolve(process.env.KUBEPLAN_CORPUS ?? path.join(__dirname, '../../../..', 'shared', 'corpus'));
    const files = [...yamlFiles(corpus), ...yamlFiles(path.join(__dirname, '../../../examples'))];
    for (const file of files) {
      const manifests = parseFile(file, fs.readFileSync(file, 'utf8')).manifests;
      const a = simulate(manifests, { now: new Date('2026-01-01T00:00:00Z') });
      const b = simulate(manifests, { now: new Date('2026-01-01T00:00:00Z') });
      assert.deepEqual(a, b, file);
      for (const p of a.pods) assert.ok(p.node !== null || p.reason, `${file}: ${p.name} is Pending without a reason`);
    }
  });

  it('survives fields of the wrong type anywhere the simulation reads', () => {
    const junk = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.boolean(), fc.constant([]), fc.constant({}), fc.constant([null, 1, 'x']));
    const field = fc.constantFrom('replicas', 'selector', 'template', 'resources', 'tolerations', 'affinity', 'nodeSelector', 'ports',
      'topologySpreadConstraints', 'initContainers', 'containers', 'volumes', 'priorityClassName', 'nodeName', 'hostNetwork', 'overhead', 'parallelism', 'schedule');
    fc.assert(fc.property(field, junk, fc.constantFrom('Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'), (key, value, kind) => {
      const spec: Record<string, unknown> = { containers: [{ name: 'a', image: 'nginx:1.27', resources: { requests: { cpu: '100m' } } }] };
      spec[key] = value;
      const object: Record<string, unknown> = { apiVersion: kind === 'Pod' ? 'v1' : kind.endsWith('Job') ? 'batch/v1' : 'apps/v1', kind, metadata: { name: 'x' } };
      if (kind === 'Pod') object.spec = spec;
      else if (kind === 'CronJob') object.spec = { schedule: key === 'schedule' ? value : '* * * * *', jobTemplate: { spec: { template: { spec } } } };
      else object.spec = { [key]: value, selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec } };
      const manifests: Manifest[] = parseFile('x.yaml', JSON.stringify(object)).manifests;
      const view = simulate(manifests, { now: new Date('2026-01-01T00:00:00Z') });
      assert.ok(Array.isArray(view.pods));
    }), { numRuns: 300, seed: 42 });
  });
});
