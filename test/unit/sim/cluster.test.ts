/**
 * @fileoverview Where the nodes come from: the `cluster:` section's two shapes, k3d configs
 * (taints and labels by node filter), Node objects, and the precedence between them.
 */
import * as assert from 'node:assert/strict';
import { parseFile } from '../../../src/core/source/parse';
import { clusterFromConfig, clusterFromK3d, defaultCluster, resolveNodes } from '../../../src/sim';

describe('cluster', () => {
  it('reads the k3s shorthand: servers tainted and labelled control-plane, agents plain', () => {
    const { nodes, problems } = clusterFromConfig({ servers: 1, agents: 2, cpu: '3500m', memory: '6Gi' });
    assert.deepEqual(problems, []);
    assert.deepEqual(nodes.map((n) => n.name), ['server-0', 'agent-0', 'agent-1']);
    assert.deepEqual(nodes[0]!.taints, [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    assert.equal(nodes[0]!.labels['node-role.kubernetes.io/control-plane'], 'true');
    assert.deepEqual(nodes[1]!.taints, []);
    assert.equal(nodes[1]!.allocatable.cpu, 3500);
    assert.equal(nodes[1]!.allocatable.memory, 6 * 1024 ** 3);
    assert.equal(clusterFromConfig({ servers: 1, taintServers: false }).nodes[0]!.taints.length, 0);
  });

  it('reads node groups with counts, zones round-robin, labels and taints in both notations', () => {
    const { nodes, problems } = clusterFromConfig({
      nodes: [
        { name: 'gpu', cpu: 8, taints: ['nvidia.com/gpu=present:NoSchedule', { key: 'spot', effect: 'PreferNoSchedule' }] },
        { name: 'worker', count: 3, zones: ['a', 'b'], labels: { disk: 'ssd' } },
      ],
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(nodes.map((n) => n.name), ['gpu', 'worker-1', 'worker-2', 'worker-3']);
    assert.deepEqual(nodes[0]!.taints, [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }, { key: 'spot', effect: 'PreferNoSchedule' }]);
    assert.deepEqual(nodes.slice(1).map((n) => n.labels['topology.kubernetes.io/zone']), ['a', 'b', 'a']);
    assert.equal(nodes[2]!.labels.disk, 'ssd');
    assert.equal(nodes[2]!.labels['kubernetes.io/hostname'], 'worker-2');
  });

  it('says what is wrong in a cluster section', () => {
    assert.deepEqual(clusterFromConfig({ nodes: [{ name: 'a', cpu: 'lots', taints: ['nope'] }] }).problems, [
      'cluster.nodes[0].taints[0]: expected key=value:Effect or {key, value, effect}',
      'cluster.nodes[0].cpu: expected a quantity, got "lots"',
    ]);
    assert.deepEqual(clusterFromConfig('big').problems, ['cluster: expected a mapping']);
  });

  it('reads a k3d config: untainted servers unless --node-taint says so, labels by node filter', () => {
    const [m] = parseFile('k3d.yaml', `apiVersion: k3d.io/v1alpha5
kind: Simple
metadata: {name: lab}
servers: 1
agents: 2
options:
  k3s:
    extraArgs:
      - {arg: "--node-taint=node-role.kubernetes.io/control-plane:NoSchedule", nodeFilters: ["server:*"]}
    nodeLabels:
      - {label: tier=edge, nodeFilters: ["agent:0"]}
`).manifests;
    const nodes = clusterFromK3d(m!);
    assert.deepEqual(nodes.map((n) => n.name), ['k3d-lab-server-0', 'k3d-lab-agent-0', 'k3d-lab-agent-1']);
    assert.deepEqual(nodes[0]!.taints, [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    assert.equal(nodes[1]!.labels.tier, 'edge');
    assert.equal(nodes[2]!.labels.tier, undefined);
  });

  it('prefers Node objects, then the config section, then a k3d config, then the default', () => {
    const node = parseFile('n.yaml', 'apiVersion: v1\nkind: Node\nmetadata: {name: solo}\nstatus: {allocatable: {cpu: "2", memory: 2Gi}}\n').manifests;
    const k3d = parseFile('k.yaml', 'apiVersion: k3d.io/v1alpha5\nkind: Simple\nmetadata: {name: x}\nservers: 1\n').manifests;
    const source = () => undefined;
    assert.deepEqual(resolveNodes(node, { clusterConfig: { servers: 1 } }, source).nodes.map((n) => n.name), ['solo']);
    assert.equal(resolveNodes(node, {}, source).nodes[0]!.allocatable.pods, 110);
    assert.deepEqual(resolveNodes(k3d, { clusterConfig: { servers: 1 } }, source).nodes.map((n) => n.name), ['server-0']);
    assert.deepEqual(resolveNodes(k3d, {}, source).nodes.map((n) => n.name), ['k3d-x-server-0']);
    assert.deepEqual(resolveNodes([], {}, source).nodes, defaultCluster());
  });
});
