/**
 * @fileoverview Every kind of code action, executed, with the text it leaves; and fix-all on save.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, applyAction, diagnostics, open, quickFixes, revert, waitFor, waitForRule, workspaceUri } from './helpers';

const HPA_RULE = 'deprecated-api-version';

describe('code actions', () => {
  before(async () => {
    const api = await activate();
    await api.service.whenIndexed();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers the fix the core attached, and applies it as one undoable edit', async () => {
    const { document } = await open('hpa/hpa.yaml');
    const [first] = await waitForRule(document.uri, HPA_RULE);
    const actions = await quickFixes(document.uri, first!);
    const fix = actions.find((a) => a.title === 'Fix: Migrate to autoscaling/v2');
    assert.ok(fix, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.isPreferred, true);
    await applyAction(fix);
    const text = document.getText();
    assert.equal(text.split('\n')[0], 'apiVersion: autoscaling/v2');
    assert.match(text, /---\napiVersion: autoscaling\/v2beta2\n/, 'the other HPA is untouched');
    await waitFor('one deprecated-api-version left', () => diagnostics(document.uri, HPA_RULE).length === 1);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText().split('\n')[0], 'apiVersion: autoscaling/v2beta2', 'one undo reverts the fix');
    await revert(document);
  });

  it('fixes all problems of a rule in the file', async () => {
    const { document } = await open('hpa/hpa.yaml');
    const [first] = await waitForRule(document.uri, HPA_RULE);
    const fixAll = (await quickFixes(document.uri, first!)).find((a) => a.title === `Fix all ${HPA_RULE} problems in this file`);
    assert.ok(fixAll);
    await applyAction(fixAll);
    assert.equal((document.getText().match(/apiVersion: autoscaling\/v2\n/g) ?? []).length, 2);
    assert.doesNotMatch(document.getText(), /v2beta2/);
    await waitForRule(document.uri, HPA_RULE, 0);
    await revert(document);
  });

  it('disables a rule for one line with a comment at the line\'s indentation', async () => {
    const { document } = await open('broken.yaml');
    const [latest] = await waitForRule(document.uri, 'no-latest-image-tag');
    const disable = (await quickFixes(document.uri, latest!)).find((a) => a.title === 'Disable no-latest-image-tag for this line');
    assert.ok(disable);
    await applyAction(disable);
    const lines = document.getText().split('\n');
    assert.equal(lines[19], '          # kubeplan-disable-next-line no-latest-image-tag');
    assert.equal(lines[20], '          image: nginx:latest');
    await waitForRule(document.uri, 'no-latest-image-tag', 0);
    await revert(document);
  });

  it('ignores a rule for a resource with the kubeplan.dev/ignore annotation', async () => {
    const { document } = await open('broken.yaml');
    const [latest] = await waitForRule(document.uri, 'no-latest-image-tag');
    const ignore = (await quickFixes(document.uri, latest!)).find((a) => a.title === 'Ignore no-latest-image-tag for this resource');
    assert.ok(ignore);
    await applyAction(ignore);
    assert.match(document.getText(), /\n {2}labels:\n {4}app: shop\n {2}annotations:\n {4}kubeplan\.dev\/ignore: no-latest-image-tag\nspec:/);
    assert.match(document.getText(), /^# A Deployment KubePlan reports problems on/, 'comments are kept');
    await waitForRule(document.uri, 'no-latest-image-tag', 0);
    await revert(document);
  });

  it('offers suggestions (fixes that change behaviour) without preferring them', async () => {
    const { document } = await open('broken.yaml');
    const [readiness] = await waitForRule(document.uri, 'require-readiness-probe');
    const suggestion = (await quickFixes(document.uri, readiness!)).find((a) => a.title.startsWith('Fix: Add a TCP readinessProbe'));
    assert.ok(suggestion);
    assert.notEqual(suggestion.isPreferred, true);
    await applyAction(suggestion);
    assert.match(document.getText(), /readinessProbe:\n\s+tcpSocket:\n\s+port: 80/);
    await revert(document);
  });

  it('shows the documentation of a rule', async () => {
    const { document } = await open('broken.yaml');
    const [latest] = await waitForRule(document.uri, 'no-latest-image-tag');
    const docs = (await quickFixes(document.uri, latest!)).find((a) => a.title === 'Show documentation for no-latest-image-tag');
    assert.ok(docs?.command);
    await applyAction(docs);
    const page = await vscode.workspace.openTextDocument(vscode.Uri.parse('kubeplan-rule:/no-latest-image-tag.md'));
    assert.match(page.getText(), /^# no-latest-image-tag\n/);
    assert.match(page.getText(), /kubeplan-disable-next-line no-latest-image-tag/);
  });

  it('fixes all safe problems on save with source.fixAll.kubeplan', async () => {
    const uri = workspaceUri('hpa/on-save.yaml');
    const original = (await vscode.workspace.fs.readFile(workspaceUri('hpa/hpa.yaml')));
    await vscode.workspace.fs.writeFile(uri, original);
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'yaml' });
    await editor.update('codeActionsOnSave', { 'source.fixAll.kubeplan': 'always' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      const { document } = await open('hpa/on-save.yaml');
      await waitForRule(document.uri, HPA_RULE);
      // An edit, then save at once: the fixes apply to the new version, before the debounce ran.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(0, 0), '# saved\n');
      await vscode.workspace.applyEdit(edit);
      assert.ok(await document.save());
      const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.match(saved, /^# saved\napiVersion: autoscaling\/v2\n/);
      assert.doesNotMatch(saved, /v2beta2/);
    } finally {
      await editor.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
