/**
 * @fileoverview Code actions from the fixes the core attached to each finding (looked up by
 * diagnostic and document version, never recomputed): "Fix: …", "Fix all <rule> problems in
 * this file", "Disable <rule> for this line", "Ignore <rule> for this resource", "Show
 * documentation for <rule>", and `source.fixAll.kubeplan` for `editor.codeActionsOnSave`.
 * Every action is one WorkspaceEdit, hence one undo step.
 */
import * as vscode from 'vscode';
import type { Finding, TextEdit } from '../core/finding';
import { applyEdits } from '../core/fix/fix-ops';
import { disableLineEdit, ignoreResourceEdit, manifestOfFinding } from '../core/language/suppress';
import { diagnosticKey, DIAGNOSTIC_SOURCE } from './convert';
import type { KubePlanService } from './language-service';
import { t } from './l10n';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('kubeplan');
export const SHOW_RULE_DOCS = 'kubeplan.showRuleDocs';

export class KubePlanCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly service: KubePlanService) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const entry = this.service.findingsFor(document);
    if (!entry || entry.version !== document.version) return [];
    const only = context.only;
    if (only && only.contains(FIX_ALL_KIND)) {
      const fixAll = this.fixAll(document, entry.findings);
      return fixAll ? [fixAll] : [];
    }
    if (only && !only.intersects(vscode.CodeActionKind.QuickFix)) return [];
    const actions: vscode.CodeAction[] = [];
    const seenRules = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = entry.byKey.get(diagnosticKey(diagnostic));
      if (!finding) continue;
      const rule = finding.ruleId;
      if (finding.fix) {
        const action = this.editAction(t('Fix: {0}', finding.fix.title), document, finding.fix.edits, diagnostic);
        action.isPreferred = true;
        actions.push(action);
      }
      for (const suggestion of finding.suggestions ?? []) {
        actions.push(this.editAction(t('Fix: {0}', suggestion.title), document, suggestion.edits, diagnostic));
      }
      if (!seenRules.has(rule)) {
        seenRules.add(rule);
        const fixable = entry.findings.filter((f) => f.ruleId === rule && f.fix);
        if (fixable.length > 1) {
          actions.push(this.editAction(t('Fix all {0} problems in this file', rule), document, applicable(document.getText(), fixable.flatMap((f) => f.fix!.edits)), diagnostic));
        }
      }
      actions.push(this.editAction(t('Disable {0} for this line', rule), document, [disableLineEdit(document.getText(), finding.range[0], rule)], diagnostic));
      const ignore = this.ignoreEdit(document, finding);
      if (ignore) actions.push(this.editAction(t('Ignore {0} for this resource', rule), document, [ignore], diagnostic));
      const docs = new vscode.CodeAction(t('Show documentation for {0}', rule), vscode.CodeActionKind.QuickFix);
      docs.command = { command: SHOW_RULE_DOCS, title: docs.title, arguments: [rule] };
      docs.diagnostics = [diagnostic];
      actions.push(docs);
    }
    return actions;
  }

  private ignoreEdit(document: vscode.TextDocument, finding: Finding): TextEdit | null {
    const source = this.service.core.getSource(document.uri.toString());
    if (!source || source.text !== document.getText()) return null;
    const manifest = manifestOfFinding(source, finding);
    return manifest ? ignoreResourceEdit(source, manifest, finding.ruleId) : null;
  }

  private editAction(title: string, document: vscode.TextDocument, edits: readonly TextEdit[], diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.edit = toWorkspaceEdit(document, edits);
    action.diagnostics = [diagnostic];
    return action;
  }

  /** Every safe fix of the document, as one edit (overlapping fixes are left for the next save). */
  private fixAll(document: vscode.TextDocument, findings: readonly Finding[]): vscode.CodeAction | undefined {
    const edits = applicable(document.getText(), findings.flatMap((f) => f.fix?.edits ?? []));
    if (edits.length === 0) return undefined;
    const action = new vscode.CodeAction(t('Fix all KubePlan problems'), FIX_ALL_KIND);
    action.edit = toWorkspaceEdit(document, edits);
    return action;
  }
}

/** The edits that can be applied together (of overlapping ones, the first in the text wins). */
function applicable(text: string, edits: readonly TextEdit[]): TextEdit[] {
  return applyEdits(text, edits).applied;
}

export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(e.range[0]), document.positionAt(e.range[1])), e.text);
  }
  return edit;
}
