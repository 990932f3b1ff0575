/**
 * @fileoverview The block parser against the `yaml` package: for every text it accepts, the
 * values, the source trees and the document ranges must be exactly those `yaml` gives; what it
 * does not handle it must decline. Checked on the corpus, the examples, a generated corpus,
 * edge cases written by hand, and fuzzed mutations of all of them.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { parseAllDocuments, type Document } from 'yaml';
import { generateCorpus } from '../../../bench/generate';
import { parseBlockYaml, type BlockDocument } from '../../../src/core/source/block-yaml';
import { fromYamlNode, keyAt, keyName, sizeOf, valueAt, type TreeNode } from '../../../src/core/source/tree';

/** A tree as nested plain data (records of different files sit at different places in their buffers). */
function shape(node: TreeNode | null): unknown {
  if (node === null) return null;
  const { type, start, end, outer } = node;
  if (node.type === 'scalar') return { type, style: node.style, start, end, outer };
  const children = Array.from({ length: sizeOf(node) }, (_, i) => node.type === 'map'
    ? { key: keyName(node, i), at: [keyAt(node, i).start, keyAt(node, i).end], value: shape(valueAt(node, i)) }
    : shape(valueAt(node, i)));
  return { type, start, end, outer, children };
}
import { YAML_OPTIONS } from '../../../src/core/source/yaml-options';
import { FUZZ, fcParams, mutate, mutationArb, samples, windowOf } from '../robustness/helpers';

/** Why the block parser's reading of `text` differs from `yaml`'s, or null when it agrees or declines. */
function disagreement(text: string): string | null {
  const fast = parseBlockYaml(text);
  if (!fast) return null;
  let docs = parseAllDocuments(text, YAML_OPTIONS) as unknown as Document.Parsed[];
  if (!Array.isArray(docs)) docs = [];
  if (docs.length !== fast.length) return `${fast.length} documents, yaml has ${docs.length}`;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    const mine: BlockDocument = fast[i]!;
    if (doc.errors.length > 0) return `document ${i}: accepted, but yaml reports ${doc.errors[0]!.message.split('\n')[0]}`;
    const range = [doc.range[0], docs[i + 1]?.range[0] ?? text.length];
    try {
      assert.deepEqual(mine.range, range, 'range');
      assert.deepEqual(mine.value, doc.toJS({ maxAliasCount: 1000 }), 'value');
      if (mine.tree === null) assert.equal(doc.contents?.toJSON?.() ?? null, null, 'empty document');
      else assert.deepEqual(shape(mine.tree), shape(fromYamlNode(doc.contents!)), 'tree');
    } catch (error) {
      return `document ${i}: ${error instanceof Error ? error.message.slice(0, 2000) : String(error)}`;
    }
  }
  return null;
}

function agrees(name: string, text: string): void {
  const why = disagreement(text);
  assert.equal(why, null, `${name}: ${why}\n--- text:\n${text.slice(0, 600)}`);
}

