/**
 * @fileoverview `--format json`: the stable, documented contract for scripts. One entry per
 * linted file: `{ file, findings: [{ ruleId, messageId, severity, message, line, column,
 * endLine, endColumn, resource, fix? }] }`, lines and columns 1-based (end column exclusive).
 */
import type { Finding } from '../../core/finding';
import type { LineIndex } from '../../core/source/parse';
import { regionOf, type Formatter, type Region } from './types';

export interface JsonEdit extends Region {
  text: string;
}

export interface JsonRelated extends Region {
  file: string;
  message: string;
}

export interface JsonFinding extends Region {
  ruleId: string;
  messageId: string;
  severity: Finding['severity'];
  message: string;
  resource: { apiVersion: string; kind: string; name: string; namespace: string | null } | null;
  fix?: { title: string; edits: JsonEdit[] };
  /** Other places that explain the finding (the object a reference points at, the other duplicate). */
  related?: JsonRelated[];
}

export interface JsonFileReport {
  file: string;
  findings: JsonFinding[];
}

export function toJsonFinding(f: Finding, lines: LineIndex, linesOf?: (file: string) => LineIndex | undefined): JsonFinding {
  const out: JsonFinding = {
    ruleId: f.ruleId,
    messageId: f.messageId,
    severity: f.severity,
    message: f.message,
    ...regionOf(lines, f.range),
    resource: f.resource
      ? { apiVersion: f.resource.apiVersion, kind: f.resource.kind, name: f.resource.name, namespace: f.resource.namespace ?? null }
      : null,
  };
  const fix = f.fix;
  if (fix) out.fix = { title: fix.title, edits: fix.edits.map((e) => ({ ...regionOf(lines, e.range), text: e.text })) };
  const related = (f.related ?? []).flatMap((r) => {
    const relatedLines = r.file === f.file ? lines : linesOf?.(r.file);
    return relatedLines ? [{ file: r.file, ...regionOf(relatedLines, r.range), message: r.message }] : [];
  });
  if (related.length) out.related = related;
  return out;
}

/**
 * JSON.stringify, with the characters it leaves raw that a terminal would act on (DEL, C1
 * controls such as the 8-bit CSI, line/paragraph separators, bidirectional controls) written as
 * `\uXXXX`: `cat report.json` stays inert, and the JSON means the same.
 */
export function stringifyInert(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The report, file by file (the same text as stringifying the array of files whole): each
 * file's piece is written on its own.
 */
export const formatJson: Formatter = (context) => {
  let written = 0;
  return {
    file(f) {
      const report: JsonFileReport = { file: f.file, findings: f.findings.map((x) => toJsonFinding(x, f.lines, context.linesOf)) };
      // Stringified inside an array, the report comes out indented as an element: `[\n  {…}\n]`.
      // The separator is a piece of its own: prepended, it would make V8 copy the whole text again
      // to write it (a 65 MB report: 0.3 s against 0.03 s).
      return [written++ > 0 ? ',\n  ' : '[\n  ', stringifyInert([report]).slice(4, -2)];
    },
    end: () => [written === 0 ? '[]\n' : '\n]\n'],
  };
};
