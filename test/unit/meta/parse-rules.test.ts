/**
 * The rules the parser reports (syntax category: they have no `check`) are reported through
 * `lint()` with their ids, message ids, severities and ranges. The registry meta-test counts
 * this file as their test.
 */
import * as assert from 'node:assert/strict';
import { lint } from '../../../src/core/lint';
import { LineIndex, type ParseLimits } from '../../../src/core/source/parse';
import { RULES } from '../../../src/core/rules';

const PARSE_RULE_IDS = new Set(RULES.filter((r) => !r.check).map((r) => r.id));

/** `ruleId/messageId line:col-endLine:endCol severity` of the parse-rule findings, 1-based. */
function parseFindings(text: string, limits?: ParseLimits): string[] {
  const [result] = lint([{ path: 'x.yaml', text }], limits ? { limits } : {});
  const lines = new LineIndex(text);
  return result!.findings.filter((f) => PARSE_RULE_IDS.has(f.ruleId)).map((f) => {
    const s = lines.position(f.range[0]);
    const e = lines.position(f.range[1]);
    return `${f.ruleId}/${f.messageId} ${s.line + 1}:${s.column + 1}-${e.line + 1}:${e.column + 1} ${f.severity}`;
  });
}

describe('parse rules', () => {
  it('yaml-syntax: at the error, and the other documents are still checked', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: [x, y\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n';
    assert.deepEqual(parseFindings(text), ['yaml-syntax/syntax 6:1-6:2 error']);
    const [result] = lint([{ path: 'x.yaml', text }]);
    assert.ok(result!.findings.some((f) => f.ruleId === 'no-latest-image-tag'), 'the second document is checked');
  });

  it('yaml-duplicate-key: at the repeated key', () => {
    assert.deepEqual(parseFindings('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  key: "1"\n  key: "2"\n'), ['yaml-duplicate-key/duplicateKey 7:3-7:6 error']);
  });

  it('helm-template: one note at the first template action, no syntax errors', () => {
    assert.deepEqual(parseFindings('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n  labels: {{- include "x" . | nindent 4 }}\n'), ['helm-template/skipped 4:9-4:28 info']);
  });

  it('input-too-large: too deep, and too large for the limits', () => {
    // The depth scan stops near the 500th bracket (its exact column is the parser's business).
    const deep = parseFindings(`${'['.repeat(600)}${']'.repeat(600)}\n`);
    assert.equal(deep.length, 1);
    assert.match(deep[0]!, /^input-too-large\/tooDeep 1:(\d+)-1:\d+ error$/);
    assert.ok(Math.abs(Number(/1:(\d+)-/.exec(deep[0]!)![1]) - 500) <= 2, deep[0]);
    assert.deepEqual(
      parseFindings('apiVersion: v1\nkind: ConfigMap\n', { maxFileSize: 10, maxAliasCount: 100, maxDepth: 100 }),
      ['input-too-large/fileTooLarge 1:1-1:1 error'],
    );
  });

  it('input-too-large: an alias bomb is refused at its document', () => {
    const bomb = 'a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    const found = parseFindings(bomb, { maxFileSize: 1024 * 1024, maxAliasCount: 50, maxDepth: 100 });
    assert.equal(found.length, 1);
    assert.match(found[0]!, /^input-too-large\/tooManyAliases 1:1-1:2 error$/);
  });

  it('covers every parse rule', () => {
    assert.deepEqual([...PARSE_RULE_IDS].sort(), ['helm-template', 'input-too-large', 'yaml-duplicate-key', 'yaml-syntax']);
  });
});
