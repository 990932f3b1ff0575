/**
 * @fileoverview Fixes as structural operations at YAML paths (set, remove, rename, append),
 * turned into one minimal text edit that keeps comments, key order and indentation.
 *
 * Each operation is applied to the text of the document alone (re-parsed between operations,
 * so several operations on one block compose), and the result is diffed against the original
 * to give the smallest replacement.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, stringify, type Document, type Node, type Pair } from 'yaml';
import type { OffsetRange, TextEdit } from '../finding';
import type { Path } from '../source/path';

export type FixOp =
  /** Sets the value at `path`, creating missing parent mappings. A new entry goes behind the first of `after` that exists (else last). */
  | { op: 'set'; path: Path; value: unknown; after?: readonly string[]; comment?: string }
  /** Removes the mapping entry or sequence item at `path` (with its line when it has one to itself). */
  | { op: 'remove'; path: Path }
  /** Renames the key of the mapping entry at `path`. */
  | { op: 'rename'; path: Path; key: string }
  /** Appends an item to the sequence at `path`, creating it when missing. */
  | { op: 'append'; path: Path; value: unknown };

const PARSE_OPTIONS = { version: '1.1' as const, keepSourceTokens: false, prettyErrors: false };

/**
 * Applies `ops` to the document occupying `docRange` of `text` and returns the single edit
 * that carries them out, or null when an operation cannot be applied safely.
 */
export function opsToEdit(text: string, docRange: OffsetRange, ops: readonly FixOp[]): TextEdit | null {
  const original = text.slice(docRange[0], docRange[1]);
  let current = original;
  for (const op of ops) {
    const next = applyOp(current, op);
    if (next === null) return null;
    current = next;
  }
  if (current === original) return null;
  let start = 0;
  while (start < original.length && start < current.length && original[start] === current[start]) start++;
  let endOld = original.length;
  let endNew = current.length;
  while (endOld > start && endNew > start && original[endOld - 1] === current[endNew - 1]) {
    endOld--;
    endNew--;
  }
  return { range: [docRange[0] + start, docRange[0] + endOld], text: current.slice(start, endNew) };
}

/** Applies one operation to the text of one YAML document; null when it cannot. */
export function applyOp(text: string, op: FixOp): string | null {
  const doc = parseDocument(text, PARSE_OPTIONS) as Document.Parsed;
  if (doc.errors.length > 0 || !doc.contents) return null;
  const root = doc.contents as Node;
  switch (op.op) {
    case 'set': return setValue(text, root, op.path, op.value, op.after ?? [], op.comment);
    case 'remove': return removeAt(text, root, op.path);
    case 'rename': {
      const { pair, depth } = resolvePath(root, op.path);
      if (depth !== op.path.length || !pair?.key) return null;
      const [s, e] = nodeRange(pair.key as Node);
      return splice(text, s, e, renderScalar(op.key));
    }
    case 'append': {
      const { node, depth } = resolvePath(root, op.path);
      if (depth !== op.path.length || !node || (isScalar(node) && node.value === null)) {
        return setValue(text, root, op.path, [op.value], [], undefined);
      }
      if (!isSeq(node)) return null;
      return appendItem(text, node, op.value);
    }
  }
}

function setValue(text: string, root: Node, path: Path, value: unknown, after: readonly string[], comment: string | undefined): string | null {
  const { node, pair, depth } = resolvePath(root, path);
  if (depth === path.length) {
    if (!node) {
      // `key:` with no value: write the value after the colon.
      if (!pair?.key) return null;
      return writeAfterKey(text, pair, value, comment);
    }
    if (isScalar(node) && node.value === null && pair?.key) return writeAfterKey(text, pair, value, comment);
    const [s, e] = nodeRange(node);
    if (!isCollection(value)) {
      const suffix = comment ? ` # ${comment}` : '';
      return splice(text, s, e, renderScalar(value) + suffix);
    }
    // A collection replaces a collection: rewrite it in block style at its own indentation.
    if (!pair?.key) return null;
    const keyStart = nodeRange(pair.key as Node)[0];
    const indent = columnOf(text, keyStart);
    if ((isMap(node) || isSeq(node)) && !node.flow) {
      const childIndent = Array.isArray(value) && !indentsSequences(text) ? indent : indent + 2;
      const block = renderBlock(value, childIndent, text).replace(/\n$/, '');
      const lineStart = text.lastIndexOf('\n', s - 1) + 1;
      return splice(text, lineStart, endOfLine(text, Math.max(e - 1, s)), block);
    }
    return writeAfterKeyRange(text, s, e, value, indent, comment);
  }
  // Part of the path is missing: add it under the deepest mapping that exists.
  if (!node || typeof path[depth] !== 'string') {
    if (node && isScalar(node) && node.value === null && pair?.key) {
      return writeAfterKey(text, pair, nest(path.slice(depth), value), comment);
    }
    return null;
  }
  const rest = path.slice(depth + 1);
  const key = path[depth] as string;
  const nested = nest(rest, value);
  if (isMap(node)) return insertEntry(text, node, key, nested, after, comment);
  if (isScalar(node) && node.value === null && pair?.key) {
    return writeAfterKey(text, pair, { [key]: nested }, comment);
  }
  return null;
}

