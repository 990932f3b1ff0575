/**
 * @fileoverview Multi-document YAML text → documents with source ranges → Kubernetes manifests.
 * Parsing is bounded: big files, alias bombs and deep nesting end in a finding, not a hang.
 */
import { parseAllDocuments, type Document } from 'yaml';
import type { OffsetRange, ResourceRef } from '../finding';
import { parseBlockYaml } from './block-yaml';
import { nodeRange, resolvePath, type Path } from './path';
import { fromYamlNode, sizeOf, valueAt, type TreeMap, type TreeNode } from './tree';
import { YAML_OPTIONS } from './yaml-options';

/** A Kubernetes object as plain JSON-like data. */
export type KubeObject = { apiVersion: string; kind: string; metadata?: Record<string, unknown> } & Record<string, unknown>;

/** One Kubernetes object of a file, with what is needed to point back into its text. */
export interface Manifest {
  file: string;
  docIndex: number;
  /** Path from the document root to this object: `[]`, or `['items', 3]` for an item of a `kind: List`. */
  base: Path;
  /** The object's mapping in the document's source tree: where each of its fields lies in the text. */
  tree: TreeMap;
  object: KubeObject;
  apiVersion: string;
  kind: string;
  name: string;
  /** `metadata.namespace` as written; undefined when the manifest leaves it to the context. */
  namespace: string | undefined;
  ref: ResourceRef;
}

/** One YAML document (`---`) of a file. */
export interface SourceDocument {
  index: number;
  range: OffsetRange;
  /** Where each part of the document lies in the text; null when it is empty or could not be read. */
  tree: TreeNode | null;
  manifests: Manifest[];
  /** True when the document has YAML errors: its manifests are not checked any further. */
  broken: boolean;
}

/** Ids of the problems the parser itself reports; each is also a rule id (see rules/parse-rules). */
export type ParseProblemId = 'yaml-syntax' | 'yaml-duplicate-key' | 'helm-template' | 'input-too-large';

export interface ParseProblem {
  ruleId: ParseProblemId;
  messageId: string;
  data: Record<string, string | number>;
  range: OffsetRange;
  docIndex?: number;
}

/** What the file holds, as far as KubePlan is concerned. */
export type FileKind = 'manifests' | 'helm-template' | 'kustomization' | 'too-large';

export interface SourceFile {
  path: string;
  text: string;
  kind: FileKind;
  documents: SourceDocument[];
  problems: ParseProblem[];
  manifests: Manifest[];
}

/** Limits that keep parsing bounded; the CLI and the editor may lower or raise them. */
export interface ParseLimits {
  /** Files larger than this many characters are not parsed (one finding instead). */
  maxFileSize: number;
  /** Aliases a document may expand (the "billion laughs" defence). */
  maxAliasCount: number;
  /** Nesting depth of collections beyond which a document is not parsed. */
  maxDepth: number;
  /** Files with more YAML documents (`---`) than this are not parsed (each costs a parser object). */
  maxDocuments?: number;
}

export const DEFAULT_LIMITS: ParseLimits = { maxFileSize: 64 * 1024 * 1024, maxAliasCount: 1000, maxDepth: 500, maxDocuments: 50_000 };

