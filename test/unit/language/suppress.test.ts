/**
 * @fileoverview The edits behind "Disable <rule> for this line" and "Ignore <rule> for this resource".
 */
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/fix/fix-ops';
import { disableLineEdit, ignoreResourceEdit, manifestOfFinding } from '../../../src/core/language/suppress';
import { lint } from '../../../src/core/lint';

const apply = (text: string, edit: { range: readonly [number, number]; text: string } | null): string => {
  assert.ok(edit);
  return applyEdits(text, [edit]).text;
};

describe('disableLineEdit', () => {
  const text = 'spec:\n  containers:\n    - name: web\n      image: nginx\n';

  it('inserts the comment above the line, at its indentation', () => {
    const at = text.indexOf('nginx');
    assert.equal(apply(text, disableLineEdit(text, at, 'no-latest-image-tag')),
      'spec:\n  containers:\n    - name: web\n      # kubeplan-disable-next-line no-latest-image-tag\n      image: nginx\n');
  });

  it('keeps the dash of a sequence item out of the indentation', () => {
    const at = text.indexOf('web');
    assert.equal(apply(text, disableLineEdit(text, at, 'x')).split('\n')[2], '    # kubeplan-disable-next-line x');
  });

  it('adds the rule to a disable comment already above the line, before its reason', () => {
    const withComment = 'a:\n  # kubeplan-disable-next-line rule-a -- legacy\n  b: 1\n';
    assert.equal(apply(withComment, disableLineEdit(withComment, withComment.indexOf('b:'), 'rule-b')),
      'a:\n  # kubeplan-disable-next-line rule-a, rule-b -- legacy\n  b: 1\n');
  });

  it('does nothing when the line above already silences the rule', () => {
    const withComment = 'a:\n  # kubeplan-disable-next-line rule-a\n  b: 1\n';
    assert.equal(apply(withComment, disableLineEdit(withComment, withComment.indexOf('b:'), 'rule-a')), withComment);
  });

  it('keeps CRLF line endings', () => {
    const crlf = 'a: 1\r\nb: 2\r\n';
    assert.equal(apply(crlf, disableLineEdit(crlf, crlf.indexOf('b'), 'r')), 'a: 1\r\n# kubeplan-disable-next-line r\r\nb: 2\r\n');
  });

  it('silences the finding once applied', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:latest\n';
    const finding = lint([{ path: 'p.yaml', text: pod }])[0]!.findings.find((f) => f.ruleId === 'no-latest-image-tag')!;
    const fixed = apply(pod, disableLineEdit(pod, finding.range[0], finding.ruleId));
    assert.equal(lint([{ path: 'p.yaml', text: fixed }])[0]!.findings.filter((f) => f.ruleId === 'no-latest-image-tag').length, 0);
  });
});

describe('ignoreResourceEdit', () => {
  const text = '# web\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web # the name\n  labels:\n    app: web\nspec:\n  containers:\n    - name: web\n      image: nginx:latest\n';

  it('adds the annotation after the labels, keeping comments, and silences the rule', () => {
    const result = lint([{ path: 'p.yaml', text }])[0]!;
    const finding = result.findings.find((f) => f.ruleId === 'no-latest-image-tag')!;
    const manifest = manifestOfFinding(result.source, finding)!;
    const fixed = apply(text, ignoreResourceEdit(result.source, manifest, finding.ruleId));
    assert.equal(fixed, '# web\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web # the name\n  labels:\n    app: web\n  annotations:\n    kubeplan.dev/ignore: no-latest-image-tag\nspec:\n  containers:\n    - name: web\n      image: nginx:latest\n');
    assert.equal(lint([{ path: 'p.yaml', text: fixed }])[0]!.findings.filter((f) => f.ruleId === 'no-latest-image-tag').length, 0);
  });

  it('appends to an existing annotation value, and returns null when the rule is already ignored', () => {
    const annotated = text.replace('  labels:', '  annotations:\n    kubeplan.dev/ignore: "rule-a"\n  labels:');
    const result = lint([{ path: 'p.yaml', text: annotated }])[0]!;
    const manifest = result.source.manifests[0]!;
    assert.match(apply(annotated, ignoreResourceEdit(result.source, manifest, 'rule-b')), /kubeplan\.dev\/ignore: "?rule-a,rule-b"?\n/);
    assert.equal(ignoreResourceEdit(result.source, manifest, 'rule-a'), null);
  });

  it('edits the right document of a multi-document file', () => {
    const two = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n${text}`;
    const result = lint([{ path: 'p.yaml', text: two }])[0]!;
    const finding = result.findings.find((f) => f.ruleId === 'no-latest-image-tag')!;
    const manifest = manifestOfFinding(result.source, finding)!;
    assert.equal(manifest.kind, 'Pod');
    const fixed = apply(two, ignoreResourceEdit(result.source, manifest, finding.ruleId));
    assert.match(fixed, /^apiVersion: v1\nkind: ConfigMap\nmetadata:\n {2}name: a\n---\n/);
    assert.match(fixed, /app: web\n {2}annotations:\n {4}kubeplan\.dev\/ignore: no-latest-image-tag\nspec:/);
  });
});
