/**
 * @fileoverview Live diagnostics: exact ranges on a broken manifest, updates after an edit, and
 * cross-file findings that follow changes of the other file.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KubePlanApi } from '../../../../src/vscode/extension';
import { activate, codeOf, diagnostics, open, rangeText, replaceText, revert, waitFor, waitForRule, workspaceUri } from './helpers';

describe('diagnostics', () => {
  let api: KubePlanApi;
  before(async () => {
    api = await activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reports a broken manifest with exact ranges, severity, source, code and docs link', async () => {
    const { document } = await open('broken.yaml');
    const [latest] = await waitForRule(document.uri, 'no-latest-image-tag');
    assert.equal(rangeText(latest!.range), '19:17-19:29'); // `nginx:latest`
    assert.equal(latest!.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(latest!.source, 'kubeplan');
    assert.match(latest!.message, /Container "shop" uses image "nginx:latest"/);
    const code = latest!.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'no-latest-image-tag');
    assert.equal(code.target.toString(), 'kubeplan-rule:/no-latest-image-tag.md');

    const other = (await open('duplicate.yaml')).document;
    const [duplicate] = await waitForRule(other.uri, 'yaml-duplicate-key');
    assert.equal(rangeText(duplicate!.range), '6:2-6:6'); // the second `MODE`
    assert.equal(duplicate!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(duplicate!.message, 'Key "MODE" appears twice in this mapping: only one of the values would be used. Remove or merge the duplicate.');
  });

  it('updates the diagnostics after an edit, for the new document version', async () => {
    const { document } = await open('broken.yaml');
    await waitForRule(document.uri, 'no-latest-image-tag');
    await replaceText(document, 'nginx:latest', 'nginx:1.27.3');
    await waitForRule(document.uri, 'no-latest-image-tag', 0);
    assert.equal(diagnostics(document.uri, 'require-liveness-probe').length, 1, 'other findings stay');
    await replaceText(document, 'nginx:1.27.3', 'nginx');
    const [noTag] = await waitForRule(document.uri, 'no-latest-image-tag');
    assert.match(noTag!.message, /with no tag/);
    assert.equal(rangeText(noTag!.range), '19:17-19:22');
    await revert(document);
  });

  it('updates a cross-file finding when the other file changes, in both directions', async () => {
    const deployment = (await open('app/deployment.yaml')).document;
    // The ConfigMap is in another file, indexed from disk: no finding once the index is read.
    await api.service.whenIndexed();
    await waitFor('the deployment to be linted', () => diagnostics(deployment.uri).length > 0);
    await waitForRule(deployment.uri, 'configmap-not-found', 0);

    const configMap = (await open('app/configmap.yaml')).document;
    await replaceText(configMap, 'name: web-config', 'name: other-config');
    const [missing] = await waitForRule(deployment.uri, 'configmap-not-found');
    assert.match(missing!.message, /ConfigMap "web-config"/);
    assert.equal(rangeText(missing!.range), '19:22-19:32');

    await replaceText(configMap, 'name: other-config', 'name: web-config');
    await waitForRule(deployment.uri, 'configmap-not-found', 0);
    await revert(configMap);
  });

  it('updates the other files when a provider lints the changed file before the debounce does', async () => {
    const deployment = (await open('app/deployment.yaml')).document;
    await api.service.whenIndexed();
    await waitForRule(deployment.uri, 'configmap-not-found', 0);
    const configMap = (await open('app/configmap.yaml')).document;
    await replaceText(configMap, 'name: web-config', 'name: renamed-config');
    // Hover asks for the findings of the new version at once, ahead of the debounce timer.
    await vscode.commands.executeCommand('vscode.executeHoverProvider', configMap.uri, new vscode.Position(0, 1));
    await waitForRule(deployment.uri, 'configmap-not-found');
    await revert(configMap);
    await waitForRule(deployment.uri, 'configmap-not-found', 0);
  });

  it('follows files created and deleted on disk', async () => {
    const worker = (await open('app/worker.yaml')).document;
    await api.service.whenIndexed();
    await waitForRule(worker.uri, 'configmap-not-found');
    const created = workspaceUri('app/worker-config.yaml');
    await vscode.workspace.fs.writeFile(created, new TextEncoder().encode('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: worker-config\ndata:\n  queue: jobs\n'));
    try {
      await waitForRule(worker.uri, 'configmap-not-found', 0);
    } finally {
      await vscode.workspace.fs.delete(created);
    }
    await waitForRule(worker.uri, 'configmap-not-found');
  });

  it('gives related locations in other files, and tags deprecated APIs', async () => {
    const copy = workspaceUri('app/configmap-copy.yaml');
    await vscode.workspace.fs.writeFile(copy, await vscode.workspace.fs.readFile(workspaceUri('app/configmap.yaml')));
    try {
      const { document } = await open('app/configmap-copy.yaml');
      const [duplicate] = await waitForRule(document.uri, 'duplicate-resource');
      const related = duplicate!.relatedInformation ?? [];
      assert.ok(related.some((r) => r.location.uri.path.endsWith('/app/configmap.yaml') && rangeText(r.location.range) === '3:8-3:18'),
        JSON.stringify(related.map((r) => [r.location.uri.path, rangeText(r.location.range), r.message])));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(copy);
    }
    const hpa = (await open('hpa/hpa.yaml')).document;
    const [deprecated] = await waitForRule(hpa.uri, 'deprecated-api-version');
    assert.deepEqual(deprecated!.tags, [vscode.DiagnosticTag.Deprecated]);
  });

  it('lints the whole workspace on demand, closed files included', async () => {
    const count = await vscode.commands.executeCommand<number>('kubeplan.lintWorkspace');
    assert.ok(count >= 5, `linted ${count} files`);
    const cron = workspaceUri('app/cronjob.yaml');
    assert.ok(vscode.languages.getDiagnostics(cron).some((d) => d.source === 'kubeplan'), 'a file never opened has diagnostics');
    assert.ok(diagnostics(workspaceUri('duplicate.yaml')).some((d) => codeOf(d) === 'yaml-duplicate-key'));
  });
});
