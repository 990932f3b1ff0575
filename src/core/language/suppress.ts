/**
 * @fileoverview Edits that silence a rule, as the editor's "Disable for this line" and "Ignore
 * for this resource" actions write them: a `# kubeplan-disable-next-line <rule-id>` comment above
 * the line (merged into one already there), or the `kubeplan.dev/ignore` annotation through a
 * FixOp, so comments and layout are kept.
 */
import type { Finding, TextEdit } from '../finding';
import { opsToEdit } from '../fix/fix-ops';
import { DISABLE_NEXT_LINE, IGNORE_ANNOTATION } from '../suppression';
import { isRecord, LineIndex, type Manifest, type SourceFile } from '../source/parse';

/**
 * The edit that silences `ruleId` on the line holding `offset`: a comment line above it at the
 * same indentation, or the rule id added to the disable comment already on the line above.
 */
export function disableLineEdit(text: string, offset: number, ruleId: string): TextEdit {
  const lines = new LineIndex(text);
  const line = lines.position(offset).line;
  const lineStart = lines.offset(line, 0);
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  if (line > 0) {
    const prevStart = lines.offset(line - 1, 0);
    const previous = text.slice(prevStart, lineStart - 1).replace(/\r$/, '');
    const m = new RegExp(`^([ \\t]*#\\s*${DISABLE_NEXT_LINE})\\b(.*?)(\\s--\\s.*)?$`).exec(previous);
    if (m) {
      const ids = (m[2] ?? '').trim();
      const list = ids ? ids.split(/[\s,]+/).filter(Boolean) : [];
      if (list.length === 0 || list.includes(ruleId) || list.includes('*')) {
        return { range: [lineStart, lineStart], text: '' }; // already silenced: nothing to do
      }
      const end = prevStart + m[1]!.length + (m[2] ?? '').replace(/\s+$/, '').length;
      return { range: [end, end], text: `, ${ruleId}` };
    }
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { range: [lineStart, lineStart], text: `${indent}# ${DISABLE_NEXT_LINE} ${ruleId}${eol}` };
}

/** The manifest a finding belongs to (the innermost one holding its range). */
export function manifestOfFinding(source: SourceFile, finding: Finding): Manifest | undefined {
  let best: Manifest | undefined;
  for (const m of source.manifests) {
    if (finding.docIndex !== undefined && m.docIndex !== finding.docIndex) continue;
    if (finding.range[0] < m.tree.start || finding.range[0] > m.tree.outer) continue;
    if (!best || m.tree.start >= best.tree.start) best = m;
  }
  return best;
}

/**
 * The edit that adds `ruleId` to the resource's `kubeplan.dev/ignore` annotation (creating the
 * annotation, or `metadata.annotations`, when missing); null when the resource already ignores it
 * or the document cannot be edited safely.
 */
export function ignoreResourceEdit(source: SourceFile, manifest: Manifest, ruleId: string): TextEdit | null {
  const metadata = isRecord(manifest.object.metadata) ? manifest.object.metadata : {};
  const annotations = isRecord(metadata.annotations) ? metadata.annotations : {};
  const current = typeof annotations[IGNORE_ANNOTATION] === 'string' ? (annotations[IGNORE_ANNOTATION] as string) : '';
  const ids = current.split(/[\s,]+/).filter(Boolean);
  if (ids.includes(ruleId) || ids.includes('*')) return null;
  const document = source.documents[manifest.docIndex];
  if (!document) return null;
  const value = [...ids, ruleId].join(',');
  return opsToEdit(source.text, document.range, [
    { op: 'set', path: [...manifest.base, 'metadata', 'annotations', IGNORE_ANNOTATION], value, after: ['labels', 'namespace', 'name'] },
  ]);
}
