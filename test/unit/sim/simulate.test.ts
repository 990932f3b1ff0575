/**
 * @fileoverview simulate(): the vertical slice on the default cluster (Deployment → pods →
 * NodeResourcesFit and the control-plane taint → ClusterView).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFile } from '../../../src/core/source/parse';
import { lineResolver, simulate, workloadSummary, type SimulateOptions } from '../../../src/sim';
import { CLUSTER_VIEW_VERSION } from '../../../src/protocol/cluster-view';

function run(text: string, options: SimulateOptions = {}) {
  const file = parseFile('app.yaml', text);
  return simulate(file.manifests, { lineOf: lineResolver([file]), ...options });
}

const deployment = (replicas: number, cpu: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources: {requests: {cpu: "${cpu}", memory: 256Mi}}
`;

describe('simulate', () => {
  it('places a Deployment on the default workers, spreading its replicas, never on the tainted control plane', () => {
    const view = run(deployment(3, '500m'));
    assert.equal(view.version, CLUSTER_VIEW_VERSION);
    assert.deepEqual(view.nodes.map((n) => n.name), ['control-plane', 'node-1', 'node-2', 'node-3']);
    assert.equal(view.pods.length, 3);
    assert.deepEqual(view.pods.map((p) => p.node).sort(), ['node-1', 'node-2', 'node-3']);
    for (const p of view.pods) {
      assert.match(p.name, /^web-[bcdfghjklmnpqrstvwxz2456789]+-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      assert.equal(p.owner.kind, 'ReplicaSet');
      assert.deepEqual(p.requests, { cpu: 500, memory: 256 * 1024 * 1024, pods: 1 });
      assert.equal(p.qos, 'Burstable');
      assert.deepEqual(p.source, { file: 'app.yaml', line: 4 });
    }
    assert.equal(view.nodes[1]!.requested.cpu, 500);
  });

  it('gives the same pod names and placements on every run', () => {
    assert.deepEqual(run(deployment(4, '1')), run(deployment(4, '1')));
  });

  it('leaves pods Pending with kube-scheduler\'s message when the workers are full', () => {
    const view = run(deployment(7, '1500m'));
    const pending = view.pods.filter((p) => p.node === null);
    assert.equal(pending.length, 1);
    assert.equal(pending[0]!.phase, 'Pending');
    assert.equal(pending[0]!.reason, '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu.');
    assert.equal(pending[0]!.preemption, 'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.');
  });
});

describe('effective requests', () => {
  it('takes the largest init container against app containers plus native sidecars, and the QoS class', () => {
    const view = run(fs.readFileSync(path.join(__dirname, '../../fixtures/sim/statefulset-init-hostport/manifests.yaml'), 'utf8'));
    const migrate = view.pods.find((p) => p.name.startsWith('migrate-'))!;
    assert.deepEqual(migrate.requests, { cpu: 3000, memory: 192 * 1024 * 1024, pods: 1 });
    assert.equal(migrate.qos, 'Burstable');
    assert.equal(view.pods.find((p) => p.name === 'db-0')!.qos, 'Guaranteed');
    assert.equal(view.pods.find((p) => p.name.startsWith('edge-'))!.qos, 'BestEffort');
  });
});

describe('workloadSummary', () => {
  it('says where the pods of a workload land and how many are Pending, for the CodeLens', () => {
    const view = run(deployment(7, '1500m'));
    assert.equal(workloadSummary(view, { kind: 'Deployment', name: 'web', namespace: 'default' }), '7 pods → node-1, node-2, node-3 · 1 Pending');
    assert.equal(workloadSummary(view, { kind: 'Deployment', name: 'nope' }), undefined);
    assert.equal(workloadSummary(run(deployment(0, '1')), { kind: 'Deployment', name: 'web' }), 'no pods');
  });
});

describe('a cluster without nodes', () => {
  it('says so in kube-scheduler\'s words', () => {
    const nodes = 'apiVersion: v1\nkind: Node\nmetadata: {name: only}\nstatus: {allocatable: {cpu: "1", memory: 1Gi}}\n---\n';
    const view = run(nodes + deployment(1, '100m'), { withoutNodes: ['only'] });
    assert.equal(view.pods[0]!.reason, 'no nodes available to schedule pods');
    assert.equal(view.pods[0]!.preemption, undefined);
    assert.deepEqual(view.whatIf!.newlyPending, [view.pods[0]!.name]);
  });
});
