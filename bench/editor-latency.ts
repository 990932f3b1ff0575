/**
 * @fileoverview Editor latency: the time from an edit in a 2,000-line manifest to its diagnostics,
 * through the same shared `Linter` the VS Code extension uses (setFile → lintFile → positions of
 * every finding), over 200 edits, in a workspace of 500 files (the generated corpus's kinds, 10
 * resources a file) whose manifests are all in the cross-resource index, as in a real project.
 *
 *   npx tsx bench/editor-latency.ts [--edits 200] [--lines 2000] [--files 500] [--check]
 *
 * Prints p50/p95/max; with --check, exits 1 when p95 is over the 20 ms target.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Linter } from '../src/core/lint';
import { generateCorpus } from './generate';

const { values } = parseArgs({ options: { edits: { type: 'string', default: '200' }, lines: { type: 'string', default: '2000' }, files: { type: 'string', default: '500' }, check: { type: 'boolean', default: false } } });
const EDITS = Number(values.edits);
const TARGET_LINES = Number(values.lines);
const WORKSPACE_FILES = Number(values.files);
const TARGET_P95_MS = 20;

/** One app of the kind the course writes: Deployment, Service, ConfigMap (about 60 lines). */
function app(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  labels:
    app: app-${i}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      containers:
        - name: web
          image: registry.example/app-${i}:1.${i}.0
          ports:
            - containerPort: 8080
              name: http
          envFrom:
            - configMapRef:
                name: app-${i}-config
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 256Mi
          readinessProbe:
            httpGet:
              path: /ready
              port: http
          livenessProbe:
            httpGet:
              path: /health
              port: http
---
apiVersion: v1
kind: Service
metadata:
  name: app-${i}
spec:
  selector:
    app: app-${i}
  ports:
    - port: 80
      targetPort: http
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: app-${i}-config
data:
  MODE: prod
  LEVEL: info
---
`;
}

let text = '';
for (let i = 0; text.split('\n').length < TARGET_LINES; i++) text += app(i);
const lines = text.split('\n').length;

const linter = new Linter();
const FILE = 'file:///bench/big.yaml';
// The rest of the workspace: generated files of 10 resources (written, read back, removed).
const dir = mkdtempSync(path.join(tmpdir(), 'kubeplan-editor-'));
try {
  const generated = generateCorpus(dir, WORKSPACE_FILES * 100, 11);
  for (const file of generated) {
    const docs = readFileSync(file, 'utf8').split(/^---\n/m);
    for (let part = 0; part < 10 && linter.paths.length < WORKSPACE_FILES; part++) {
      linter.setFile(`file:///bench/ws/${path.basename(file, '.yaml')}-${part}.yaml`, docs.slice(part * 10, part * 10 + 10).join('---\n'));
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const workspaceObjects = linter.index.all.length;
linter.setFile('file:///bench/namespace.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: default\n');
linter.setFile('file:///bench/ingress.yaml', 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: app-0\n                port:\n                  number: 80\n');

/** What the extension does per edit: parse and index the new text, lint the file, place every finding. */
function editToDiagnostics(next: string): number {
  linter.setFile(FILE, next);
  const { findings } = linter.lintFile(FILE);
  const index = linter.lines(FILE);
  let sum = 0;
  for (const f of findings) sum += index.position(f.range[0]).line + index.position(f.range[1]).column;
  return findings.length + (sum & 0);
}

const t0 = process.hrtime.bigint();
const firstCount = editToDiagnostics(text);
const cold = Number(process.hrtime.bigint() - t0) / 1e6;

// Deterministic edits spread over the file: bump a replicas count, retag an image, rename a key's value.
const times: number[] = [];
let current = text;
let count = 0;
for (let e = 0; e < EDITS; e++) {
  const app = (e * 7) % Math.floor(lines / 60);
  const kind = e % 3;
  if (kind === 0) current = current.replace(new RegExp(`(name: app-${app}\\n[\\s\\S]*?replicas: )(\\d+)`), (_m, a: string, n: string) => `${a}${(Number(n) % 5) + 1}`);
  else if (kind === 1) current = current.replace(`app-${app}:1.${app}.0`, `app-${app}:latest`).replace(`app-${app}:latest\n          ports`, `app-${app}:1.${app}.0\n          ports`);
  else current = current.replace(`name: app-${app}-config\ndata:\n  MODE: prod`, `name: app-${app}-config\ndata:\n  MODE: prod `);
  const start = process.hrtime.bigint();
  count = editToDiagnostics(current);
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
const pct = (p: number): number => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
const p95 = pct(95);
console.log(`editor latency: ${lines}-line manifest (${linter.getSource(FILE)!.manifests.length} objects) in a workspace of ${linter.paths.length} files (${workspaceObjects} objects), ${EDITS} edits, ${firstCount} → ${count} findings`);
console.log(`  first lint ${cold.toFixed(1)} ms (schemas loaded, cold)`);
console.log(`  edit → diagnostics: p50 ${pct(50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${times[times.length - 1]!.toFixed(1)} ms (target p95 < ${TARGET_P95_MS} ms)`);
if (values.check && p95 > TARGET_P95_MS) {
  console.error(`p95 ${p95.toFixed(1)} ms is over the ${TARGET_P95_MS} ms target`);
  process.exit(1);
}
