/**
 * @fileoverview `kubeplan simulate` run in-process through the command's run(args, io): the
 * table, the JSON contract, the what-if flags, --fail-on-pending and usage errors.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import simulateCommand from '../../../src/cli/commands/simulate';
import { withUserErrors } from '../../../src/cli/errors';
import { nodeFs, type Io } from '../../../src/cli/io';
import type { ClusterView } from '../../../src/protocol/cluster-view';

const FIXTURES = path.join(__dirname, '../../fixtures/sim');

async function cli(args: string[], cwd = FIXTURES): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    cwd,
    env: {},
    stdoutIsTTY: false,
    readStdin: async () => '',
    fs: nodeFs,
  };
  const code = await withUserErrors('simulate', io, () => simulateCommand.run(args, io));
  return { code, stdout, stderr };
}

describe('kubeplan simulate', () => {
  it('prints nodes with their pods, Pending pods with the scheduler\'s reason, and Services', async () => {
    const { code, stdout } = await cli(['what-if-node-removed/manifests.yaml']);
    assert.equal(code, 0);
    assert.match(stdout, /^NODE +ROLE +ZONE +CPU +MEMORY +PODS$/m);
    assert.match(stdout, /^control-plane \(node-role\.kubernetes\.io\/control-plane:NoSchedule\) +control-plane +zone-a +0\/2 /m);
    assert.match(stdout, /^node-1:\n {2}default\/web-/m);
    assert.match(stdout, /^PENDING: none$/m);
    assert.match(stdout, /^ {2}default\/web +ClusterIP +80→80\/TCP +3 endpoint\(s\): web-/m);
  });

  it('answers the what-if: moved pods, newly Pending ones, Services left without endpoints; --fail-on-pending exits 1', async () => {
    const { code, stdout } = await cli(['what-if-node-removed/manifests.yaml', '--without-node', 'node-1', '--fail-on-pending']);
    assert.equal(code, 1);
    assert.match(stdout, /^WHAT IF node-1 disappeared$/m);
    assert.match(stdout, /^ {2}moved: web-78fc8fd67d-npscp node-1 → node-2$/m);
    assert.match(stdout, /^ {2}newly Pending: license-server-5b58cb57db-n277v$/m);
    assert.match(stdout, /^ {2}Services left without endpoints: default\/license-server$/m);
    assert.match(stdout, /license-server-5b58cb57db-n277v \[Pending\]: 0\/3 nodes are available: 1 node\(s\) had untolerated taint \{node-role\.kubernetes\.io\/control-plane: \}, 2 node\(s\) didn't match Pod's node affinity\/selector\./);
  });

  it('exits 0 with --fail-on-pending when every pod is placed', async () => {
    const { code } = await cli(['what-if-node-removed/manifests.yaml', '--fail-on-pending']);
    assert.equal(code, 0);
  });

  it('prints the ClusterView contract with --format json, sources pointing at the manifests', async () => {
    const { code, stdout } = await cli(['netpol-deny-all', '--format', 'json']);
    assert.equal(code, 0);
    const view = JSON.parse(stdout) as ClusterView;
    assert.equal(view.version, 1);
    assert.deepEqual(view.nodes.map((n) => n.name), ['control-plane', 'node-1', 'node-2', 'node-3']);
    const backend = view.pods.find((p) => p.owner.name.startsWith('backend-'))!;
    assert.deepEqual(backend.source, { file: 'netpol-deny-all/app.yaml', line: 32 });
    assert.ok(view.traffic.length > 0 && view.traffic.every((t) => !t.allowed));
  });

  it('lists CronJobs with their next runs from --now', async () => {
    const { stdout } = await cli(['jobs-cronjobs-hpa/manifests.yaml', '--now', '2026-03-14T09:30:00Z']);
    assert.match(stdout, /^ {2}default\/nightly-backup "30 2 \* \* \*" \(At 02:30, Europe\/Paris\): next: 2026-03-15T01:30:00\.000Z, 2026-03-16T01:30:00\.000Z, 2026-03-17T01:30:00\.000Z$/m);
    assert.match(stdout, /^ {2}default\/paused "\*\/15 \* \* \* \*" \(Every 15 minutes\): suspended$/m);
    assert.equal((await cli(['jobs-cronjobs-hpa/manifests.yaml', '--now', 'yesterday'])).code, 2);
  });

  it('lists denied traffic in the table', async () => {
    const { stdout } = await cli(['netpol-allow-frontend-to-backend']);
    assert.match(stdout, /^DENIED TRAFFIC \(1 of 6 paths\)$/m);
    assert.match(stdout, /^ {2}Deployment\/shop\/frontend → Deployment\/shop\/backend 9090\/TCP via Service\/backend: denied on ingress \(shop\/default-deny-ingress, shop\/allow-frontend-to-backend\)$/m);
  });

  it('takes the cluster from --cluster (Node objects) and runs its workloads first', async () => {
    const { stdout } = await cli(['preemption/manifests.yaml', '--cluster', 'preemption/cluster.yaml', '--format', 'json']);
    const view = JSON.parse(stdout) as ClusterView;
    assert.deepEqual(view.pods.find((p) => p.name === 'api-b96c9fdd-sk98z')!.preempted, ['scratch']);
    const nodes = await cli(['score-balanced-allocation/manifests.yaml', '--cluster', 'score-taint-prefer-no-schedule/cluster.yaml', '--format', 'json']);
    assert.deepEqual((JSON.parse(nodes.stdout) as ClusterView).nodes.map((n) => n.name), ['a-spot', 'b-regular']);
  });

  it('takes the cluster from the `cluster:` section of the nearest .kubeplan.yaml', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeplan-sim-'));
    try {
      fs.writeFileSync(path.join(dir, '.kubeplan.yaml'), 'cluster:\n  servers: 1\n  agents: 2\n  cpu: 2\n  memory: 4Gi\n');
      fs.copyFileSync(path.join(FIXTURES, 'what-if-node-removed/manifests.yaml'), path.join(dir, 'app.yaml'));
      const { code, stdout } = await cli(['app.yaml', '--format', 'json'], dir);
      assert.equal(code, 0);
      const view = JSON.parse(stdout) as ClusterView;
      assert.deepEqual(view.nodes.map((n) => `${n.name} ${n.origin} ${n.allocatable.cpu}`), ['server-0 config 2000', 'agent-0 config 2000', 'agent-1 config 2000']);
      assert.ok(view.pods.every((p) => p.node !== 'server-0'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on a bad flag, a bad format, a --cluster file without nodes, and warns about an unknown node', async () => {
    assert.equal((await cli(['--bogus'])).code, 2);
    const format = await cli(['preemption/manifests.yaml', '--format', 'xml']);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--format: unknown format "xml"; expected table or json/);
    const cluster = await cli(['preemption/manifests.yaml', '--cluster', 'what-if-node-removed/options.yaml']);
    assert.equal(cluster.code, 2);
    assert.match(cluster.stderr, /no Node objects, no k3d config \(kind: Simple\) and no running workloads in the file/);
    const unknown = await cli(['preemption/manifests.yaml', '--cordon', 'node-9']);
    assert.equal(unknown.code, 0);
    assert.match(unknown.stderr, /no node named "node-9" in the cluster \(nodes: control-plane, node-1, node-2, node-3\)/);
  });
});
