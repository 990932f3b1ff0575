/**
 * @fileoverview Settings and `.kubeplan.yaml` combine predictably: the nearest `.kubeplan.yaml`
 * first, then the `kubeplan.*` settings set explicitly, key by key (rules merged rule by rule).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, diagnostics, open, waitFor, waitForRule, workspaceUri } from './helpers';

const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('kubeplan');

describe('settings and .kubeplan.yaml', () => {
  before(async () => {
    const api = await activate();
    await api.service.whenIndexed();
  });

  afterEach(async () => {
    for (const key of ['rules', 'kubernetesVersion', 'enable', 'clusterFile']) await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('takes rule severities from kubeplan.rules', async () => {
    const { document } = await open('broken.yaml');
    const [before] = await waitForRule(document.uri, 'no-latest-image-tag');
    assert.equal(before!.severity, vscode.DiagnosticSeverity.Warning);
    await config().update('rules', { 'no-latest-image-tag': 'error', 'require-liveness-probe': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitFor('the rule as an error', () => diagnostics(document.uri, 'no-latest-image-tag')[0]?.severity === vscode.DiagnosticSeverity.Error);
    await waitForRule(document.uri, 'require-liveness-probe', 0);
  });

  it('uses the nearest .kubeplan.yaml, and an explicit kubeplan.kubernetesVersion over it', async () => {
    const { document } = await open('hpa/hpa.yaml');
    // hpa/.kubeplan.yaml says 1.24: autoscaling/v2beta2 is deprecated there, not removed.
    await waitForRule(document.uri, 'deprecated-api-version');
    assert.equal(diagnostics(document.uri, 'removed-api-version').length, 0);
    await config().update('kubernetesVersion', '1.32', vscode.ConfigurationTarget.Workspace);
    await waitForRule(document.uri, 'removed-api-version');
    await waitForRule(document.uri, 'deprecated-api-version', 0);
  });

  it('clears its diagnostics when disabled, and lints again when enabled', async () => {
    const { document } = await open('broken.yaml');
    await waitForRule(document.uri, 'no-latest-image-tag');
    await config().update('enable', false, vscode.ConfigurationTarget.Workspace);
    await waitFor('no KubePlan diagnostics', () => diagnostics(document.uri).length === 0);
    await config().update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForRule(document.uri, 'no-latest-image-tag');
  });

  it('simulates on the cluster file chosen with "Select Cluster File", kept out of the lint by files.exclude', async () => {
    const { document } = await open('app/deployment.yaml');
    const lens = async (): Promise<string> => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
      return lenses.find((l) => l.command?.command === 'kubeplan.openDiagram')?.command?.title ?? '';
    };
    assert.doesNotMatch(await lens(), /worker-/);
    const value = await vscode.commands.executeCommand<string>('kubeplan.selectClusterFile', workspaceUri('nodes/cluster.yaml'));
    assert.equal(value, 'nodes/cluster.yaml');
    assert.equal(config().get('clusterFile'), 'nodes/cluster.yaml');
    let title = '';
    for (let i = 0; i < 100 && !/worker-[ab]/.test(title); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      title = await lens();
    }
    assert.match(title, /^1 pod → worker-[ab]$/);
    const nodesFile = await vscode.workspace.openTextDocument(workspaceUri('nodes/cluster.yaml'));
    await vscode.window.showTextDocument(nodesFile);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(diagnostics(nodesFile.uri).length, 0, 'an excluded file is not linted');
  });

  it('creates a .kubeplan.yaml that the extension reads without a problem', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('kubeplan.createConfig');
    try {
      assert.equal(uri.toString(), workspaceUri('.kubeplan.yaml').toString());
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the new file is shown');
      assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), /^kubernetesVersion: "1\.32"$/m);
      // A mistake in it is reported on the file; the template itself has none.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(0, 0), 'podSecurty: restricted\n');
      await vscode.workspace.applyEdit(edit);
      await waitFor('the config problem', () => vscode.languages.getDiagnostics(uri).some((d) => /podSecurty: unknown setting \(did you mean "podSecurity"\?\)/.test(d.message)));
      await vscode.commands.executeCommand('undo');
      await waitFor('no config problem', () => vscode.languages.getDiagnostics(uri).length === 0);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
