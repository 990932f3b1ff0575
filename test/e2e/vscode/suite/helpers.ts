/**
 * @fileoverview Shared by the integration tests: the extension's API, the fixture workspace,
 * waiting for diagnostics, and running code actions the way the lightbulb does.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KubePlanApi } from '../../../../src/vscode/extension';

export const EXTENSION_ID = 'kubeplan.kubeplan';

export async function activate(): Promise<KubePlanApi> {
  const extension = vscode.extensions.getExtension<KubePlanApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  return extension.activate();
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

export async function open(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(document);
}

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = 30000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** KubePlan's diagnostics of a file, optionally only those of one rule. */
export function diagnostics(uri: vscode.Uri, ruleId?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'kubeplan' && (!ruleId || codeOf(d) === ruleId));
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Waits until a file has at least one diagnostic of a rule (or none, with `count` 0). */
export function waitForRule(uri: vscode.Uri, ruleId: string, count?: number): Promise<vscode.Diagnostic[]> {
  return waitFor(`${count === 0 ? 'no ' : ''}${ruleId} on ${vscode.workspace.asRelativePath(uri)}`, () => {
    const found = diagnostics(uri, ruleId);
    if (count === undefined) return found.length > 0 ? found : undefined;
    return found.length === count ? found : undefined; // an empty array is truthy: "none" is a result too
  });
}

/** The quick fixes VS Code's lightbulb would offer at a diagnostic's range. */
export async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  return actions ?? [];
}

export async function applyAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit || action.command, `action "${action.title}" does nothing`);
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `could not apply "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Puts a document back to its text on disk (tests edit the fixtures, never save them unless they mean to). */
export async function revert(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

/** Replaces the first occurrence of `search` in a document (one edit). */
export async function replaceText(document: vscode.TextDocument, search: string, replacement: string): Promise<void> {
  const offset = document.getText().indexOf(search);
  assert.ok(offset >= 0, `"${search}" not found in ${vscode.workspace.asRelativePath(document.uri)}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + search.length)), replacement);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

/** `line:column-line:column`, 0-based, for comparing ranges in one assertion. */
export function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** The position just inside the first occurrence of `search` (plus `delta` characters). */
export function positionOf(document: vscode.TextDocument, search: string, delta = 1): vscode.Position {
  const offset = document.getText().indexOf(search);
  assert.ok(offset >= 0, `"${search}" not found`);
  return document.positionAt(offset + delta);
}
