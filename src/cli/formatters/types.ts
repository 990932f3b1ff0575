/**
 * @fileoverview What every formatter receives: the linted files with their findings (already
 * filtered by `--quiet`) and what is needed to turn offsets into 1-based lines and columns.
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

export interface FormatInput {
  files: ReportedFile[];
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
 * A report, as the pieces to write one after the other (their concatenation is the report): a
 * big report is never made into one string, which would be slow to encode (a 65 MB JSON report
 * took 0.6 s to turn into bytes at once, 0.06 s in pieces).
 */
export type Formatter = (input: FormatInput) => string[];

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
