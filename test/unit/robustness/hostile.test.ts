/**
 * @fileoverview Hostile input, bounded: alias bombs, 10,000-deep nesting (flow, block and
 * compact sequences), huge files, many tiny documents, binary data, and strings carrying HTML,
 * ANSI escapes and control characters. Each ends quickly with a clear finding, never a throw.
 * The sizes that take seconds (a 100 MB file, a million documents) run in `npm run fuzz` only.
 */
import * as assert from 'node:assert/strict';
import { lint } from '../../../src/core/lint';
import { DEFAULT_LIMITS, parseFile } from '../../../src/core/source/parse';
import { prng } from '../../../bench/generate';
import { assertWellFormed, FUZZ, internalErrors } from './helpers';

function lintOne(text: string, name = 'hostile.yaml') {
  const [result] = lint([{ path: name, text }]);
  assertWellFormed(result!, new Map([[name, text]]));
  assert.deepEqual(internalErrors(result!), []);
  return result!;
}

const ids = (r: ReturnType<typeof lintOne>) => r.findings.map((f) => `${f.ruleId}/${f.messageId}`);

function billionLaughs(levels: number, width: number): string {
  let out = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n  a0: &a0 "lol"\n';
  for (let i = 1; i <= levels; i++) out += `  a${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(', ')}]\n`;
  return out;
}

describe('robustness: hostile input', function () {
  this.timeout(FUZZ > 0 ? 0 : 120_000);

  it('an alias bomb ("billion laughs") ends in one input-too-large finding', () => {
    const result = lintOne(billionLaughs(9, 10));
    assert.ok(ids(result).includes('input-too-large/tooManyAliases'), ids(result).join(', '));
    assert.equal(result.source.manifests.length, 0);
  });

  it('a few aliases (a normal anchor reuse) are fine', () => {
    const result = lintOne(billionLaughs(2, 3));
    assert.ok(!ids(result).some((id) => id.startsWith('input-too-large')), ids(result).join(', '));
  });

  for (const [name, text] of [
    ['flow mappings', `a: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`],
    ['flow sequences', `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['block mappings, one space per level', Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n'],
  ] as const) {
    it(`deep nesting (${name}) ends in a tooDeep finding`, () => {
      const result = lintOne(text);
      assert.ok(ids(result).includes('input-too-large/tooDeep'), ids(result).join(', '));
    });
  }

  it('10,000-deep compact block sequences (`- - - …` on one line) end in a finding, not a stack overflow', () => {
    const result = lintOne(`${'- '.repeat(10_000)}x\n`);
    assert.deepEqual(ids(result), ['input-too-large/tooDeep']);
  });

  it('600 levels of one-space indentation end in a tooDeep finding (not a stack overflow reported as a syntax error)', () => {
    const result = lintOne(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n${Array.from({ length: 600 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')} 1\n`);
    assert.deepEqual(ids(result), ['input-too-large/tooDeep']);
  });

  it('400 levels (under the limit) parse and lint', () => {
    const result = lintOne(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n${Array.from({ length: 400 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')} 1\n`);
    assert.ok(!ids(result).some((id) => id.startsWith('input-too-large/') || id.startsWith('yaml-syntax/')), ids(result).join(', '));
  });

  it('a file over the size limit is refused before parsing, with its size in the message', () => {
    const size = FUZZ > 0 ? 100 * 1024 * 1024 : DEFAULT_LIMITS.maxFileSize + 1;
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  k: "${'x'.repeat(size)}"\n`;
    const source = parseFile('big.yaml', text);
    assert.equal(source.kind, 'too-large');
    assert.deepEqual(source.problems.map((p) => p.messageId), ['fileTooLarge']);
    const result = lintOne(text, 'big.yaml');
    assert.match(result.findings[0]!.message, /MB/);
  });

  it('many tiny documents (5,000; 50,000 in the fuzz run) are linted, each on its own', () => {
    const count = FUZZ > 0 ? 50_000 : 5_000;
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n' + '---\na: 1\n'.repeat(count);
    const source = parseFile('tiny.yaml', text);
    assert.equal(source.documents.length, count + 1);
    lintOne(text, 'tiny.yaml');
  });

  it('a million tiny documents: refused at once, over the 50,000-document limit', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n' + '---\na: 1\n'.repeat(FUZZ > 0 ? 1_000_000 : 60_000);
    const result = lintOne(text, 'tiny.yaml');
    assert.deepEqual(ids(result), ['input-too-large/fileTooLarge']);
    assert.match(result.findings[0]!.message, /more than 50,000 YAML documents, over the 50,000-document limit/);
    assert.equal(result.source.documents.length, 0);
  });

  it('binary data (random bytes, NULs, invalid UTF-8) never throws', () => {
    const random = prng(7);
    for (let n = 0; n < 20; n++) {
      const bytes = Buffer.alloc(4096, 0);
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
      lintOne(bytes.toString('utf8'), `binary-${n}.bin.yaml`);
      lintOne(bytes.toString('latin1'), `binary-${n}.latin1.yaml`);
    }
  });

  it('kinds, names and values that are also the names of Object\'s own properties are plain text', () => {
    for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const text = `apiVersion: v1\nkind: ${word}\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${word.toLowerCase().replace(/_/g, '')}\nspec:\n  priorityClassName: ${word}\n  containers:\n  - name: c\n    image: nginx:1.27\n`;
      const result = lintOne(text, `${word}.yaml`);
      assert.ok(ids(result).some((id) => id.startsWith('unknown-resource-kind/')), `${word}: ${ids(result).join(' ')}`);
    }
  });

  it('a very long single line (10 MB scalar) is linted in bounded time', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: long}\ndata:\n  k: ${'a'.repeat(10 * 1024 * 1024)}\n`;
    const result = lintOne(text);
    assert.ok(result.findings.every((f) => f.message.length < 2000));
  });
});
