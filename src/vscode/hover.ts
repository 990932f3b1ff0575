/**
 * @fileoverview Hover: the rule docs of a finding under the cursor, what the schema says about
 * the field (type, required, allowed values), and a CronJob's schedule in words with its next runs.
 */
import * as vscode from 'vscode';
import { describeSchedule } from '../core/model/cron';
import { pathAt } from '../core/language/position';
import { fieldInfo } from '../core/language/schema-lookup';
import { RULES_BY_ID } from '../core/rules';
import { isRecord } from '../core/source/parse';
import type { KubePlanService } from './language-service';
import { currentLocale, t } from './l10n';
import { ruleTitle } from './rule-docs';
import { SHOW_RULE_DOCS } from './code-actions';

export class KubePlanHover implements vscode.HoverProvider {
  constructor(private readonly service: KubePlanService, private readonly now: () => Date = () => new Date()) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const entry = this.service.findingsFor(document);
    const source = this.service.core.getSource(document.uri.toString());
    if (!entry || !source) return undefined;
    const offset = document.offsetAt(position);
    const parts: vscode.MarkdownString[] = [];

    const rules = new Set<string>();
    for (const f of entry.findings) {
      if (offset < f.range[0] || offset > f.range[1] || rules.has(f.ruleId)) continue;
      rules.add(f.ruleId);
      const rule = RULES_BY_ID.get(f.ruleId);
      if (!rule) continue;
      const md = new vscode.MarkdownString(undefined, true);
      md.isTrusted = { enabledCommands: [SHOW_RULE_DOCS] };
      md.appendMarkdown(`**${rule.id}** · ${escape(ruleTitle(rule))}\n\n`);
      md.appendMarkdown(`${rule.docs.remediation}\n\n`);
      md.appendMarkdown(`[${t('Show documentation for {0}', rule.id)}](command:${SHOW_RULE_DOCS}?${encodeURIComponent(JSON.stringify([rule.id]))})`);
      parts.push(md);
    }

    const at = pathAt(source, offset);
    if (at && at.path.length > 0) {
      const { manifest, path } = at;
      const info = typeof path[path.length - 1] === 'string' ? fieldInfo(manifest.apiVersion, manifest.kind, path) : undefined;
      if (info) {
        const md = new vscode.MarkdownString();
        md.appendMarkdown(`\`${info.name}\` · ${info.type} · ${info.required ? t('required') : t('optional')}`);
        if (info.values?.length) md.appendMarkdown(`\n\n${t('Allowed values')}: ${info.values.map((v) => `\`${String(v)}\``).join(', ')}`);
        parts.push(md);
      }
      if (manifest.kind === 'CronJob' && path.length === 2 && path[0] === 'spec' && path[1] === 'schedule') {
        const spec = isRecord(manifest.object.spec) ? manifest.object.spec : {};
        const schedule = typeof spec.schedule === 'string' ? spec.schedule : undefined;
        const timeZone = typeof spec.timeZone === 'string' ? spec.timeZone : undefined;
        const described = schedule ? describeSchedule(schedule, timeZone, this.now(), 3, currentLocale()) : undefined;
        if (described) {
          const md = new vscode.MarkdownString();
          md.appendMarkdown(`**${escape(described.text)}**\n\n${t('Next runs ({0})', timeZone ?? 'UTC')}:\n`);
          for (const d of described.next) md.appendMarkdown(`\n- ${formatDate(d, timeZone)}`);
          parts.push(md);
        }
      }
    }
    return parts.length ? new vscode.Hover(parts) : undefined;
  }
}

function formatDate(date: Date, timeZone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat('sv-SE', { timeZone: timeZone ?? 'UTC', dateStyle: 'short', timeStyle: 'short' }).format(date);
  } catch {
    return date.toISOString().replace('T', ' ').slice(0, 16);
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}
