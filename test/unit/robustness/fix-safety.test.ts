/**
 * @fileoverview Fix safety on every corpus file, example and built-in sample: each safe fix, on
 * its own, gives text that parses, keeps every comment, changes nothing outside the document it
 * was reported in, adds no schema error, and no longer triggers the finding it fixes; applying
 * all fixes of a file (in passes, as `--fix` does) converges, and a second run changes nothing.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Lexer } from 'yaml';
import type { Finding } from '../../../src/core/finding';
import { applyEdits } from '../../../src/core/fix/fix-ops';
import { lint, type FileResult } from '../../../src/core/lint';
import { parseFile, type SourceFile } from '../../../src/core/source/parse';
import { FUZZ, fcParams, samples, type Sample } from './helpers';

/** Files above this size are checked document by document (each document linted alone). */
const WHOLE_FILE_LIMIT = 60_000;
const MAX_PASSES = 10;

function comments(text: string): string[] {
  const out: string[] = [];
  for (const token of new Lexer().lex(text)) if (token.startsWith('#')) out.push(token.trimEnd());
  return out.sort();
}

function isSubMultiset(small: readonly string[], big: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const c of big) counts.set(c, (counts.get(c) ?? 0) + 1);
  for (const c of small) {
    const n = counts.get(c) ?? 0;
    if (n === 0) return c;
    counts.set(c, n - 1);
  }
  return null;
}

function parsesCleanly(source: SourceFile): boolean {
  return !source.documents.some((d) => d.broken) && !source.problems.some((p) => p.ruleId === 'yaml-syntax');
}

const key = (f: Finding) => `${f.ruleId}\u0000${f.messageId}\u0000${f.docIndex}\u0000${f.message}`;
const schemaErrors = (r: FileResult) => r.findings.filter((f) => f.ruleId === 'schema-validation').map(key).sort();

function lintText(name: string, text: string): FileResult {
  return lint([{ path: name, text }])[0]!;
}

/** The units checked: the whole file when small, else each of its documents alone. */
function units(sample: Sample): Array<{ name: string; text: string }> {
  if (sample.text.length <= WHOLE_FILE_LIMIT) return [{ name: sample.name, text: sample.text }];
  const source = parseFile(sample.name, sample.text);
  return source.documents
    .filter((d) => !d.broken && d.manifests.length > 0)
    .map((d) => ({ name: `${sample.name}#${d.index}`, text: sample.text.slice(d.range[0], d.range[1]) }));
}

function checkEachFix(name: string, text: string): number {
  const before = lintText(name, text);
  firstLints.set(name, before);
  const fixable = before.findings.filter((f) => f.fix);
  const beforeComments = comments(text);
  const beforeSchema = schemaErrors(before);
  for (const finding of fixable) {
    const what = `${name}: fix of ${finding.ruleId}/${finding.messageId} ("${finding.message}")`;
    const edits = finding.fix!.edits;
    assert.ok(edits.length > 0, `${what}: a fix without edits`);
    const doc = before.source.documents[finding.docIndex ?? -1];
    assert.ok(doc, `${what}: a fix on a finding without a document`);
    for (const e of edits) {
      assert.ok(e.range[0] >= doc.range[0] && e.range[1] <= doc.range[1], `${what}: edit [${e.range}] outside its document [${doc.range}]`);
    }
    const fixed = applyEdits(text, edits);
    assert.equal(fixed.skipped.length, 0, `${what}: the fix's own edits overlap`);
    // Nothing outside the document changed.
    const tailLength = text.length - doc.range[1];
    assert.equal(fixed.text.slice(0, doc.range[0]), text.slice(0, doc.range[0]), `${what}: text before the document changed`);
    assert.equal(fixed.text.slice(fixed.text.length - tailLength), text.slice(text.length - tailLength), `${what}: text after the document changed`);
    const after = lintText(name, fixed.text);
    assert.ok(parsesCleanly(after.source), `${what}: the fixed text does not parse:\n${fixed.text.slice(doc.range[0], doc.range[0] + 1500)}`);
    const lost = isSubMultiset(beforeComments, comments(fixed.text));
    assert.equal(lost, null, `${what}: comment lost: ${lost}`);
    // No schema error inside what the fix wrote. (Fixing a misspelt kind may reveal errors the
    // unknown kind hid elsewhere: those are the input's, not the fix's.)
    const written = [...edits].sort((a, b) => a.range[0] - b.range[0]).reduce<{ shift: number; spans: Array<[number, number]> }>((acc, e) => {
      acc.spans.push([e.range[0] + acc.shift, e.range[0] + acc.shift + e.text.length]);
      acc.shift += e.text.length - (e.range[1] - e.range[0]);
      return acc;
    }, { shift: 0, spans: [] }).spans;
    const added = after.findings.filter((f) => f.ruleId === 'schema-validation' && !beforeSchema.includes(key(f)))
      .filter((f) => written.some(([s, e]) => f.range[0] < Math.max(e, s + 1) && f.range[1] > s));
    assert.deepEqual(added.map((f) => f.message), [], `${what}: the fix wrote a schema error`);
    const count = (r: FileResult) => r.findings.filter((f) => key(f) === key(finding)).length;
    assert.ok(count(after) < count(before), `${what}: still reported after the fix`);
  }
  return fixable.length;
}

