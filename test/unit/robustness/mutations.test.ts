/**
 * @fileoverview Mutated manifests (lines deleted, duplicated, swapped; indentation changed; tabs;
 * truncation at any byte; random bytes; BOM; CRLF and CR; invalid UTF-8; lone surrogates; NUL;
 * very long lines) never make the core throw, every range stays inside the document, no rule
 * throws, and the simulator accepts whatever the parser produced.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint } from '../../../src/core/lint';
import { parseFile } from '../../../src/core/source/parse';
import { simulate } from '../../../src/sim';
import { assertWellFormed, FUZZ, fcParams, internalErrors, mutate, mutationArb, samples, windowOf } from './helpers';

const WINDOW = 6_000;

function lintOne(name: string, text: string) {
  const [result] = lint([{ path: name, text }]);
  assertWellFormed(result!, new Map([[name, text]]));
  return result!;
}

describe('robustness: mutated manifests', function () {
  this.timeout(FUZZ > 0 ? 0 : 120_000);
  const all = samples();

  it('every sample lints cleanly as it is (no rule throws, ranges inside)', () => {
    for (const s of all) {
      const result = lintOne(s.name, windowOf(s.text, 0, 30_000));
      assert.deepEqual(internalErrors(result), [], s.name);
    }
  });

  it('one to four mutations of any sample: the core never throws and ranges stay inside', () => {
    fc.assert(
      fc.property(fc.nat({ max: all.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (i, where, mutations) => {
        let text = windowOf(all[i]!.text, where, WINDOW);
        for (const m of mutations) text = mutate(text, m);
        const result = lintOne(all[i]!.name, text);
        assert.deepEqual(internalErrors(result), []);
      }),
      fcParams(120),
    );
  });

  it('truncation at any byte of a small file (every 5th in the fast set, every byte in the fuzz run): never throws', () => {
    const text = all.find((s) => s.name === 'built-in/deployment.yaml')!.text;
    const bytes = Buffer.from(text, 'utf8');
    for (let n = 0; n <= bytes.length; n += FUZZ > 0 ? 1 : 5) {
      const result = lintOne('t.yaml', bytes.subarray(0, n).toString('utf8'));
      assert.deepEqual(internalErrors(result), [], `truncated at ${n}`);
    }
  });

  it('arbitrary strings and YAML-ish token soups: never throw', () => {
    const token = fc.constantFrom('apiVersion: v1\n', 'kind: Pod\n', 'kind: Deployment\n', 'metadata:\n', '  name: x\n', 'spec:\n', '  containers:\n',
      '  - name: a\n', '    image: nginx\n', '---\n', '- ', ': ', '{', '}', '[', ']', '&a ', '*a', '!!binary ', '|\n', '>-\n', '"', "'", '#', '\t', '  ', '\n', '? ', ',', '%YAML 1.2\n', '...\n', '<<: *a\n');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.array(token, { maxLength: 60 }).map((t) => t.join(''))), (text) => {
        const result = lintOne('soup.yaml', text);
        assert.deepEqual(internalErrors(result), []);
      }),
      fcParams(400),
    );
  });

  it('the simulator never throws on what the parser gives it, mutated or not', () => {
    fc.assert(
      fc.property(fc.nat({ max: all.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.array(mutationArb, { maxLength: 3 }), (i, where, mutations) => {
        let text = windowOf(all[i]!.text, where, WINDOW);
        for (const m of mutations) text = mutate(text, m);
        const source = parseFile(all[i]!.name, text);
        const view = simulate(source.manifests, { now: new Date('2026-01-01T00:00:00Z') });
        assert.equal(typeof view, 'object');
        JSON.stringify(view); // plain data: serialisable for the webview
      }),
      fcParams(60),
    );
  });
});
