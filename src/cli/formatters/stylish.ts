/**
 * @fileoverview `--format stylish` (the default): findings grouped by file, one per line with
 * its position, severity, message and rule id, then a summary. Text that comes from the
 * manifests is escaped so it cannot drive the terminal.
 */
import type { Severity } from '../../core/finding';
import { escapeControl, type Colors } from '../terminal';
import { regionOf, type Formatter } from './types';

/** The summary's words, in English and French (the rule messages are translated by the core). */
const WORDS = {
  en: {
    count: (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`,
    problem: ['problem', 'problems'], error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['info', 'info'],
    fixable: (what: string) => `  ${what} can be fixed with the \`--fix\` option.`,
  },
  fr: {
    count: (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`,
    problem: ['problème', 'problèmes'], error: ['erreur', 'erreurs'], warning: ['avertissement', 'avertissements'], info: ['info', 'infos'],
    fixable: (what: string) => `  ${what} corrigeables avec l’option \`--fix\`.`,
  },
} as const;

function wordsFor(locale: string | undefined): (typeof WORDS)['en'] | (typeof WORDS)['fr'] {
  return locale?.toLowerCase().startsWith('fr') ? WORDS.fr : WORDS.en;
}

function paint(colors: Colors, severity: Severity, text: string): string {
  return severity === 'error' ? colors.red(text) : severity === 'warning' ? colors.yellow(text) : colors.blue(text);
}

export const formatStylish: Formatter = (context) => {
  const { colors } = context;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let fixable = 0;
  return {
    file(file) {
      if (file.findings.length === 0) return [];
      const rows = file.findings.map((f) => {
        counts[f.severity]++;
        if (f.fix) fixable++;
        const r = regionOf(file.lines, f.range);
        const related = (f.related ?? []).flatMap((x) => {
          const lines = x.file === f.file ? file.lines : context.linesOf?.(x.file);
          if (!lines) return [];
          const p = regionOf(lines, x.range);
          return [`${escapeControl(x.file)}:${p.line}:${p.column} ${escapeControl(x.message)}`];
        });
        return { position: `${r.line}:${r.column}`, severity: f.severity, message: escapeControl(f.message), ruleId: f.ruleId, related };
      });
      const positionWidth = Math.max(...rows.map((r) => r.position.length));
      const severityWidth = Math.max(...rows.map((r) => r.severity.length));
      let out = `\n${colors.underline(escapeControl(file.file))}\n`;
      for (const row of rows) {
        out += `  ${colors.dim(row.position.padEnd(positionWidth))}  ${paint(colors, row.severity, row.severity.padEnd(severityWidth))}  ${row.message}  ${colors.dim(row.ruleId)}\n`;
        for (const related of row.related) out += `  ${' '.repeat(positionWidth + severityWidth + 4)}${colors.dim(`↳ ${related}`)}\n`;
      }
      return [out];
    },
    end() {
      const total = counts.error + counts.warning + counts.info;
      if (total === 0) return [];
      const w = wordsFor(context.locale);
      const count = (n: number, word: readonly [string, string]): string => w.count(n, word[0], word[1]);
      const worst: Severity = counts.error ? 'error' : counts.warning ? 'warning' : 'info';
      const symbol = worst === 'info' ? 'ℹ' : '✖';
      const parts = [count(counts.error, w.error), count(counts.warning, w.warning), count(counts.info, w.info)].join(', ');
      const pieces = [`\n${paint(colors, worst, colors.bold(`${symbol} ${count(total, w.problem)} (${parts})`))}\n`];
      if (fixable > 0) pieces.push(paint(colors, worst, w.fixable(count(fixable, w.problem))) + '\n');
      return pieces;
    },
  };
};
