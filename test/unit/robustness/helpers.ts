/**
 * @fileoverview Shared pieces of the robustness tests: the inputs (the shared corpus, the
 * examples and a few built-in samples), fast-check settings (a FIXED seed in `npm test`; more
 * runs and a chosen seed in `npm run fuzz`), the text mutations, and the invariants every lint
 * result must keep whatever the input.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { FileResult } from '../../../src/core/lint';

export const ROOT = path.resolve(__dirname, '../../..');
export const CORPUS_DIR = path.resolve(process.env.KUBEPLAN_CORPUS ?? path.join(ROOT, '..', 'shared', 'corpus'));

/** `npm run fuzz` sets KUBEPLAN_FUZZ (a run multiplier) and may set KUBEPLAN_FUZZ_SEED. */
export const FUZZ = Number(process.env.KUBEPLAN_FUZZ ?? 0);
export const SEED = process.env.KUBEPLAN_FUZZ_SEED !== undefined ? Number(process.env.KUBEPLAN_FUZZ_SEED) : 20261122;

/** fast-check parameters: fixed seed, `runs` in the fast set, `runs * FUZZ` in the long one. */
export function fcParams<T>(runs: number): fc.Parameters<T> {
  return { seed: SEED, numRuns: FUZZ > 0 ? runs * FUZZ : runs, endOnFailure: true, verbose: fc.VerbosityLevel.Verbose };
}

export interface Sample {
  name: string;
  text: string;
}

/** Small manifests with comments, anchors, flow style, a List and CRLF, so the tests have inputs without the corpus. */
export const BUILT_IN: Sample[] = [
  {
    name: 'built-in/deployment.yaml',
    text: `# The web tier
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web # inline comment
  labels: {app: web}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        # the only container
        - name: web
          image: nginx:latest
          ports:
            - containerPort: 80
          securityContext:
            privileged: true
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`,
  },
  {
    name: 'built-in/list-and-anchors.yaml',
    text: `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: &meta
      name: settings
      namespace: apps
    data:
      key: value
  - apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: report
    spec:
      schedule: "* * * * *"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: Always
              containers:
              - name: report
                image: busybox
                command: ["sh", "-c", "date"]
`,
  },
  {
    name: 'built-in/rbac-crlf.yaml',
    text: 'apiVersion: rbac.authorization.k8s.io/v1\r\nkind: ClusterRole\r\nmetadata:\r\n  name: all\r\nrules:\r\n  - apiGroups: ["*"]\r\n    resources: ["*"]\r\n    verbs: ["*"]\r\n',
  },
];

function yamlFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFilesUnder(p));
    else if (/\.ya?ml$/i.test(e.name)) out.push(p);
  }
  return out.sort();
}

let cached: Sample[] | undefined;

/** Every corpus file and example, then the built-in samples. */
export function samples(): Sample[] {
  cached ??= [
    ...yamlFilesUnder(CORPUS_DIR).map((p) => ({ name: `corpus/${path.relative(CORPUS_DIR, p)}`, text: readFileSync(p, 'utf8') })),
    ...yamlFilesUnder(path.join(ROOT, 'examples')).map((p) => ({ name: path.relative(ROOT, p), text: readFileSync(p, 'utf8') })),
    ...BUILT_IN,
  ];
  return cached;
}

/**
 * A window of at most `max` characters of a sample, starting at a line: mutating a 4 MB file
 * in every run would be slow, and a mutation only needs its neighbourhood.
 */
export function windowOf(text: string, startFraction: number, max: number): string {
  if (text.length <= max) return text;
  let start = Math.floor(startFraction * (text.length - max));
  start = text.lastIndexOf('\n', start) + 1;
  return text.slice(start, start + max);
}

// ---- mutations

export type Mutation =
  | { kind: 'deleteLine' | 'duplicateLine'; at: number }
  | { kind: 'swapLines'; at: number; with: number }
  | { kind: 'indent'; at: number; by: number }
  | { kind: 'tabIndent'; at: number }
  | { kind: 'truncateBytes'; at: number }
  | { kind: 'randomBytes'; at: number; bytes: number[]; overwrite: boolean }
  | { kind: 'bom' | 'crlf' | 'cr' | 'loneSurrogate' | 'nul' }
  | { kind: 'longLine'; at: number; length: number; char: string };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('deleteLine' as const, 'duplicateLine' as const), at: fraction }),
  fc.record({ kind: fc.constant('swapLines' as const), at: fraction, with: fraction }),
  fc.record({ kind: fc.constant('indent' as const), at: fraction, by: fc.integer({ min: -4, max: 6 }) }),
  fc.record({ kind: fc.constant('tabIndent' as const), at: fraction }),
  fc.record({ kind: fc.constant('truncateBytes' as const), at: fraction }),
  fc.record({ kind: fc.constant('randomBytes' as const), at: fraction, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 12 }), overwrite: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('bom' as const, 'crlf' as const, 'cr' as const, 'loneSurrogate' as const, 'nul' as const) }),
  fc.record({ kind: fc.constant('longLine' as const), at: fraction, length: fc.integer({ min: 1_000, max: 200_000 }), char: fc.constantFrom('a', ' ', '-', '{', '"', '#', 'é') }),
);

