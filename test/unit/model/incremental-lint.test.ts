/**
 * @fileoverview The editor's incremental linting gives exactly the findings a fresh lint of the
 * same texts gives: after each of a series of edits to a workspace (values changed, documents
 * moved, deleted or broken, files deleted), every file's findings from the long-lived Linter,
 * which re-checks only what an edit can affect, equal those of a one-shot lint().
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Finding } from '../../../src/core/finding';
import { lint, Linter } from '../../../src/core/lint';
import { testRule } from '../../helpers/test-rule';
import { FUZZ, fcParams, mutate, mutationArb, ROOT } from '../robustness/helpers';

const EXAMPLES = path.join(ROOT, 'examples', 'dockercoins');
const initial = new Map(readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')).map((f) => [`dockercoins/${f}`, readFileSync(path.join(EXAMPLES, f), 'utf8')]));

function plain(f: Finding): unknown {
  return { rule: f.ruleId, id: f.messageId, severity: f.severity, message: f.message, range: f.range, doc: f.docIndex, related: f.related, fix: f.fix?.edits };
}

function assertSameAsFresh(linter: Linter, files: ReadonlyMap<string, string>, step: string): void {
  const fresh = lint([...files].map(([p, text]) => ({ path: p, text })));
  for (const result of fresh) {
    assert.deepEqual(linter.lintFile(result.path).findings.map(plain), result.findings.map(plain), `${step}: ${result.path}`);
  }
}

/** Edits a user makes: a value changed, a label renamed, a document moved to the end, one removed. */
type Edit =
  | { kind: 'replace'; file: number; from: string; to: string }
  | { kind: 'moveDocument' | 'deleteDocument'; file: number; doc: number }
  | { kind: 'mutate'; file: number; mutation: Parameters<typeof mutate>[1] }
  | { kind: 'deleteFile' | 'restoreFile'; file: number };

const REPLACEMENTS: Array<[string, string]> = [
  ['replicas: 1', 'replicas: 3'], ['app: rng', 'app: rnq'], ['app: worker', 'app: workers'], ['port: 80', 'port: 8080'],
  ['name: redis', 'name: redis-cache'], ['namespace: dockercoins', 'namespace: coins'], ['image: ', 'image: docker.io/'],
  ['kind: Service', 'kind: Servcie'], ['configMapKeyRef', 'configMapRef'], ['\n---\n', '\n---\n# moved\n'],
];

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), file: fc.nat(), pair: fc.constantFrom(...REPLACEMENTS) }).map(({ kind, file, pair }) => ({ kind, file, from: pair[0], to: pair[1] })),
  fc.record({ kind: fc.constantFrom('moveDocument' as const, 'deleteDocument' as const), file: fc.nat(), doc: fc.nat() }),
  fc.record({ kind: fc.constant('mutate' as const), file: fc.nat(), mutation: mutationArb }),
  fc.record({ kind: fc.constantFrom('deleteFile' as const, 'restoreFile' as const), file: fc.nat() }),
);

function apply(files: Map<string, string>, edit: Edit, linter: Linter): void {
  const names = [...initial.keys()];
  const name = names[edit.file % names.length]!;
  const text = files.get(name);
  switch (edit.kind) {
    case 'deleteFile':
      files.delete(name);
      linter.deleteFile(name);
      return;
    case 'restoreFile':
      files.set(name, initial.get(name)!);
      break;
    case 'replace':
      if (text === undefined) return;
      files.set(name, text.replace(edit.from, edit.to));
      break;
    case 'mutate':
      if (text === undefined) return;
      files.set(name, mutate(text, edit.mutation));
      break;
    default: {
      if (text === undefined) return;
      const docs = text.split(/^---\n/m);
      const [doc] = docs.splice(edit.doc % docs.length, 1);
      if (edit.kind === 'moveDocument') docs.push(doc!);
      files.set(name, docs.join('---\n'));
    }
  }
  linter.setFile(name, files.get(name)!);
}

describe('incremental linting (the editor\'s Linter)', function () {
  this.timeout(FUZZ > 0 ? 0 : 120_000);

  it('re-checks only what an edit affects, and finds exactly what a fresh lint finds', () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 8 }), (edits) => {
        const files = new Map(initial);
        const linter = new Linter();
        for (const [p, text] of files) linter.setFile(p, text);
        for (const p of files.keys()) linter.lintFile(p); // the checks the edits may reuse
        edits.forEach((edit, i) => {
          apply(files, edit, linter);
          assertSameAsFresh(linter, files, `after edit ${i + 1} (${JSON.stringify(edit).slice(0, 200)})`);
        });
      }),
      fcParams(FUZZ > 0 ? FUZZ * 10 : 40),
    );
  });

  it('re-checks a Service when a pod template carrying its label changes, not when another one does', () => {
    const checked: string[] = [];
    const probe = testRule({
      id: 'test-service-probe', category: 'networking',
      kinds: ['Service'], messages: { selects: 'selects {{n}}' },
      check(ctx) {
        checked.push(ctx.manifest.name);
        ctx.report({ path: ['spec', 'selector'], messageId: 'selects', data: { n: ctx.index.selectWithMap(ctx.namespace!, (ctx.manifest.object.spec as { selector: unknown }).selector).length } });
      },
    });
    const app = (name: string, replicas: number): string =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: ${name}\n  ports:\n  - port: 80\n---\n` +
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n      - name: c\n        image: nginx:1.27\n`;
    const linter = new Linter({ rules: [probe] });
    linter.setFile('a.yaml', app('a', 1));
    linter.setFile('b.yaml', app('b', 1));
    linter.lintFile('a.yaml');
    linter.lintFile('b.yaml');
    assert.deepEqual(checked.splice(0), ['a', 'b']);
    linter.setFile('b.yaml', app('b', 3)); // b's template changed (its Deployment did): a's Service is not concerned
    linter.lintFile('a.yaml');
    linter.lintFile('b.yaml');
    assert.deepEqual(checked.splice(0), ['b']);
    // A template that takes Service a's label is seen by it.
    linter.setFile('b.yaml', app('b', 3).replace(/labels:\n        app: b/, 'labels:\n        app: a'));
    assert.equal(linter.lintFile('a.yaml').findings[0]?.message, 'selects 2');
    assert.deepEqual(checked.splice(0), ['a']);
  });

  it('keeps the objects and checks of documents an edit does not touch', () => {
    const linter = new Linter();
    const name = 'dockercoins/rng.yaml';
    const text = initial.get(name)!;
    const before = linter.setFile(name, text);
    linter.lintFile(name);
    const after = linter.setFile(name, `# a comment on top\n${text.replace('replicas: 1', 'replicas: 2')}`);
    const kept = after.manifests.filter((m) => before.manifests.includes(m));
    assert.ok(kept.length > 0 && kept.length < after.manifests.length, `kept ${kept.length} of ${after.manifests.length}`);
    // A kept manifest has its new position.
    for (const m of kept) assert.ok(m.tree.start >= '# a comment on top\n'.length);
  });
});
