/**
 * @fileoverview `--format github`: GitHub Actions workflow commands, one per finding, which the
 * runner turns into annotations on the pull request's diff:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 */
import type { Severity } from '../../core/finding';
import { escapeControl } from '../terminal';
import { regionOf, type Formatter } from './types';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes the message part of a workflow command (`%`, CR, LF). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command (also `:` and `,`, which separate properties). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const formatGithub: Formatter = () => ({
  file(file) {
    let out = '';
    for (const f of file.findings) {
      const r = regionOf(file.lines, f.range);
      const props = [
        `file=${escapeProperty(escapeControl(file.file))}`,
        `line=${r.line}`,
        `col=${r.column}`,
        `endLine=${r.endLine}`,
        `endColumn=${r.endColumn}`,
        `title=${escapeProperty(`KubePlan ${f.ruleId}`)}`,
      ].join(',');
      // Control characters from the manifests are made visible first: the log is a terminal too.
      out += `::${COMMAND[f.severity]} ${props}::${escapeData(escapeControl(f.message))}\n`;
    }
    return out ? [out] : [];
  },
  end: () => [],
});
