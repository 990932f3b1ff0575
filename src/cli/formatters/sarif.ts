/**
 * @fileoverview `--format sarif`: SARIF 2.1.0, as GitHub code scanning and other viewers read
 * it. Every registered rule is described (id, name, descriptions, help, help URI, default
 * level), and each finding is a result with its rule index and a 1-based region.
 */
import type { Severity } from '../../core/finding';
import { RULES } from '../../core/rules';
import { docsUrl, pascalName } from '../rule-info';
import { stringifyElements, stringifyInert } from './json';
import { regionOf, type FormatContext, type Formatter, type ReportedFile } from './types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** `file:///work/app/` for an absolute directory, with each segment percent-encoded. */
function directoryUri(dir: string): string {
  const segments = dir.split(/[\\/]/).filter((s) => s !== '').map(encodeURIComponent);
  return `file:///${segments.join('/')}${segments.length ? '/' : ''}`;
}

/** A relative URI reference for a display path (`examples/app.yaml`), or a `file://` URI for an absolute one. */
function fileUri(file: string): { uri: string; uriBaseId?: string } {
  if (file.startsWith('/')) return { uri: `file://${file.split('/').map(encodeURIComponent).join('/')}` };
  if (file === '<stdin>') return { uri: 'stdin' };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** The SARIF results of one file's findings. */
function sarifResults(context: FormatContext, file: ReportedFile): Array<Record<string, unknown>> {
  return file.findings.map((f) => {
    const region = regionOf(file.lines, f.range);
    const result: Record<string, unknown> = {
      ruleId: f.ruleId,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{
        physicalLocation: {
          artifactLocation: fileUri(file.file),
          region: { startLine: region.line, startColumn: region.column, endLine: region.endLine, endColumn: region.endColumn },
        },
      }],
      properties: { messageId: f.messageId },
    };
    const related = (f.related ?? []).flatMap((x, i) => {
      const lines = x.file === f.file ? file.lines : context.linesOf?.(x.file);
      if (!lines) return [];
      const r = regionOf(lines, x.range);
      return [{
        id: i,
        physicalLocation: { artifactLocation: fileUri(x.file), region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn } },
        message: { text: x.message },
      }];
    });
    if (related.length) result.relatedLocations = related;
    const fix = f.fix;
    if (fix) {
      // The safe fix, as SARIF viewers can apply it (GitHub shows it as text).
      result.fixes = [{
        description: { text: fix.title },
        artifactChanges: [{
          artifactLocation: fileUri(file.file),
          replacements: fix.edits.map((e) => {
            const r = regionOf(file.lines, e.range);
            return {
              deletedRegion: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
              insertedContent: { text: e.text },
            };
          }),
        }],
      }];
    }
    const index = RULE_INDEX.get(f.ruleId);
    if (index !== undefined) result.ruleIndex = index;
    return result;
  });
}

const RULE_INDEX = new Map(RULES.map((r, i) => [r.id, i]));

/** The whole SARIF log: every rule described, then the results. */
function sarifLog(context: FormatContext, results: readonly unknown[]): Record<string, unknown> {
  const rules = RULES.map((r) => ({
    id: r.id,
    name: pascalName(r.id),
    shortDescription: { text: r.title },
    fullDescription: { text: r.docs.description },
    help: {
      text: `${r.docs.rationale}\n\n${r.docs.remediation}`,
      markdown: `${r.docs.rationale}\n\n**How to fix:** ${r.docs.remediation}\n\n[Documentation](${docsUrl(r.id)})`,
    },
    helpUri: docsUrl(r.id),
    defaultConfiguration: { level: LEVEL[r.severity], enabled: r.enabledByDefault !== false },
    properties: { category: r.category, tags: [r.category] },
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'KubePlan',
          version: context.version,
          semanticVersion: context.version,
          informationUri: 'https://kubeplan.dev/',
          rules,
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(context.cwd) } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
}

/** How many results are stringified together (pieces of some tens of KB, as for JSON). */
const RESULTS_PER_PIECE = 32;

/**
 * One JSON document, written as the files are linted: the log up to its results first, then
 * each file's results a few at a time, then the end; the same text as stringifying the whole log
 * at once. (Kept whole until the end, the log of a 50,000-resource tree took 8 s and 970 MB, more
 * than twice the JSON report's time and three times its memory.)
 */
export const formatSarif: Formatter = (context) => {
  // The whole log with one result, a marker, where the results go: what comes before and after it.
  const marked = stringifyInert(sarifLog(context, [RESULT_MARKER]));
  const at = marked.indexOf(MARKER_TEXT);
  const head = marked.slice(0, at);
  const tail = marked.slice(at + MARKER_TEXT.length);
  let written = 0;
  return {
    file(file) {
      const pieces: string[] = [];
      const results = sarifResults(context, file);
      for (let i = 0; i < results.length; i += RESULTS_PER_PIECE) {
        pieces.push(written++ === 0 ? head : RESULT_SEPARATOR);
        pieces.push(stringifyElements(results.slice(i, i + RESULTS_PER_PIECE), 4)); // runs[0].results[i]
      }
      return pieces;
    },
    end: () => [written === 0 ? `${stringifyInert(sarifLog(context, []))}\n` : `${tail}\n`],
  };
};

const RESULT_MARKER = '\u0000';
const MARKER_TEXT = JSON.stringify(RESULT_MARKER);
/** Between two results of the log (eight spaces: runs[0].results[i]). */
const RESULT_SEPARATOR = ',\n        ';
