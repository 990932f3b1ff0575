/**
 * @fileoverview Scenario tests: one folder per scenario under test/fixtures/sim, holding the
 * manifests (`*.yaml`), optionally `cluster.yaml` (Node objects or a k3d config, as given to
 * `--cluster`) and `options.yaml` (`cluster:` config section, `withoutNodes`, `cordon`, `now`),
 * and `expected.yaml`, which states what a real kube-scheduler and cluster would do:
 *
 * - `placements`: pod name → node (null while Pending);
 * - `counts`: workload (`Kind/namespace/name`) → node (or `Pending`) → number of its pods;
 * - `pending`: pod name or workload → the exact FailedScheduling reason of its Pending pods;
 * - `preemption`: pod name or workload → DefaultPreemption's part of the event;
 * - `preempted`: pod name → the pods it evicted;
 * - `traffic`: every traffic path, one line each (`from -> to port/protocol allowed|denied …`);
 * - `endpoints`: `namespace/service` → endpoint count;
 * - `volumes`: `Kind/namespace/name` → status; `whatIf`: a subset of the what-if report;
 * - `permissions`: `namespace/serviceaccount` → rules as `verbs resources @scope via`;
 * - `schedules`: workload → next runs.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { ClusterView } from '../../../src/protocol/cluster-view';
import { ROOT, runScenario, trafficLines, workloadOf } from './scenario-helper';

function check(view: ClusterView, expected: Record<string, any>): void {
  const pod = (name: string) => {
    const p = view.pods.find((x) => x.name === name);
    assert.ok(p, `no pod named ${name}; pods: ${view.pods.map((x) => x.name).join(', ')}`);
    return p;
  };
  const pendingOf = (key: string) => {
    const pods = key.includes('/') ? view.pods.filter((p) => workloadOf(view, p.name) === key && p.node === null) : [pod(key)];
    assert.ok(pods.length > 0, `${key}: expected Pending pods`);
    return pods;
  };
  for (const [name, node] of Object.entries(expected.placements ?? {})) assert.equal(pod(name).node, node, `placement of ${name}`);
  for (const [key, want] of Object.entries(expected.counts ?? {})) {
    const got: Record<string, number> = {};
    for (const p of view.pods) if (workloadOf(view, p.name) === key) got[p.node ?? 'Pending'] = (got[p.node ?? 'Pending'] ?? 0) + 1;
    assert.deepEqual(got, want, `pods of ${key} per node`);
  }
  for (const [key, reason] of Object.entries(expected.pending ?? {})) for (const p of pendingOf(key)) assert.equal(p.reason, reason, `reason of ${p.name}`);
  for (const [key, text] of Object.entries(expected.preemption ?? {})) for (const p of pendingOf(key)) assert.equal(p.preemption, text, `preemption of ${p.name}`);
  for (const [name, victims] of Object.entries(expected.preempted ?? {})) assert.deepEqual(pod(name).preempted ?? [], victims, `victims of ${name}`);
  if (expected.traffic) assert.deepEqual(trafficLines(view), [...expected.traffic].sort());
  for (const [key, count] of Object.entries(expected.endpoints ?? {})) {
    const svc = view.services.find((s) => `${s.namespace}/${s.name}` === key);
    assert.ok(svc, `no Service ${key}`);
    assert.equal(svc.endpoints.length, count, `endpoints of ${key}`);
  }
  for (const [key, status] of Object.entries(expected.volumes ?? {})) {
    const v = view.volumes.find((x) => `${x.kind}/${x.namespace ?? ''}/${x.name}` === key);
    assert.ok(v, `no volume ${key}; volumes: ${view.volumes.map((x) => `${x.kind}/${x.namespace ?? ''}/${x.name}`).join(', ')}`);
    assert.equal(v.status, status, `status of ${key} (${v.reason ?? ''})`);
  }
  for (const [key, rules] of Object.entries(expected.permissions ?? {})) {
    const sa = view.serviceAccounts.find((s) => `${s.namespace}/${s.name}` === key);
    assert.ok(sa, `no ServiceAccount ${key}`);
    assert.deepEqual(sa.rules.map((r) => `${r.verbs.join(',')} ${r.resources.join(',')} @${r.scope} via ${r.via}`), rules);
  }
  for (const [key, runs] of Object.entries(expected.schedules ?? {})) {
    const w = view.workloads.find((x) => `${x.kind}/${x.namespace}/${x.name}` === key);
    assert.deepEqual(w?.schedule?.nextRuns, runs, `next runs of ${key}`);
  }
  if (expected.whatIf) {
    const w = view.whatIf as unknown as Record<string, unknown>;
    assert.ok(w, 'expected a what-if report');
    for (const [k, v] of Object.entries(expected.whatIf)) assert.deepEqual(w[k], v, `whatIf.${k}`);
  }
  if (expected.nodes) assert.deepEqual(view.nodes.map((n) => n.name), expected.nodes);
}

describe('simulation scenarios', () => {
  const dirs = fs.existsSync(ROOT) ? fs.readdirSync(ROOT).filter((d) => fs.statSync(path.join(ROOT, d)).isDirectory()).sort() : [];
  it('has scenarios', () => assert.ok(dirs.length > 0));
  for (const dir of dirs) {
    const expectedText = fs.readFileSync(path.join(ROOT, dir, 'expected.yaml'), 'utf8');
    const title = (parse(expectedText) ?? {}).description ?? dir;
    it(`${dir}: ${title}`, () => {
      const { view, expected } = runScenario(path.join(ROOT, dir));
      check(view, expected);
    });
  }
});