/** `{a: {b: value}}` for the path `['a', 'b']`. */
function nest(path: Path, value: unknown): unknown {
  let out = value;
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i]!;
    out = typeof segment === 'number' ? [out] : { [segment]: out };
  }
  return out;
}

function insertEntry(text: string, map: Node & { items: unknown[]; flow?: boolean }, key: string, value: unknown, after: readonly string[], comment: string | undefined): string {
  const items = map.items as Array<Pair<Node, Node | null>>;
  if (map.flow || items.length === 0) {
    const [s, e] = nodeRange(map);
    const existing = isMap(map) ? (map.toJSON() as Record<string, unknown>) : {};
    const merged = { ...existing, [key]: value };
    // Rewrite the flow mapping in block style under its key.
    const lineStart = text.lastIndexOf('\n', s - 1) + 1;
    const keyIndent = firstNonSpace(text, lineStart) - lineStart;
    return writeAfterKeyRange(text, s, e, merged, keyIndent, comment);
  }
  const first = items[0]!;
  const indent = columnOf(text, nodeRange(first.key as Node)[0]);
  let anchor = items[items.length - 1]!;
  for (const name of after) {
    const found = items.find((p) => isScalar(p.key) && String(p.key.value) === name);
    if (found) {
      anchor = found;
      break;
    }
  }
  const anchorEnd = anchor.value ? nodeRange(anchor.value)[1] : nodeRange(anchor.key as Node)[1];
  const at = endOfLine(text, Math.max(anchorEnd - 1, 0));
  const block = renderBlock({ [key]: value }, indent, text, comment);
  return text.slice(0, at) + '\n' + block.replace(/\n$/, '') + text.slice(at);
}

function appendItem(text: string, seq: Node & { items: unknown[]; flow?: boolean }, value: unknown): string | null {
  if (seq.flow || seq.items.length === 0) {
    const [s, e] = nodeRange(seq);
    const item = stringify(value, { version: '1.1', flow: true } as never).trim();
    const close = text.lastIndexOf(']', e);
    if (seq.items.length === 0 || close < s) return splice(text, s, e, `[${item}]`);
    const lastEnd = nodeRange(seq.items[seq.items.length - 1] as Node)[1];
    return splice(text, lastEnd, lastEnd, `, ${item}`);
  }
  const last = seq.items[seq.items.length - 1] as Node;
  const first = seq.items[0] as Node;
  const dash = text.lastIndexOf('-', nodeRange(first)[0]);
  const indent = columnOf(text, dash);
  const at = endOfLine(text, Math.max(nodeRange(last)[1] - 1, 0));
  const block = renderBlock([value], indent, text);
  return text.slice(0, at) + '\n' + block.replace(/\n$/, '') + text.slice(at);
}

