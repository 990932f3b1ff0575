/**
 * @fileoverview How simulation time grows with the cluster and the workloads: from 10 nodes ×
 * 100 pods to 1,000 nodes × 10,000 pods (the target: under a second on the CI machine).
 * Run with `npx tsx bench/simulation.ts`; prints a table (median of a few runs per size).
 * The inputs are generated: Node objects in three zones, Deployments of 10 replicas each with
 * requests and a Service per Deployment (so the default topology spreading applies), one
 * DaemonSet, and a NetworkPolicy per namespace.
 */
import { parseFile, type Manifest } from '../src/core/source/parse';
import { simulate } from '../src/sim';

function nodesYaml(count: number): string {
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    items.push(`apiVersion: v1
kind: Node
metadata:
  name: node-${String(i).padStart(4, '0')}
  labels: {kubernetes.io/hostname: node-${String(i).padStart(4, '0')}, topology.kubernetes.io/zone: zone-${'abc'[i % 3]}}
status:
  allocatable: {cpu: "16", memory: 64Gi, pods: "110"}`);
  }
  return items.join('\n---\n');
}

function workloadsYaml(pods: number, antiAffinity = false): string {
  const docs: string[] = [];
  const deployments = Math.ceil(pods / 10);
  for (let d = 0; d < deployments; d++) {
    const ns = `team-${d % 10}`;
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: {name: app-${d}, namespace: ${ns}}
spec:
  replicas: ${Math.min(10, pods - d * 10)}
  selector: {matchLabels: {app: app-${d}}}
  template:
    metadata: {labels: {app: app-${d}, team: ${ns}}}
    spec:${antiAffinity ? `
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                labelSelector: {matchLabels: {app: app-${d}}}
                topologyKey: kubernetes.io/hostname` : ''}
      containers:
        - name: app
          image: registry.example/app-${d}:1.0.${d}
          ports: [{name: http, containerPort: 8080}]
          resources: {requests: {cpu: ${100 + (d % 5) * 50}m, memory: ${128 + (d % 4) * 64}Mi}}`);
    docs.push(`apiVersion: v1
kind: Service
metadata: {name: app-${d}, namespace: ${ns}}
spec:
  selector: {app: app-${d}}
  ports: [{port: 80, targetPort: http}]`);
  }
  for (let t = 0; t < 10; t++) {
    docs.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: same-team, namespace: team-${t}}
spec:
  podSelector: {}
  ingress: [{from: [{podSelector: {}}]}]`);
  }
  docs.push(`apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: kube-system}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: agent, image: registry.example/agent:1.0.0, resources: {requests: {cpu: 50m, memory: 64Mi}}}]`);
  return docs.join('\n---\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Nodes, pods, and whether every Deployment prefers its replicas on distinct nodes (a common chart pattern). */
const SIZES: Array<[number, number, boolean]> = [[10, 100, false], [100, 1000, false], [300, 3000, false], [1000, 3000, false], [1000, 10000, false], [1000, 10000, true]];

// CPU time is shown beside wall time: on a shared machine the wall clock also counts other processes.
const rows: string[][] = [['nodes', 'pods (workloads)', 'anti-affinity', 'pods scheduled', 'pending', 'wall ms (median)', 'cpu ms (median)']];
for (const [nodes, pods, antiAffinity] of SIZES) {
  const manifests: Manifest[] = [
    ...parseFile('nodes.yaml', nodesYaml(nodes)).manifests,
    ...parseFile('apps.yaml', workloadsYaml(pods, antiAffinity)).manifests,
  ];
  const times: number[] = [];
  const cpu: number[] = [];
  let view;
  const runs = nodes * pods >= 1_000_000 ? 3 : 5;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    view = simulate(manifests);
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const scheduled = view!.pods.filter((p) => p.node !== null).length;
  rows.push([String(nodes), String(pods), antiAffinity ? 'preferred' : '-', String(scheduled), String(view!.pods.length - scheduled), median(times).toFixed(0), median(cpu).toFixed(0)]);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((c, i) => c.padStart(widths[i]!)).join('  '));
