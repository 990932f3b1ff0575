/**
 * @fileoverview `kubeplan rules`: lists every rule with its id, category, default severity,
 * title, fix and docs, as a terminal table, Markdown (the README's table) or JSON.
 */
import { closest } from '../../core/config/config';
import { RULES, RULES_BY_ID } from '../../core/rules';
import { localizedTitle } from '../../core/i18n';
import { fixableLabel, rulePage, rulesJson, rulesMarkdownTable, sortedRules } from '../docs';
import { EXIT, UserError } from '../errors';
import type { Io } from '../io';
import { defaultSeverity, docsUrl } from '../rule-info';
import { parseFlags } from './flags';
import type { Command } from './types';

const FORMATS = ['table', 'markdown', 'json'];

const usage = `Usage: kubeplan rules [options] [rule-id...]

Lists every rule: id, category, default severity, whether it has a fix, title and docs page.
With rule ids, prints their documentation pages (what, why, how to fix, examples).

Options:
  -f, --format <name>  table (default), markdown or json
      --locale <lang>  language of the titles (table format)
  -h, --help           show this help`;

function table(locale: string | undefined): string {
  const rows = sortedRules(RULES).map((r) => [r.id, r.category, defaultSeverity(r), fixableLabel(r), localizedTitle(locale, r.id) ?? r.title]);
  const header = ['RULE', 'CATEGORY', 'DEFAULT', 'FIX', 'TITLE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n\n${RULES.length} rules. Docs: ${docsUrl('<rule-id>')}\n`;
}

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    format: { type: 'string', short: 'f' },
    locale: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(`${usage}\n`);
    return EXIT.ok;
  }
  const format = (values.format as string | undefined) ?? 'table';
  if (!FORMATS.includes(format)) throw new UserError(`--format: unknown format "${format}"; expected one of ${FORMATS.join(', ')}`);
  const locale = (values.locale as string | undefined) ?? io.env.KUBEPLAN_LOCALE;
  if (positionals.length > 0) {
    const rules = positionals.map((id) => {
      const rule = RULES_BY_ID.get(id);
      if (rule) return rule;
      const near = closest(id, [...RULES_BY_ID.keys()]);
      throw new UserError(`unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}`);
    });
    if (format === 'json') io.stdout(`${JSON.stringify(rulesJson(rules), null, 2)}\n`);
    else io.stdout(rules.map((r) => rulePage(r)).join('\n'));
    return EXIT.ok;
  }
  if (format === 'json') io.stdout(`${JSON.stringify(rulesJson(RULES), null, 2)}\n`);
  else if (format === 'markdown') io.stdout(rulesMarkdownTable(RULES));
  else io.stdout(table(locale));
  return EXIT.ok;
}

const rulesCommand: Command = {
  name: 'rules',
  summary: 'list every rule with its category, default severity, fix and docs',
  usage,
  run,
};

export default rulesCommand;