/** Applies a mutation to a text; byte-level ones go through UTF-8 (invalid sequences decode to U+FFFD, as a file read would). */
export function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = (f: number) => Math.min(lines.length - 1, Math.floor(f * lines.length));
  switch (m.kind) {
    case 'deleteLine': lines.splice(line(m.at), 1); return lines.join('\n');
    case 'duplicateLine': { const i = line(m.at); lines.splice(i, 0, lines[i]!); return lines.join('\n'); }
    case 'swapLines': { const i = line(m.at); const j = line(m.with); [lines[i], lines[j]] = [lines[j]!, lines[i]!]; return lines.join('\n'); }
    case 'indent': { const i = line(m.at); lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-m.by}}`), ''); return lines.join('\n'); }
    case 'tabIndent': { const i = line(m.at); lines[i] = lines[i]!.replace(/^( *)/, (s) => '\t'.repeat(Math.max(1, s.length / 2))); return lines.join('\n'); }
    case 'truncateBytes': { const b = Buffer.from(text, 'utf8'); return b.subarray(0, Math.floor(m.at * b.length)).toString('utf8'); }
    case 'randomBytes': {
      const b = Buffer.from(text, 'utf8');
      const at = Math.floor(m.at * b.length);
      const inserted = Buffer.from(m.bytes);
      const out = Buffer.concat([b.subarray(0, at), inserted, b.subarray(m.overwrite ? at + inserted.length : at)]);
      return out.toString('utf8');
    }
    case 'bom': return `\uFEFF${text}`;
    case 'crlf': return text.replace(/\r?\n/g, '\r\n');
    case 'cr': return text.replace(/\r?\n/g, '\r');
    case 'loneSurrogate': return text.slice(0, text.length >> 1) + '\uD800' + text.slice(text.length >> 1);
    case 'nul': return text.slice(0, text.length >> 1) + '\u0000' + text.slice(text.length >> 1);
    case 'longLine': { const i = line(m.at); lines[i] = `${lines[i]}${m.char.repeat(m.length)}`; return lines.join('\n'); }
  }
}

// ---- invariants

/** Every range of a result lies inside its text; every finding is well formed. */
export function assertWellFormed(result: FileResult, texts: ReadonlyMap<string, string>): void {
  const text = result.source.text;
  for (const f of result.findings) {
    const where = `${f.ruleId}/${f.messageId} at [${f.range[0]}, ${f.range[1]}) of ${text.length}`;
    assert.ok(Number.isInteger(f.range[0]) && Number.isInteger(f.range[1]), `non-integer range: ${where}`);
    assert.ok(f.range[0] >= 0 && f.range[0] <= f.range[1] && f.range[1] <= text.length, `range outside the document: ${where}`);
    assert.equal(typeof f.message, 'string', where);
    assert.ok(f.message.length > 0, `empty message: ${where}`);
    assert.ok(f.message.length < 2000, `message too long (${f.message.length} characters): ${where}`);
    for (const r of f.related ?? []) {
      const other = texts.get(r.file);
      assert.ok(other !== undefined, `related location in an unknown file: ${where}`);
      assert.ok(r.range[0] >= 0 && r.range[0] <= r.range[1] && r.range[1] <= other.length, `related range outside its file: ${where}`);
    }
    for (const fix of [f.fix, ...(f.suggestions ?? [])]) {
      for (const e of fix?.edits ?? []) {
        assert.ok(e.range[0] >= 0 && e.range[0] <= e.range[1] && e.range[1] <= text.length, `fix edit outside the document: ${where}`);
      }
    }
  }
}

/** Findings that say a rule threw (the linter caught it): a bug in that rule. */
export function internalErrors(result: FileResult): string[] {
  return result.findings.filter((f) => f.messageId === 'internalError').map((f) => `${f.ruleId}: ${f.message}`);
}
