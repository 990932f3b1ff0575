/**
 * @fileoverview Writes a synthetic corpus of Kubernetes manifests to a folder: `count`
 * resources of every common kind, grouped by application (a Deployment with its Service,
 * ConfigMap, ServiceAccount, Ingress, HPA, PDB, NetworkPolicy, RBAC...), 100 per file, with
 * comments and a share of the mistakes the rules look for. Deterministic: the same seed gives
 * the same bytes, so runs on different days compare.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** A small seeded PRNG (mulberry32): the benchmark must not depend on Math.random. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Gen = (app: string, ns: string, r: () => number) => string;

const image = (r: () => number, name: string): string =>
  r() < 0.1 ? `${name}:latest` : r() < 0.2 ? name : `registry.example.com/team/${name}:1.${Math.floor(r() * 30)}.${Math.floor(r() * 10)}`;

const labels = (app: string, indent: string): string =>
  `${indent}app.kubernetes.io/name: ${app}\n${indent}app.kubernetes.io/part-of: shop\n`;

const container = (app: string, r: () => number, indent: string): string => {
  const probes = r() < 0.7;
  const resources = r() < 0.75;
  const secure = r() < 0.6;
  let out = `${indent}- name: ${app}\n${indent}  image: ${image(r, app)}\n`;
  out += `${indent}  ports:\n${indent}    - name: http\n${indent}      containerPort: ${8000 + Math.floor(r() * 1000)}\n`;
  out += `${indent}  env:\n${indent}    - name: LOG_LEVEL\n${indent}      value: info\n${indent}    - name: CONFIG\n${indent}      valueFrom:\n${indent}        configMapKeyRef: {name: ${app}-config, key: settings}\n`;
  if (resources) out += `${indent}  resources:\n${indent}    requests: {cpu: 100m, memory: 128Mi}\n${indent}    limits: {memory: 256Mi}\n`;
  if (probes) {
    out += `${indent}  readinessProbe:\n${indent}    httpGet: {path: /ready, port: http}\n`;
    out += `${indent}  livenessProbe:\n${indent}    httpGet: {path: /healthz, port: http}\n${indent}    periodSeconds: 10\n`;
  }
  if (secure) {
    out += `${indent}  securityContext:\n${indent}    runAsNonRoot: true\n${indent}    allowPrivilegeEscalation: false\n${indent}    readOnlyRootFilesystem: true\n${indent}    capabilities: {drop: [ALL]}\n`;
  }
  out += `${indent}  volumeMounts:\n${indent}    - {name: config, mountPath: /etc/${app}}\n`;
  return out;
};

const podSpec = (app: string, r: () => number, indent: string): string =>
  `${indent}serviceAccountName: ${app}\n${indent}containers:\n${container(app, r, indent + '  ')}` +
  `${indent}volumes:\n${indent}  - name: config\n${indent}    configMap: {name: ${app}-config}\n`;

const meta = (kind: string, api: string, app: string, ns: string | null, suffix = ''): string =>
  `apiVersion: ${api}\nkind: ${kind}\nmetadata:\n  name: ${app}${suffix}\n${ns ? `  namespace: ${ns}\n` : ''}  labels:\n${labels(app, '    ')}`;

const GENERATORS: Record<string, Gen> = {
  Deployment: (app, ns, r) => `# ${app}: the web tier\n${meta('Deployment', 'apps/v1', app, ns)}spec:\n  replicas: ${1 + Math.floor(r() * 4)}\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: ${app}\n  template:\n    metadata:\n      labels:\n${labels(app, '        ')}    spec:\n${podSpec(app, r, '      ')}`,
  Service: (app, ns) => `${meta('Service', 'v1', app, ns)}spec:\n  selector:\n    app.kubernetes.io/name: ${app}\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n`,
  ConfigMap: (app, ns) => `${meta('ConfigMap', 'v1', app, ns, '-config')}data:\n  settings: |\n    mode=production\n    workers=4\n  feature.flags: "a,b,c"\n`,
  Secret: (app, ns) => `${meta('Secret', 'v1', app, ns, '-credentials')}type: Opaque\nstringData:\n  username: ${app}\n  password: change-me\n`,
  ServiceAccount: (app, ns) => `${meta('ServiceAccount', 'v1', app, ns)}automountServiceAccountToken: false\n`,
  StatefulSet: (app, ns, r) => `${meta('StatefulSet', 'apps/v1', app, ns, '-db')}spec:\n  serviceName: ${app}\n  replicas: 3\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: ${app}\n  template:\n    metadata:\n      labels:\n${labels(app, '        ')}    spec:\n${podSpec(app, r, '      ')}  volumeClaimTemplates:\n    - metadata: {name: data}\n      spec:\n        accessModes: [ReadWriteOnce]\n        resources: {requests: {storage: 10Gi}}\n`,
  DaemonSet: (app, ns, r) => `${meta('DaemonSet', 'apps/v1', app, ns, '-agent')}spec:\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: ${app}\n  template:\n    metadata:\n      labels:\n${labels(app, '        ')}    spec:\n${podSpec(app, r, '      ')}      tolerations:\n        - {operator: Exists}\n`,
  Job: (app, ns, r) => `${meta('Job', 'batch/v1', app, ns, '-migrate')}spec:\n  backoffLimit: 2\n  template:\n    metadata:\n      labels:\n${labels(app, '        ')}    spec:\n      restartPolicy: Never\n${podSpec(app, r, '      ')}`,
  CronJob: (app, ns, r) => `${meta('CronJob', 'batch/v1', app, ns, '-report')}spec:\n  schedule: "${Math.floor(r() * 60)} ${Math.floor(r() * 24)} * * *"\n  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n${podSpec(app, r, '          ')}`,
  Ingress: (app, ns) => `${meta('Ingress', 'networking.k8s.io/v1', app, ns)}spec:\n  ingressClassName: nginx\n  rules:\n    - host: ${app}.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service: {name: ${app}, port: {name: http}}\n`,
  NetworkPolicy: (app, ns) => `${meta('NetworkPolicy', 'networking.k8s.io/v1', app, ns)}spec:\n  podSelector:\n    matchLabels: {app.kubernetes.io/name: ${app}}\n  policyTypes: [Ingress]\n  ingress:\n    - from:\n        - podSelector: {matchLabels: {app.kubernetes.io/part-of: shop}}\n      ports:\n        - {protocol: TCP, port: 80}\n`,
  Role: (app, ns) => `${meta('Role', 'rbac.authorization.k8s.io/v1', app, ns)}rules:\n  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [get, list, watch]\n`,
  RoleBinding: (app, ns) => `${meta('RoleBinding', 'rbac.authorization.k8s.io/v1', app, ns)}roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: ${app}\nsubjects:\n  - kind: ServiceAccount\n    name: ${app}\n    namespace: ${ns}\n`,
  PersistentVolumeClaim: (app, ns) => `${meta('PersistentVolumeClaim', 'v1', app, ns, '-cache')}spec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n`,
  HorizontalPodAutoscaler: (app, ns) => `${meta('HorizontalPodAutoscaler', 'autoscaling/v2', app, ns)}spec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${app}}\n  minReplicas: 2\n  maxReplicas: 10\n  metrics:\n    - type: Resource\n      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}\n`,
  PodDisruptionBudget: (app, ns) => `${meta('PodDisruptionBudget', 'policy/v1', app, ns)}spec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app.kubernetes.io/name: ${app}}\n`,
};

const KINDS = Object.keys(GENERATORS);

/** Writes `count` resources into `dir` (created), 100 per file; returns the file paths. */
export function generateCorpus(dir: string, count = 50_000, seed = 42): string[] {
  mkdirSync(dir, { recursive: true });
  const r = prng(seed);
  const files: string[] = [];
  let written = 0;
  let fileIndex = 0;
  while (written < count) {
    const ns = `team-${fileIndex % 20}`;
    const docs: string[] = [];
    if (fileIndex % 20 === fileIndex) docs.push(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n`);
    let appIndex = 0;
    while (docs.length < 100 && written + docs.length < count) {
      const app = `svc-${fileIndex}-${appIndex++}`;
      // Each application: the common core, then a few kinds drawn at random.
      for (const kind of ['Deployment', 'Service', 'ConfigMap', 'ServiceAccount']) docs.push(GENERATORS[kind]!(app, ns, r));
      for (let extra = 0; extra < 3; extra++) docs.push(GENERATORS[KINDS[Math.floor(r() * KINDS.length)]!]!(app, ns, r));
    }
    const kept = docs.slice(0, Math.min(docs.length, count - written));
    const file = path.join(dir, `app-${String(fileIndex).padStart(4, '0')}.yaml`);
    writeFileSync(file, kept.join('---\n'));
    files.push(file);
    written += kept.length;
    fileIndex++;
  }
  return files;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: generate.ts <dir> [count]');
  const files = generateCorpus(dir, Number(process.argv[3] ?? 50_000));
  console.log(`${files.length} files written to ${dir}`);
}
