/**
 * @fileoverview Rule documentation inside the editor, offline and in the user's language: a
 * read-only virtual Markdown document per rule (`kubeplan-rule:/<id>.md`), built from the
 * rule's own metadata and shown in the Markdown preview.
 */
import * as vscode from 'vscode';
import { localizedTitle } from '../core/i18n';
import { RULES, RULES_BY_ID } from '../core/rules';
import type { Rule } from '../core/rules/types';
import { currentLocale, t } from './l10n';

export const RULE_DOCS_SCHEME = 'kubeplan-rule';

export function ruleDocsUri(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RULE_DOCS_SCHEME, path: `/${ruleId}.md` });
}

/** A rule's title in the current language. */
export function ruleTitle(rule: Rule<string, unknown>): string {
  return localizedTitle(currentLocale(), rule.id) ?? rule.title;
}

/** The Markdown of a rule's page. */
export function ruleMarkdown(rule: Rule<string, unknown>): string {
  const lines = [
    `# ${rule.id}`,
    '',
    `**${ruleTitle(rule)}**`,
    '',
    `${t('Category')}: \`${rule.category}\` · ${t('Default severity')}: \`${rule.enabledByDefault === false ? 'off' : rule.severity}\`${rule.fixable ? ` · ${t('Fixable')}: \`${rule.fixable}\`` : ''}`,
    '',
    `## ${t('What it checks')}`,
    '',
    rule.docs.description,
    '',
    `## ${t('Why it matters')}`,
    '',
    rule.docs.rationale,
    '',
    `## ${t('How to fix it')}`,
    '',
    rule.docs.remediation,
    '',
  ];
  for (const example of rule.docs.examples?.invalid ?? []) lines.push(`### ${t('Incorrect')}`, '', '```yaml', example.trimEnd(), '```', '');
  for (const example of rule.docs.examples?.valid ?? []) lines.push(`### ${t('Correct')}`, '', '```yaml', example.trimEnd(), '```', '');
  lines.push(`## ${t('Silencing it')}`, '', '```yaml', `# kubeplan-disable-next-line ${rule.id}`, '```', '', `${t('or the annotation')} \`kubeplan.dev/ignore: "${rule.id}"\`.`, '');
  if (rule.docs.references.length) {
    lines.push(`## ${t('References')}`, '');
    for (const r of rule.docs.references) lines.push(`- <${r}>`);
    lines.push('');
  }
  return lines.join('\n');
}

/** The rule list as Markdown (the "Show Rule List" command falls back to it). */
export function ruleListMarkdown(): string {
  const rows = RULES.map((r) => `| [${r.id}](${ruleDocsUri(r.id).toString()}) | ${r.category} | ${r.enabledByDefault === false ? 'off' : r.severity} | ${ruleTitle(r)} |`);
  return [`# ${t('KubePlan rules')}`, '', `| ${t('Rule')} | ${t('Category')} | ${t('Severity')} | ${t('Title')} |`, '|---|---|---|---|', ...rows, ''].join('\n');
}

export class RuleDocsProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    if (id === 'index') return ruleListMarkdown();
    const rule = RULES_BY_ID.get(id);
    return rule ? ruleMarkdown(rule) : `# ${id}\n\n${t('No rule has this id.')}\n`;
  }
}

/** Opens a rule's page in the Markdown preview (or as text when the preview is not available). */
export async function showRuleDocs(ruleId: string): Promise<void> {
  const uri = ruleDocsUri(ruleId);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { preview: true });
  }
}
