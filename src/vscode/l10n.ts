/**
 * @fileoverview Runtime strings. `vscode.l10n.t` follows VS Code's display language; the
 * `kubeplan.language` setting can force English or French for KubePlan alone (a course in French
 * on an English VS Code), in which case the bundle in `l10n/` is read here.
 */
import * as vscode from 'vscode';

let forced: { locale: string; bundle: Record<string, string> } | undefined;

/** The locale KubePlan speaks: the setting when it forces one, else VS Code's display language. */
export function currentLocale(): string {
  return forced?.locale ?? vscode.env.language;
}

/** Reads `kubeplan.language` and loads the matching bundle when it differs from VS Code's language. */
export async function loadLocale(extensionUri: vscode.Uri): Promise<void> {
  const setting = vscode.workspace.getConfiguration('kubeplan').get<string>('language', 'auto');
  if (setting === 'auto' || !setting) {
    forced = undefined;
    return;
  }
  let bundle: Record<string, string> = {};
  if (setting !== 'en') {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'l10n', `bundle.l10n.${setting}.json`));
      bundle = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, string>;
    } catch {
      bundle = {};
    }
  }
  forced = { locale: setting, bundle };
}

/** Translates a runtime string; `{0}`, `{1}`... are filled from `args`, as with `vscode.l10n.t`. */
export function t(message: string, ...args: Array<string | number>): string {
  if (!forced) return vscode.l10n.t(message, ...args);
  const template = forced.bundle[message] ?? message;
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : whole));
}
