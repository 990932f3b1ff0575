/**
 * @fileoverview Runs one scenario folder of test/fixtures/sim through simulate() (see
 * scenarios.test.ts for the folder layout), and prints traffic as one line per path.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { parseFile, type SourceFile } from '../../../src/core/source/parse';
import type { ClusterView, TrafficPeer } from '../../../src/protocol/cluster-view';
import { lineResolver, simulate } from '../../../src/sim';

export const ROOT = path.join(__dirname, '../../fixtures/sim');

function peer(p: TrafficPeer): string {
  if (p.kind === 'external') return 'outside';
  if (p.kind === 'dns') return 'dns';
  return `${p.workload.kind}/${p.workload.namespace}/${p.workload.name}`;
}

export function trafficLines(view: ClusterView): string[] {
  return view.traffic.map((t) => {
    const verdict = t.allowed ? 'allowed' : `denied by ${(t.deniedBy ?? []).join('+')}`;
    return `${peer(t.from)} -> ${peer(t.to)} ${t.port}/${t.protocol} ${verdict}${t.policies.length ? ` (${t.policies.join(', ')})` : ''}`;
  }).sort();
}

export function workloadOf(view: ClusterView, podName: string): string | undefined {
  const w = view.workloads.find((x) => x.pods.includes(podName));
  return w ? `${w.kind}/${w.namespace}/${w.name}` : undefined;
}

export function runScenario(dir: string): { view: ClusterView; expected: Record<string, unknown> } {
  const names = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  const files: SourceFile[] = [];
  const manifests = [];
  let clusterManifests;
  for (const name of names) {
    if (name === 'expected.yaml' || name === 'options.yaml') continue;
    const file = parseFile(name, fs.readFileSync(path.join(dir, name), 'utf8'));
    files.push(file);
    if (name === 'cluster.yaml') clusterManifests = file.manifests;
    else manifests.push(...file.manifests);
  }
  const options = fs.existsSync(path.join(dir, 'options.yaml')) ? parse(fs.readFileSync(path.join(dir, 'options.yaml'), 'utf8')) ?? {} : {};
  const view = simulate(manifests, {
    clusterManifests,
    clusterConfig: options.cluster,
    withoutNodes: options.withoutNodes,
    cordon: options.cordon,
    now: options.now ? new Date(options.now) : undefined,
    replicasOverride: options.replicasOverride,
    lineOf: lineResolver(files),
  });
  const expectedFile = path.join(dir, 'expected.yaml');
  const expected = fs.existsSync(expectedFile) ? parse(fs.readFileSync(expectedFile, 'utf8')) ?? {} : {};
  return { view, expected };
}