/** Applies every safe fix in passes (as `--fix` does); says why it stopped. */
function fixAll(name: string, text: string, first?: FileResult): { text: string; passes: number; stop: 'clean' | 'broken' | 'no-progress' | 'limit' } {
  let current = text;
  let result = first ?? lintText(name, current);
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    if (!parsesCleanly(result.source)) return { text: current, passes: pass, stop: 'broken' };
    const edits = result.findings.flatMap((f) => f.fix?.edits ?? []);
    if (edits.length === 0) return { text: current, passes: pass, stop: 'clean' };
    const next = applyEdits(current, edits).text;
    if (next === current) return { text: current, passes: pass, stop: 'no-progress' };
    current = next;
    result = lintText(name, current);
  }
  return { text: current, passes: MAX_PASSES, stop: 'limit' };
}

const firstLints = new Map<string, FileResult>();

/** Manifests written with the mistakes the safe fixes repair (old API versions, quoted numbers, misspelt kinds and enums). */
const FIXABLE_TEMPLATES: Array<{ name: string; text: string; variants: Array<[RegExp, string]> }> = [
  {
    name: 'deployment',
    text: `# web tier
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web # the name
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels:
        app: web
    spec:
      restartPolicy: Always
      containers:
        # main container
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: 8080
              protocol: TCP
`,
    variants: [[/apps\/v1/, 'extensions/v1beta1'], [/apps\/v1/, 'apps/v1beta2'], [/kind: Deployment/, 'kind: deployment'], [/replicas: 2/, 'replicas: "2"'],
      [/containerPort: 8080/, 'containerPort: "8080"'], [/protocol: TCP/, 'protocol: tcp'], [/restartPolicy: Always/, 'restartPolicy: always']],
  },
  {
    name: 'ingress',
    text: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
spec:
  rules:
    - host: shop.example.com # public name
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: web, port: {number: 80}}
`,
    variants: [[/kind: Ingress/, 'kind: ingress'], [/pathType: Prefix/, 'pathType: prefix'], [/number: 80/, 'number: "80"']],
  },
  {
    name: 'cronjob',
    text: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
  namespace: shop
spec:
  schedule: "0 3 * * *" # nightly
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      backoffLimit: 2
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: busybox:1.36
`,
    variants: [[/batch\/v1\n/, 'batch/v1beta1\n'], [/concurrencyPolicy: Forbid/, 'concurrencyPolicy: forbid'], [/backoffLimit: 2/, 'backoffLimit: "2"'], [/kind: CronJob/, 'kind: cronjob']],
  },
  {
    name: 'pdb-hpa',
    text: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
  namespace: shop
spec:
  minAvailable: 1
  selector:
    matchLabels: {app: web}
---
# autoscaling
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
  namespace: shop
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 5
`,
    variants: [[/policy\/v1\n/, 'policy/v1beta1\n'], [/autoscaling\/v2\n/, 'autoscaling/v2beta2\n'], [/maxReplicas: 5/, 'maxReplicas: "5"'], [/kind: PodDisruptionBudget/, 'kind: poddisruptionbudget']],
  },
];

describe('robustness: fix safety on the corpus and the examples', function () {
  this.timeout(FUZZ > 0 ? 0 : 240_000);

  it('every safe fix parses, keeps comments, stays in its document, adds no schema error and removes its finding', () => {
    let checked = 0;
    for (const sample of samples()) {
      for (const unit of units(sample)) checked += checkEachFix(unit.name, unit.text);
    }
    assert.ok(checked > 0, 'no fixable finding at all: the test checks nothing');
    if (process.env.KUBEPLAN_FUZZ) console.log(`      ${checked} fixes checked`);
  });

  it('generated manifests with fixable mistakes, comments inserted anywhere: every fix is safe, all fixes converge', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.array(fc.record({ template: fc.nat({ max: FIXABLE_TEMPLATES.length - 1 }), variants: fc.array(fc.nat({ max: 9 }), { maxLength: 4 }), comments: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }), crlf: fc.boolean() }), { minLength: 1, maxLength: 3 }),
        (docs) => {
          const parts = docs.map((d) => {
            const t = FIXABLE_TEMPLATES[d.template]!;
            let text = t.text;
            for (const v of d.variants) {
              const [pattern, replacement] = t.variants[v % t.variants.length]!;
              text = text.replace(pattern, replacement);
            }
            const lines = text.split('\n');
            for (const [i, at] of d.comments.entries()) {
              const line = Math.floor(at * (lines.length - 1));
              const indent = /^ */.exec(lines[line] ?? '')![0];
              lines.splice(line, 0, `${indent}# inserted comment ${i}`);
            }
            return lines.join('\n');
          });
          let text = parts.join('---\n');
          if (docs[0]!.crlf) text = text.replace(/\n/g, '\r\n');
          checked += checkEachFix('generated.yaml', text);
          const once = fixAll('generated.yaml', text, firstLints.get('generated.yaml'));
          assert.equal(once.stop, 'clean', `fixing everything stopped (${once.stop}) after ${once.passes} passes:\n${once.text}`);
          assert.equal(isSubMultiset(comments(text), comments(once.text)), null, `a comment was lost:\n${once.text}`);
        },
      ),
      fcParams(60),
    );
    assert.ok(checked > 20, `only ${checked} fixes were checked`);
  });

  it('all fixes of a file converge, keep comments, and a second run changes nothing', () => {
    for (const sample of samples()) {
      for (const unit of units(sample)) {
        const once = fixAll(unit.name, unit.text, firstLints.get(unit.name));
        // 'clean': the last lint of the fixed text offers no fix, so a second --fix changes nothing.
        assert.equal(once.stop, 'clean', `${unit.name}: fixing everything stopped (${once.stop}) after ${once.passes} passes`);
        assert.equal(isSubMultiset(comments(unit.text), comments(once.text)), null, `${unit.name}: a comment was lost`);
        if (once.text !== unit.text) assert.equal(fixAll(unit.name, once.text).text, once.text, `${unit.name}: a second --fix changed the text again`);
      }
    }
  });
});
