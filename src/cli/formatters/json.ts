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
 * `items` (not empty) as the elements of an array nested `depth` arrays deep in a report
 * stringified with two-space indents, without the brackets: a piece of the whole report's text.
 */
export function stringifyElements(items: readonly unknown[], depth: number): string {
  let wrapped: unknown = items;
  for (let i = 1; i < depth; i++) wrapped = [wrapped];
  // Each level k (0-based) opens with 2k spaces, `[` and a newline, and closes the same way.
  return stringifyInert(wrapped).slice(depth * depth + 3 * depth, -(depth * depth + depth));
}

/** How many findings are stringified together (a piece of about 25 KB). */
const FINDINGS_PER_PIECE = 32;

/**
 * The report, file by file and a few findings at a time (the same text as stringifying the
 * array of files whole), each piece written as soon as it is made.
 */
export const formatJson: Formatter = (context) => {
  let written = 0;
  return {
    file(f) {
      const pieces = [written++ > 0 ? ',\n  ' : '[\n  '];
      if (f.findings.length === 0) {
        // Stringified inside an array, the report comes out indented as an element: `[\n  {…}\n]`.
        pieces.push(stringifyInert([{ file: f.file, findings: [] } satisfies JsonFileReport]).slice(4, -2));
        return pieces;
      }
      // The findings are stringified a few at a time, three arrays deep (report[i].findings[j]) to come out indented
      // as in the whole report. One string per file was over 128 KB for a big tree's files: V8
      // gives each such string memory of its own, new pages from the system every time (the
      // generated corpus's report: 80,000 page faults for the whole run against 68,000).
      pieces.push(`{\n    "file": ${stringifyInert(f.file)},\n    "findings": [\n      `);
      let batch: JsonFinding[] = [];
      const flush = (): void => {
        pieces.push(stringifyElements(batch, 3));
        batch = [];
      };
      for (let i = 0; i < f.findings.length; i++) {
        if (batch.length === FINDINGS_PER_PIECE) {
          flush();
          pieces.push(',\n      ');
        }
        batch.push(toJsonFinding(f.findings[i]!, f.lines, context.linesOf));
      }
      flush();
      pieces.push('\n    ]\n  }');
      return pieces;
    },
    end: () => [written === 0 ? '[]\n' : '\n]\n'],
  };
};