function removeAt(text: string, root: Node, path: Path): string | null {
  if (path.length === 0) return null;
  const parentPath = path.slice(0, -1);
  const { node: parent, depth } = resolvePath(root, parentPath);
  if (depth !== parentPath.length || !parent) return null;
  const last = path[path.length - 1]!;
  let start: number;
  let end: number;
  if (isMap(parent) && typeof last === 'string') {
    const pair = (parent.items as Array<Pair<Node, Node | null>>).find((p) => isScalar(p.key) && String(p.key.value) === last);
    if (!pair?.key) return null;
    start = nodeRange(pair.key as Node)[0];
    end = pair.value ? nodeRange(pair.value)[1] : nodeRange(pair.key as Node)[1];
    if (parent.flow) return removeFlowItem(text, start, end);
  } else if (isSeq(parent) && typeof last === 'number' && parent.items[last]) {
    const item = parent.items[last] as Node;
    [start, end] = nodeRange(item);
    if (parent.flow) return removeFlowItem(text, start, end);
    start = text.lastIndexOf('-', start);
  } else {
    return null;
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const ownLine = text.slice(lineStart, start).trim() === '';
  if (ownLine) {
    const lineEnd = endOfLine(text, Math.max(end - 1, start));
    return text.slice(0, lineStart) + text.slice(Math.min(lineEnd + 1, text.length));
  }
  // `- name: x` where the entry shares its line with the dash: keep the dash line valid.
  const lineEnd = endOfLine(text, Math.max(end - 1, start));
  const nextLineStart = Math.min(lineEnd + 1, text.length);
  const nextIndent = firstNonSpace(text, nextLineStart) - nextLineStart;
  const ownIndent = start - lineStart;
  if (nextLineStart < text.length && nextIndent === ownIndent) {
    // Pull the next entry up onto the dash line.
    return text.slice(0, start) + text.slice(nextLineStart + nextIndent);
  }
  return text.slice(0, start) + '{}' + text.slice(lineEnd);
}

function removeFlowItem(text: string, start: number, end: number): string {
  let s = start;
  let e = end;
  const after = /^\s*,\s*/.exec(text.slice(e));
  if (after) e += after[0].length;
  else {
    const before = /\s*,\s*$/.exec(text.slice(0, s));
    if (before) s -= before[0].length;
  }
  return text.slice(0, s) + text.slice(e);
}

function writeAfterKey(text: string, pair: Pair<Node, Node | null>, value: unknown, comment: string | undefined): string | null {
  const keyRange = nodeRange(pair.key as Node);
  const colon = text.indexOf(':', keyRange[1]);
  if (colon < 0) return null;
  const indent = columnOf(text, keyRange[0]);
  const valueEnd = pair.value ? Math.max(nodeRange(pair.value)[1], colon + 1) : colon + 1;
  return writeAfterKeyRange(text, colon + 1, valueEnd, value, indent, comment);
}

/** Replaces `[start, end)` (what follows a key's colon) by `value`, in block style when it is a collection. */
function writeAfterKeyRange(text: string, start: number, end: number, value: unknown, keyIndent: number, comment: string | undefined): string {
  const suffix = comment ? ` # ${comment}` : '';
  if (!isCollection(value) || (Array.isArray(value) ? value.length === 0 : Object.keys(value as object).length === 0)) {
    const rendered = isCollection(value) ? (Array.isArray(value) ? '[]' : '{}') : renderScalar(value);
    return text.slice(0, start) + ' ' + rendered + suffix + text.slice(end);
  }
  const childIndent = Array.isArray(value) && !indentsSequences(text) ? keyIndent : keyIndent + 2;
  const block = renderBlock(value, childIndent, text).replace(/\n$/, '');
  return text.slice(0, start).replace(/[ \t]+$/, '') + suffix + '\n' + block + text.slice(end);
}

/** Renders a value as block YAML, every line indented by `indent` spaces. */
function renderBlock(value: unknown, indent: number, context: string, comment?: string): string {
  const body = stringify(value, { version: '1.1', indent: 2, indentSeq: indentsSequences(context), lineWidth: 0 } as never);
  const pad = ' '.repeat(indent);
  const lines = body.replace(/\n$/, '').split('\n');
  if (comment) lines[0] += ` # ${comment}`;
  return lines.map((l) => (l ? pad + l : l)).join('\n') + '\n';
}

function renderScalar(value: unknown): string {
  return stringify(value, { version: '1.1', lineWidth: 0 } as never).replace(/\n$/, '');
}

/** True when the document indents sequence items under their key (`key:\n  - a`); false for `key:\n- a`. */
function indentsSequences(text: string): boolean {
  const m = /^( *)[^\s#-][^:\n]*:[ \t]*\n( *)- /m.exec(text);
  return m ? m[2]!.length > m[1]!.length : true;
}

function isCollection(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function firstNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** The offset of the newline ending the line that holds `offset` (or the text's end). */
function endOfLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl;
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/**
 * Applies non-overlapping edits to a text. Edits that overlap an earlier one (in offset order)
 * are skipped and returned, so the caller can run another pass (as ESLint's fixer does).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[]; skipped: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.range[0] < cursor) {
      skipped.push(edit);
      continue;
    }
    out += text.slice(cursor, edit.range[0]) + edit.text;
    cursor = edit.range[1];
    applied.push(edit);
  }
  out += text.slice(cursor);
  return { text: out, applied, skipped };
}

/** Follows `path` through the `yaml` nodes of the document being edited, as far as it exists. */
function resolvePath(root: Node, path: Path): { node: Node | null; pair: Pair<Node, Node | null> | null; depth: number } {
  let node: Node | null = root;
  let pair: Pair<Node, Node | null> | null = null;
  let depth = 0;
  for (const segment of path) {
    if (node === null || isAlias(node)) break;
    if (typeof segment === 'string' && isMap(node)) {
      const entry: Pair<Node, Node | null> | undefined = (node.items as Array<Pair<Node, Node | null>>)
        .find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      if (!entry) break;
      pair = entry;
      node = entry.value;
    } else if (typeof segment === 'number' && isSeq(node) && segment >= 0 && segment < node.items.length) {
      pair = null;
      node = node.items[segment] as Node | null;
    } else {
      break;
    }
    depth++;
  }
  return { node, pair, depth };
}

function nodeRange(node: Node): OffsetRange {
  const r = node.range;
  return r ? [r[0], r[1]] : [0, 0];
}