describe('block-yaml: the fast parser agrees with the yaml package', function () {
  this.timeout(FUZZ > 0 ? 0 : 120_000);

  it('on every file of the corpus and the examples, and it reads most of them itself', () => {
    let accepted = 0;
    for (const s of samples()) {
      agrees(s.name, s.text);
      if (parseBlockYaml(s.text)) accepted++;
    }
    assert.ok(accepted >= samples().length * 0.6, `the block parser read only ${accepted} of ${samples().length} files`);
  });

  it('on a generated corpus of every kind, all of which it reads itself', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kubeplan-block-'));
    try {
      for (const file of generateCorpus(dir, 700, 7)) {
        const text = readFileSync(file, 'utf8');
        assert.ok(parseBlockYaml(text), `${path.basename(file)} was left to yaml`);
        agrees(file, text);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const cases: Array<[string, string, 'read' | 'declined']> = [
    ['an empty file', '', 'read'],
    ['comments only', '# a\n\n# b\n', 'read'],
    ['a map with comments everywhere', '# head\na: 1 # one\n# mid\nb:   # two\n  c: x  \n    # deep comment\n  d: "q" # three\ne:\n', 'read'],
    ['an unindented sequence and nulls', 'k:\n- a\n-\n- b: \n-   # c\n  x: 2\nz: ~\n', 'read'],
    ['nested sequences on one line', 'a:\n  - - x\n    - y\n  - - z\n', 'read'],
    ['compact maps in sequences', 'c:\n  - name: a\n    image: b\n    env:\n    - name: x\n      value: "1"\n  -   name: c\n      ports: [80, 443]\n', 'read'],
    ['quoted keys and values', '"a b": \'it\'\'s\'\n\'c\': "tab\\there \\u00e9 \\\\ \\""\n- x: 1\n', 'declined'],
    ['quoted keys and values in a map', '"a b": \'it\'\'s\'\n\'c\': "tab\\there \\u00e9 \\\\ \\""\nd: "a # not a comment"\n', 'read'],
    ['YAML 1.1 scalars', 'a: yes\nb: off\nc: 0644\nd: 0x1F\ne: 1_000\nf: .inf\ng: -.5\nh: 1e3\ni: null\nj: ~\nk: 1:20\nl: 2024-01-01\nm: Y\nn2: +12\no: 0b101\np: 08\n', 'read'],
    ['literal and folded block scalars', 'a: |\n  x\n\n  y\n   z\n\nb: >-\n  p\n  q\n\n\n  r\nc: |-\n    k\n# after\nd: >\n  last\n', 'read'],
    ['block scalars in sequences', '- |\n  x\n  y\n\n- >\n  p\n  q\n- z\n', 'read'],
    ['flow collections', 'a: [x, "y" ,  z ]  # c\nb: {k: v, "q": 1}\nc: [ ]\nd: [a,]\ne: {}\nf: [1, -2, true, null]\n', 'read'],
    ['documents with markers and comments', '# x\n\n---\n# y\na: 1\n---\n# z\n--- # c\nb: 2\n---\n', 'read'],
    ['indented root', '  a: 1\n  b:\n    c: 2\n', 'read'],
    ['a text without a final newline', 'a: 1\nb: |\n  x', 'read'],
    ['a nested mapping ending with comments at the end of a document', 'a:\n  b: 1\n  # c2\n \n---\nc:\n  d: 1\n  # c2\n\n', 'read'],
    ['comment lines after an empty value', 'a:\n# c\nb: 1\n', 'declined'],
    ['keys that are not strings', 'true: 1\n', 'declined'],
    ['the key y (a boolean in YAML 1.1)', 'y: 1\n', 'declined'],
    ['a number key', '80: http\n', 'declined'],
    ['a merge key', 'a: &x {b: 1}\nc:\n  <<: *x\n', 'declined'],
    ['anchors and aliases', 'a: &x 1\nb: *x\n', 'declined'],
    ['tags', 'a: !!str 1\n', 'declined'],
    ['multi-line plain scalars', 'a: b\n  c\n\n   d\nb:\n  - x\n    y\n  - p\nc:\n  starts on the next line\n  and goes on\n# end\nd: 1\n', 'read'],
    ['a multi-line plain scalar with a comment inside', 'a: b\n  c # x\n  d\n', 'declined'],
    ['a multi-line plain scalar with a key inside', 'a: b\n  c: d\n', 'declined'],
    ['multi-line quoted scalars', 'a: "b  \n  c\n\n   d \\" e"\nb:\n  \'x\n   y\'\' z\'\nc:\n  - "p\n    q"\n  - \'\n    \'\n', 'read'],
    ['a multi-line quoted scalar not indented enough', 'a:\n  b: "x\n  y"\n', 'declined'],
    ['an escaped line break', 'a: "x\\\n  y"\n', 'declined'],
    ['a duplicate key', 'a: 1\na: 2\n', 'declined'],
    ['tabs', 'a:\t1\n', 'declined'],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n', 'declined'],
    ['a directive', '%YAML 1.1\n---\na: 1\n', 'declined'],
    ['a document end marker', 'a: 1\n...\n', 'declined'],
    ['nested flow collections', 'a: {b: [1, {c: d}], e: []}  # c\nf: [[x], {k: z} ]\n', 'read'],
    ['flow collections nested too deep', `a: ${'['.repeat(25)}${']'.repeat(25)}\n`, 'declined'],
    ['a multi-line flow collection', 'a: [1,\n  2]\n', 'declined'],
    ['a compact mapping on a key line', 'a: b: c\n', 'declined'],
    ['a scalar document', 'hello\n', 'declined'],
    ['a bad indentation', 'a:\n    b: 1\n  c: 2\n', 'declined'],
    ['keep chomping', 'a: |+\n  x\n\nb: 1\n', 'declined'],
    ['a more-indented folded line', 'a: >\n  x\n    y\n  z\n', 'declined'],
    ['an unknown escape', 'a: "\\q"\n', 'declined'],
    ['an astral character', 'a: "😀"\n', 'declined'],
    ['__proto__ as a key', '__proto__: 1\n', 'declined'],
    ['a value after a document marker', '--- a: 1\n', 'declined'],
    ['a sequence where a key is expected', 'a: 1\n- b\n', 'declined'],
    // Same length, first, middle and last characters: one slot of the parser's table of short strings.
    ['words that share a slot of the table of short strings', 'abcde: azcze\nazcze: abcde\nx: [abcde, azcze, "abcde", \'azcze\']\nz:\n  - azcze\n  - abcde\n', 'read'],
  ];
  for (const [name, text, expected] of cases) {
    it(`${name}: ${expected === 'read' ? 'reads it as yaml does' : 'leaves it to yaml'}`, () => {
      assert.equal(parseBlockYaml(text) === undefined ? 'declined' : 'read', expected);
      agrees(name, text);
    });
  }

  it('on mutated texts (lines deleted, swapped, re-indented, truncated, bytes changed)', () => {
    const all = samples();
    fc.assert(
      fc.property(fc.nat({ max: all.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (i, where, mutations) => {
        let text = windowOf(all[i]!.text, where, 4000);
        for (const m of mutations) text = mutate(text, m);
        const why = disagreement(text);
        if (why !== null) throw new Error(`${all[i]!.name}: ${why}\n--- text:\n${text}`);
      }),
      fcParams(FUZZ > 0 ? FUZZ * 20 : 400),
    );
  });
});

describe('block-yaml: the words it shares between files', function () {
  this.timeout(60_000);

  it('do not keep the texts they were read from alive', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    // Words of 13 characters or more (the engine makes such slices views of the whole text),
    // each file with its own, read from 30 texts of 4 MB that are then dropped.
    for (let i = 0; i < 30; i++) {
      const letter = String.fromCharCode(97 + (i % 26));
      const text = `k${i}: some-long-value-${letter}${i}\nlong-key-number-${i}: v\nz: "${'x'.repeat(4e6 + i)}"\n`;
      assert.ok(parseBlockYaml(text));
    }
    gc();
    const keptMB = (process.memoryUsage().heapUsed - before) / 1e6;
    assert.ok(keptMB < 40, `${keptMB.toFixed(0)} MB kept after the texts were dropped (80 when the words were views of them)`);
  });
});