/** Parses one file into documents and manifests. Never throws. */
export function parseFile(path: string, text: string, limits: ParseLimits = DEFAULT_LIMITS): SourceFile {
  const file: SourceFile = { path, text, kind: 'manifests', documents: [], problems: [], manifests: [] };
  if (text.length > limits.maxFileSize) {
    file.kind = 'too-large';
    file.problems.push({
      ruleId: 'input-too-large', messageId: 'fileTooLarge', range: [0, 0],
      data: { size: formatSize(text.length), limit: formatSize(limits.maxFileSize) },
    });
    return file;
  }
  const markers = limits.maxDocuments === undefined ? 0 : countDocumentMarkers(text, limits.maxDocuments);
  if (limits.maxDocuments !== undefined && markers > limits.maxDocuments) {
    file.kind = 'too-large';
    file.problems.push({
      ruleId: 'input-too-large', messageId: 'fileTooLarge', range: [0, 0],
      data: { size: `more than ${limits.maxDocuments.toLocaleString('en-US')} YAML documents`, limit: `${limits.maxDocuments.toLocaleString('en-US')}-document` },
    });
    return file;
  }
  const helm = findHelmTemplate(text);
  if (helm >= 0) {
    file.kind = 'helm-template';
    const end = text.indexOf('}}', helm);
    file.problems.push({ ruleId: 'helm-template', messageId: 'skipped', range: [helm, end < 0 ? helm + 2 : end + 2], data: {} });
    return file;
  }
  if (/(^|[\\/])kustomization\.ya?ml$/i.test(path)) {
    file.kind = 'kustomization';
    return file;
  }
  // Most manifests are plain block YAML, which the block parser reads several times faster
  // (it gives up past the depth limit); the `yaml` package reads the rest and reports errors.
  let documents = parseBlockYaml(text, limits.maxDepth);
  if (!documents) {
    const depth = maxNestingDepth(text, limits.maxDepth);
    if (depth.exceeded) {
      file.kind = 'too-large';
      file.problems.push({
        ruleId: 'input-too-large', messageId: 'tooDeep', range: [depth.at, depth.at + 1],
        data: { limit: limits.maxDepth },
      });
      return file;
    }
    documents = parseWithYaml(file, limits);
  }
  documents.forEach((document, index) => file.documents.push(readDocument(file, document, index)));
  for (const doc of file.documents) file.manifests.push(...doc.manifests);
  return file;
}

/** A document as either parser gives it: its value and tree, or `broken` when it cannot be read. */
interface ParsedDocument {
  range: [number, number];
  value: unknown;
  tree: TreeNode | null;
  broken?: boolean;
}

/** Parses with the `yaml` package: everything YAML allows, with its errors as problems. */
function parseWithYaml(file: SourceFile, limits: ParseLimits): ParsedDocument[] {
  const { text } = file;
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, YAML_OPTIONS) as unknown as Document.Parsed[];
    if (!Array.isArray(documents)) documents = []; // an empty stream
  } catch (error) {
    if (isStackOverflow(error)) {
      file.kind = 'too-large';
      file.problems.push({ ruleId: 'input-too-large', messageId: 'tooDeep', range: [0, Math.min(1, text.length)], data: { limit: limits.maxDepth } });
      return [];
    }
    file.problems.push({ ruleId: 'yaml-syntax', messageId: 'unreadable', range: [0, 0], data: { reason: errorText(error) } });
    return [];
  }
  // Documents tile the text: each ends where the next begins.
  return documents.map((document, index) => {
    const start = document.range ? document.range[0] : 0;
    const next = documents[index + 1]?.range?.[0];
    const range: [number, number] = [start, next ?? text.length];
    return readYamlDocument(file, document, index, range, limits);
  });
}

