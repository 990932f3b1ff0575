/**
 * @fileoverview Offsets ↔ VS Code positions, and findings → diagnostics. Offsets become lines
 * and columns here, at the edge, and nowhere else.
 */
import * as vscode from 'vscode';
import type { Finding, OffsetRange, Severity } from '../core/finding';
import type { LineIndex } from '../core/source/parse';

/** Anything that turns an offset into a position: an open document, or the linter's line index of a closed file. */
export interface Positions {
  positionAt(offset: number): vscode.Position;
}

export function documentPositions(document: vscode.TextDocument): Positions {
  return { positionAt: (offset) => document.positionAt(offset) };
}

export function linePositions(lines: LineIndex): Positions {
  return {
    positionAt: (offset) => {
      const p = lines.position(offset);
      return new vscode.Position(p.line, p.column);
    },
  };
}

export function toRange(positions: Positions, range: OffsetRange): vscode.Range {
  return new vscode.Range(positions.positionAt(range[0]), positions.positionAt(range[1]));
}

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export const DIAGNOSTIC_SOURCE = 'kubeplan';

/**
 * A finding as a diagnostic: severity, `source` "kubeplan", `code` = rule id linking to its docs,
 * related locations, tags.
 */
export function toDiagnostic(
  finding: Finding,
  positions: Positions,
  positionsOf: (file: string) => Positions | undefined,
  docsUri: (ruleId: string) => vscode.Uri,
): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(positions, finding.range), finding.message, SEVERITIES[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: docsUri(finding.ruleId) };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.flatMap((r) => {
      const p = positionsOf(r.file);
      return p ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.parse(r.file), toRange(p, r.range)), r.message)] : [];
    });
  }
  if (finding.tags?.length) {
    diagnostic.tags = finding.tags.map((tag) => (tag === 'deprecated' ? vscode.DiagnosticTag.Deprecated : vscode.DiagnosticTag.Unnecessary));
  }
  return diagnostic;
}

/** The key a diagnostic and its finding share: code actions find the finding from the diagnostic VS Code hands back. */
export function diagnosticKey(d: vscode.Diagnostic): string {
  const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
  const r = d.range;
  return `${code}|${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}|${d.message}`;
}
