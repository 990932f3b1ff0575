/**
 * @fileoverview What every formatter receives: the linted files with their findings (already
 * filtered by `--quiet`), one at a time, and what is needed to turn offsets into 1-based lines
 * and columns.
 */
import type { Finding, OffsetRange } from '../../core/finding';
import type { LineIndex } from '../../core/source/parse';
import type { Colors } from '../terminal';

export interface ReportedFile {
  /** The file as shown to the user (relative to the working directory, `/`-separated). */
  file: string;
  findings: Finding[];
  lines: LineIndex;
}

/** What a formatter needs besides the files. */
export interface FormatContext {
  colors: Colors;
  /** Absolute working directory (SARIF's `%SRCROOT%`). */
  cwd: string;
  /** The tool's version. */
  version: string;
  /** Language of the summary lines (`fr`); English by default. */
  locale?: string;
  /** Line index of any linted file (by its shown path), for related locations in other files. */
  linesOf?(file: string): LineIndex | undefined;
}

/**
 * A report written as the files are linted: `file` gives the pieces for each file in turn, `end`
 * the rest (a summary, closing brackets). Their concatenation is the report. A file's findings
 * are dropped once written: on a big tree, keeping every file's findings until the end made the
 * garbage collector copy them all (the lint took a third longer). And a big report is never
 * made into one string, which would be slow to encode (65 MB of JSON: 0.6 s at once, 0.06 s in
 * pieces).
 */
export interface ReportWriter {
  file(file: ReportedFile): string[];
  end(): string[];
}

export type Formatter = (context: FormatContext) => ReportWriter;

/** 1-based start and end positions of a range; the end column is exclusive, as editors use it. */
export interface Region {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function regionOf(lines: LineIndex, range: OffsetRange): Region {
  const start = lines.position(range[0]);
  const end = lines.position(range[1]);
  return { line: start.line + 1, column: start.column + 1, endLine: end.line + 1, endColumn: end.column + 1 };
}