function readYamlDocument(file: SourceFile, document: Document.Parsed, index: number, range: [number, number], limits: ParseLimits): ParsedDocument {
  let broken = false;
  for (const error of document.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    if (!duplicate) broken = true;
    let [start, end] = error.pos;
    let key = '';
    if (duplicate) {
      const m = /^("[^"\n]*"|'[^'\n]*'|[^:,{}[\]\n]+?)\s*:/.exec(file.text.slice(start, start + 1100));
      key = m ? m[1]!.replace(/^["']|["']$/g, '') : '?';
      if (m) end = start + m[1]!.length;
    }
    // An error at the very end of the text (an unterminated quote) must not point past it, and
    // one that spans the rest of a document (an unclosed flow collection) underlines its first line only.
    start = Math.min(start, file.text.length);
    const lineEnd = file.text.indexOf('\n', start + 1);
    end = Math.min(Math.max(end, start + 1), file.text.length, lineEnd < 0 ? file.text.length : Math.max(lineEnd, start + 1));
    file.problems.push({
      ruleId: duplicate ? 'yaml-duplicate-key' : 'yaml-syntax',
      messageId: duplicate ? 'duplicateKey' : 'syntax',
      range: [start, end],
      docIndex: index,
      data: duplicate ? { key } : { reason: firstLine(error.message) },
    });
  }
  if (broken) return { range, value: undefined, tree: null, broken };
  try {
    const value: unknown = document.toJS({ maxAliasCount: limits.maxAliasCount });
    return { range, value, tree: document.contents ? fromYamlNode(document.contents) : null };
  } catch (error) {
    const aliases = /alias/i.test(errorText(error));
    file.problems.push({
      ruleId: 'input-too-large', messageId: aliases ? 'tooManyAliases' : isStackOverflow(error) ? 'tooDeep' : 'unreadable', range: [range[0], range[0] + 1], docIndex: index,
      data: { limit: limits.maxAliasCount, reason: errorText(error) },
    });
    return { range, value: undefined, tree: null, broken: true };
  }
}

function readDocument(file: SourceFile, parsed: ParsedDocument, index: number): SourceDocument {
  const { range, value, tree } = parsed;
  const source: SourceDocument = { index, range, tree, manifests: [], broken: parsed.broken === true };
  if (source.broken || tree?.type !== 'map' || !isKubeObject(value)) return source;
  if (value.kind === 'Kustomization' || value.kind === 'Component' && value.apiVersion.startsWith('kustomize.config.k8s.io')) {
    return source;
  }
  if (value.kind.endsWith('List') && Array.isArray(value.items) && value.apiVersion === 'v1') {
    const items = resolvePath(tree, ['items']).node;
    value.items.forEach((item, i) => {
      const node = items?.type === 'seq' && i < sizeOf(items) ? valueAt(items, i) : undefined;
      if (isKubeObject(item) && node?.type === 'map') source.manifests.push(makeManifest(file.path, index, ['items', i], node, item));
    });
    return source;
  }
  source.manifests = [makeManifest(file.path, index, ROOT, tree, value)]; // not push: no room kept for more
  return source;
}

/** The path of a document's root (one array for all). */
const ROOT: Path = Object.freeze([]);

function makeManifest(file: string, docIndex: number, base: Path, tree: TreeMap, object: KubeObject): Manifest {
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name
    : typeof metadata.generateName === 'string' ? metadata.generateName : '';
  const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : undefined;
  const ref: ResourceRef = { apiVersion: object.apiVersion, kind: object.kind, name };
  if (namespace !== undefined) ref.namespace = namespace;
  return { file, docIndex, base, tree, object, apiVersion: object.apiVersion, kind: object.kind, name, namespace, ref };
}

function isKubeObject(value: unknown): value is KubeObject {
  return isRecord(value) && typeof value.apiVersion === 'string' && typeof value.kind === 'string' && value.kind !== '';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The offset of the first Helm/Go template action (`{{ … }}`) outside quoted strings and
 * comments, or -1. Quoted `{{ }}` is common in plain manifests (Argo, Prometheus rules).
 */
export function findHelmTemplate(text: string): number {
  let from = 0;
  while (true) {
    const at = text.indexOf('{{', from);
    if (at < 0) return -1;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    if (!insideQuotesOrComment(text, lineStart, at)) return at;
    from = at + 2;
  }
}

function insideQuotesOrComment(text: string, lineStart: number, at: number): boolean {
  let quote: string | null = null;
  // A block scalar (`key: |`) continues on lines indented deeper: its text is data, not YAML.
  if (insideBlockScalar(text, lineStart)) return true;
  for (let i = lineStart; i < at; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && (i === lineStart || /\s/.test(text[i - 1] ?? ' '))) {
      return true;
    }
  }
  return quote !== null;
}

function insideBlockScalar(text: string, lineStart: number): boolean {
  const indent = /^ */.exec(text.slice(lineStart, lineStart + 200))?.[0].length ?? 0;
  let end = lineStart - 1;
  for (let scanned = 0; end > 0 && scanned < 2000; scanned++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    if (line.trim() === '') continue;
    const lineIndent = /^ */.exec(line)?.[0].length ?? 0;
    if (lineIndent >= indent) continue;
    return /[|>][-+0-9]*\s*(#.*)?$/.test(line);
  }
  return false;
}

/**
 * A cheap scan for nesting depth (block indentation levels, compact `- - -` sequences and flow
 * brackets) that stops at `limit`, so a 10,000-deep document is refused before a recursive
 * parser sees it. Block levels are counted with a stack of indentation widths, so one space per
 * level counts as much as two.
 */
function maxNestingDepth(text: string, limit: number): { exceeded: boolean; at: number } {
  let flow = 0;
  let quote: string | null = null;
  const indents: number[] = [];
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    if (lineStart) {
      lineStart = false;
      if (flow === 0 && quote === null) {
        if (text.startsWith('---', i)) indents.length = 0; // a new document starts from the top
        let j = i;
        while (text.charCodeAt(j) === 32) j++;
        const first = text.charCodeAt(j);
        if (j < text.length && first !== 10 && first !== 13 && first !== 35) {
          let indent = j - i;
          while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
          indents.push(indent);
          // `- - - x`: each dash opens one more sequence on the same line.
          while (text.charCodeAt(j) === 45 && text.charCodeAt(j + 1) === 32) {
            j += 2;
            while (text.charCodeAt(j) === 32) j++;
            indent = j - i;
            indents.push(indent);
            if (indents.length > limit) return { exceeded: true, at: j };
          }
          if (indents.length + flow > limit) return { exceeded: true, at: j };
        }
      }
    }
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      quote = null; // be lenient: an unterminated quote ends at the line
      if (text.startsWith('---', i + 1)) flow = 0;
      continue;
    }
    if (quote) {
      if (text[i] === quote) quote = null;
      continue;
    }
    if (c === 91 || c === 123) { // [ {
      if (++flow + indents.length > limit) return { exceeded: true, at: i };
    } else if (c === 93 || c === 125) {
      if (flow > 0) flow--;
    } else if (c === 34 || c === 39) {
      if (flow > 0) quote = text[i]!;
    }
  }
  return { exceeded: false, at: 0 };
}

/** Counts `---` document markers at the start of a line, stopping once past `limit`. */
function countDocumentMarkers(text: string, limit: number): number {
  let count = 0;
  for (let i = text.startsWith('---') ? 0 : text.indexOf('\n---'); i >= 0; i = text.indexOf('\n---', i + 1)) {
    const at = i === 0 && text.startsWith('---') ? 3 : i + 4;
    const next = text.charCodeAt(at);
    if (Number.isNaN(next) || next === 10 || next === 13 || next === 32 || next === 9) {
      if (++count > limit) break;
    }
  }
  return count;
}

/** A stack overflow in the parser or in `toJS` means the document nests deeper than the scan saw. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

function firstLine(message: string): string {
  const line = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON)}…` : line;
}

const MAX_REASON = 160;

function errorText(error: unknown): string {
  return firstLine(error instanceof Error ? error.message : String(error));
}

function formatSize(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(chars / 1024)} KB`;
}

/** Offsets of the start of each line; built once per file, searched in O(log n). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 0-based line and column (UTF-16 units) of an offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: offset - this.starts[lo]! };
  }

  /** Offset of a 0-based line and column. */
  offset(line: number, column: number): number {
    return (this.starts[Math.min(line, this.starts.length - 1)] ?? 0) + column;
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** The range of a manifest's `metadata.name` value, or of its `kind` when it has no name. */
export function manifestHeadRange(m: Manifest): OffsetRange {
  for (const path of [['metadata', 'name'], ['kind']]) {
    const { node, depth } = resolvePath(m.tree, path);
    if (depth === path.length && node?.type === 'scalar') return nodeRange(node);
  }
  return nodeRange(m.tree);
}
