/**
 * @fileoverview The plain-data shapes that leave the core: findings, text edits and fixes.
 * Offsets are 0-based UTF-16 indexes into the file's text, end exclusive; adapters turn them
 * into lines and columns at the edge.
 */

/** How loud a finding is. `off` only appears in configuration, never on a finding. */
export type Severity = 'error' | 'warning' | 'info';
export type SeverityOrOff = Severity | 'off';

export const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** A half-open `[start, end)` offset range into a file's text. */
export type OffsetRange = readonly [start: number, end: number];

/** One replacement of `range` in the file's text by `text`. */
export interface TextEdit {
  range: OffsetRange;
  text: string;
}

/** A fix: a title the editor shows, and the edits that carry it out (never overlapping). */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** What a finding is about: the Kubernetes object that produced it. */
export interface ResourceRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** A secondary location that helps explain a finding (the other side of a reference, say). */
export interface RelatedLocation {
  file: string;
  range: OffsetRange;
  message: string;
}

export interface Finding {
  /** The rule that reported it: a stable kebab-case id, also the docs page name. */
  ruleId: string;
  /** Which of the rule's messages: stable, what tests and adapters key on (never the text). */
  messageId: string;
  severity: Severity;
  message: string;
  file: string;
  range: OffsetRange;
  /** Index of the YAML document (`---`) in the file the finding belongs to, when there is one. */
  docIndex?: number;
  resource?: ResourceRef;
  related?: RelatedLocation[];
  /**
   * A safe fix: applied by `--fix` and "fix all". The linter's findings build it, and
   * `suggestions`, on first read (getters: `JSON.stringify` keeps them, a spread does not).
   */
  fix?: Fix;
  /** Fixes that change behaviour, offered in the editor only. */
  suggestions?: Fix[];
  /** Editor hints: removed APIs show struck through, dead settings faded. */
  tags?: Array<'deprecated' | 'unnecessary'>;
}

/** Orders findings by file, then position, then rule id, so every output is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.range[0] - b.range[0] || a.range[1] - b.range[1] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
