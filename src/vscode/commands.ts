/**
 * @fileoverview The KubePlan commands (palette category "KubePlan") and the status bar item.
 */
import * as vscode from 'vscode';
import { RULES } from '../core/rules';
import type { KubePlanService } from './language-service';
import { t } from './l10n';
import { ruleTitle, showRuleDocs } from './rule-docs';
import { CONFIG_FILE, SECTION } from './settings';
import { SHOW_RULE_DOCS } from './code-actions';
import { CONFIG_TEMPLATE } from './config-template';

export function registerCommands(context: vscode.ExtensionContext, service: KubePlanService): void {
  const push = (d: vscode.Disposable): void => void context.subscriptions.push(d);

  // Returns the number of files linted (a scan already running is joined, not started twice).
  push(vscode.commands.registerCommand('kubeplan.lintWorkspace', async () => {
    const { linted, unreadable, cancelled } = await service.lintWorkspace();
    const message = cancelled ? t('KubePlan: workspace lint cancelled, {0} files linted', linted)
      : unreadable ? t('KubePlan: {0} files linted, {1} could not be read', linted, unreadable)
      : t('KubePlan: {0} files linted', linted);
    void vscode.window.setStatusBarMessage(message, 5000);
    return linted;
  }));

  push(vscode.commands.registerCommand(SHOW_RULE_DOCS, (ruleId?: string) => (ruleId ? showRuleDocs(ruleId) : undefined)));

  push(vscode.commands.registerCommand('kubeplan.showRules', async () => {
    const items = RULES.map((r) => ({
      label: r.id,
      description: `${r.category} · ${r.enabledByDefault === false ? 'off' : r.severity}${r.fixable === 'safe' ? ' · ' + t('fixable') : ''}`,
      detail: ruleTitle(r),
    }));
    const picked = await vscode.window.showQuickPick(items, { placeHolder: t('KubePlan rules: pick one to read its documentation'), matchOnDescription: true, matchOnDetail: true });
    if (picked) await showRuleDocs(picked.label);
  }));

  push(vscode.commands.registerCommand('kubeplan.createConfig', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showWarningMessage(t('Open a folder first: {0} is created at its root.', CONFIG_FILE));
      return undefined;
    }
    const uri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
    let exists = true;
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      exists = false;
    }
    if (!exists) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(CONFIG_TEMPLATE));
    await vscode.window.showTextDocument(uri);
    return uri;
  }));

  push(vscode.commands.registerCommand('kubeplan.selectClusterFile', async (picked?: vscode.Uri) => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const uri = picked ?? (await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: t('Use as cluster'),
      filters: { YAML: ['yaml', 'yml'] },
      ...(folder ? { defaultUri: folder.uri } : {}),
    }))?.[0];
    if (!uri) return undefined;
    const value = folder && uri.toString().startsWith(folder.uri.toString()) ? vscode.workspace.asRelativePath(uri, false) : uri.fsPath;
    await vscode.workspace.getConfiguration(SECTION).update('clusterFile', value, folder ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
    void vscode.window.setStatusBarMessage(t('KubePlan: cluster file set to {0}', value), 5000);
    return value;
  }));
}

/** The status bar item: the active file's finding count; opens the Problems view. */
export function registerStatusBar(context: vscode.ExtensionContext, service: KubePlanService): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('kubeplan.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'KubePlan';
  item.command = 'workbench.actions.view.problems';
  const update = (): void => {
    const editor = vscode.window.activeTextEditor;
    const entry = editor ? service.publishedFor(editor.document.uri) : undefined;
    if (!editor || !entry || !service.enabled) {
      item.hide();
      return;
    }
    const count = (severity: string): number => entry.findings.filter((f) => f.severity === severity).length;
    item.text = entry.findings.length === 0 ? '$(check) KubePlan' : `KubePlan $(error) ${count('error')} $(warning) ${count('warning')} $(info) ${count('info')}`;
    item.tooltip = t('KubePlan: {0} problems in this file. Click to open the Problems view.', entry.findings.length);
    item.show();
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    service.onDidLint((e) => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === e.uri.toString()) update();
    }),
  );
  update();
  return item;
}
