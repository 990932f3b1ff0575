/**
 * @fileoverview A fast parser for the part of YAML that Kubernetes manifests are written in:
 * block mappings and sequences, plain and quoted one-line scalars, literal and folded block
 * scalars, one-line flow collections of scalars, comments and `---` documents. It builds the
 * plain value and the source tree (tree.ts) in one pass over the text, with no node objects.
 *
 * Whatever it does not handle (anchors and aliases, tags, directives, multi-line plain or
 * quoted scalars, nested flow collections, complex or non-string keys, duplicate keys, tabs,
 * CR line ends, control characters, anything malformed) makes it give up on the whole file,
 * and parse.ts hands the file to the `yaml` package. It never guesses: for every file it
 * accepts, the values and ranges are those `yaml` gives (test/unit/source/block-yaml.test.ts
 * compares the two on the corpus, the examples and fuzzed texts).
 */
import { isObviouslyString, resolvePlainScalar, UNRESOLVED } from './yaml-options';
import { TreeBuilder, type ScalarStyle, type TreeNode } from './tree';

/** One document of a file: its range (documents tile the text), value and tree. */
export interface BlockDocument {
  range: [number, number];
  value: unknown;
  /** Null for a document with no content (only comments). */
  tree: TreeNode | null;
}

/**
 * Parses a file, or returns undefined when it uses YAML this parser leaves to the `yaml`
 * package. Never throws on any input.
 */
export function parseBlockYaml(text: string, maxDepth = 500): BlockDocument[] | undefined {
  if (UNSUPPORTED_CHARACTERS.test(text) || text.startsWith('%') || text.includes('\n%') || /(^|\n)\.\.\.([ \n]|$)/.test(text)) return undefined;
  try {
    return new BlockParser(text, maxDepth).parseDocuments();
  } catch (error) {
    if (error === GIVE_UP || error instanceof RangeError) return undefined;
    throw error;
  }
}

/**
 * Tabs and CRs (indentation and line-end rules differ), control characters, BOMs and
 * non-characters (the `yaml` package reports some), and surrogates (astral characters: kept
 * simple).
 */
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARACTERS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]/;

/** Thrown (not an Error: no stack to capture) when the text leaves the supported subset. */
const GIVE_UP = { giveUp: true };

function giveUp(): never {
  throw GIVE_UP;
}

/** Characters a plain scalar cannot start with: [ ] { } , # & * ! | > ' " % @ ` */
const INDICATORS = new Set([...'[]{},#&*!|>\'"%@`'].map((ch) => ch.charCodeAt(0)));

/**
 * A quoted scalar over several lines: spaces around each line break are dropped, a break is a
 * space, and each blank line a line break. (An escaped line break in double quotes: given up.)
 */
function foldQuotedLines(body: string, double: boolean): string {
  const lines = body.split('\n');
  let out = '';
  let blanks = 0;
  for (let i = 0; i < lines.length; i++) {
    const first = i === 0;
    const last = i === lines.length - 1;
    const line = first ? lines[i]!.trimEnd() : last ? lines[i]!.trimStart() : lines[i]!.trim();
    if (double && !last && /(^|[^\\])(\\\\)*\\$/.test(line)) giveUp();
    if (first) {
      out = line;
      continue;
    }
    if (line === '' && !last) {
      blanks++;
      continue;
    }
    out += blanks > 0 ? '\n'.repeat(blanks) : ' ';
    out += line;
    blanks = 0;
  }
  return out;
}

const SPACE = 32;
const NEWLINE = 10;
const HASH = 35;
const DASH = 45;
const COLON = 58;

/** Flow collections nested deeper than this are left to `yaml`. */
const MAX_FLOW_DEPTH = 20;

/** Keys longer than this are not implicit keys in YAML. */
const MAX_KEY = 1024;

/**
 * Short strings already read, one per slot of a direct-mapped table: the same word (a key, a
 * port name, `v1`, `100m`, an image) is one string however often it is written, in every file.
 * A big tree's values are all kept until its lint ends, and two thirds of their short strings
 * were repeats; a key found here is also one the engine has already internalized.
 */
const WORDS: string[] = new Array<string>(4096).fill('');
const MAX_WORD = 48;

/** `text.slice(start, end)`, shared with the last equal word read when it is short. */
function word(text: string, start: number, end: number): string {
  const length = end - start;
  if (length > MAX_WORD || length === 0) return text.slice(start, end);
  const slot = (length * 7919 + text.charCodeAt(start) * 31 + text.charCodeAt(end - 1) * 131 + text.charCodeAt(start + (length >> 1))) & 4095;
  const known = WORDS[slot]!;
  if (known.length === length && text.startsWith(known, start)) return known;
  // V8 makes a slice of 13 characters or more a view of the whole text: the table keeps a copy
  // (a slice of a string made for it), not to keep old texts alive.
  return (WORDS[slot] = length < 13 ? text.slice(start, end) : (text.slice(start, end) + ' ').slice(0, -1));
}

type Context = 'map' | 'seq';

class BlockParser {
  private readonly text: string;
  /** End of the current document's region (the start of the next `---` line, or the text's end). */
  private end = 0;
  /** Set by nextContent: the offset of the line holding the content found. */
  private lineStart = 0;
  /** Set by the parse functions: where to look for the next line after the node just read. */
  private next = 0;
  /** Set by the parse functions: the node just read. */
  private node = -1;
  /** True when the value just read is on its key's or dash's line (a scalar or flow collection). */
  private inline = false;
  /** Set by flowScalar: where the scalar just read starts and ends, and how it is written. */
  private scalarStart = 0;
  private scalarEnd = 0;
  private scalarStyle: ScalarStyle = 'PLAIN';
  /** Set by flowCollection: the offset after its closing bracket. */
  private flowEnd = 0;
  /** The tree of the document being read. */
  private readonly builder: TreeBuilder;
  private hashFrom = Infinity;
  private hashAt = -1;
  private colonFrom = Infinity;
  private colonAt = -1;
  /** The end of the last comment line that extended a scalar (see extendScalar). */
  private claimed = -1;
  /** How many block collections are open (the root is the first). */
  private depth = 0;
  /** Set by nextContent: the comment lines it skipped, as pairs of indentation and end offset. */
  private readonly comments: number[] = [];
  /**
   * The keys, and the numbers (key ranges and values, items), of the collections being read,
   * innermost on top: each collection pushes its own and pops them when the builder has them
   * (no arrays made per collection).
   */
  private readonly keyStack: string[] = [];
  private keyTop = 0;
  private readonly numStack: number[] = [];
  private numTop = 0;
  /**
   * The items of the sequences being read, innermost on top: each sequence becomes one slice of
   * it, an array of exactly its length. (An array grown by push keeps room for 17 items; the
   * documents of a big tree are all kept until its lint ends, and that room was a sixth of them.)
   */
  private readonly itemStack: unknown[] = [];
  private itemTop = 0;

  /** Block collections nested deeper than this (flow ones count too) make the parser give up. */
  private readonly maxDepth: number;

  constructor(text: string, maxDepth: number) {
    this.text = text;
    this.maxDepth = maxDepth - MAX_FLOW_DEPTH;
    this.builder = new TreeBuilder();
  }

  parseDocuments(): BlockDocument[] {
    const text = this.text;
    const markers: number[] = [];
    for (let i = text.startsWith('---') ? 0 : text.indexOf('\n---'); i >= 0; i = text.indexOf('\n---', i + 1)) {
      const at = i === 0 && text.startsWith('---') ? 0 : i + 1;
      const after = text.charCodeAt(at + 3);
      if (Number.isNaN(after) || after === NEWLINE || after === SPACE) markers.push(at);
    }
    const documents: BlockDocument[] = [];
    // Text before the first marker is a document only when it has content (else it is the
    // comments before the first one).
    const firstEnd = markers.length > 0 ? markers[0]! : text.length;
    this.end = firstEnd;
    const first = this.nextContent(0);
    if (first >= 0 || markers.length === 0) {
      if (first < 0) return documents; // an empty stream
      documents.push(this.parseDocument(this.lineStart, first, firstEnd));
    }
    for (let m = 0; m < markers.length; m++) {
      const start = markers[m]!;
      const end = m + 1 < markers.length ? markers[m + 1]! : text.length;
      this.end = end;
      // `---` may be followed by a comment only.
      const lineEnd = this.lineEnd(start);
      const rest = this.skipSpaces(start + 3);
      if (rest < lineEnd && text.charCodeAt(rest) !== HASH) giveUp();
      const contentStart = lineEnd >= end ? -1 : this.nextContent(lineEnd + 1);
      documents.push(this.parseDocument(start, contentStart, end));
    }
    this.builder.seal();
    return documents;
  }

  private parseDocument(start: number, content: number, end: number): BlockDocument {
    if (content < 0) return { range: [start, end], value: null, tree: null };
    this.depth = 0;
    const value = this.parseCollection(content, content - this.lineStart);
    if (this.nextContent(this.next) >= 0) giveUp(); // less indented content after the root
    return { range: [start, end], value, tree: this.builder.finish(this.node) };
  }

  /** A block mapping or sequence whose first entry starts at `at`, in column `column`. */
  private parseCollection(at: number, column: number): unknown {
    if (this.isDash(at)) return this.parseSeq(at, column);
    return this.parseMap(at, column);
  }

  private parseMap(at: number, column: number): Record<string, unknown> {
    const text = this.text;
    const object: Record<string, unknown> = {};
    const keys = this.keyStack;
    const keyBase = this.keyTop;
    const numBase = this.numTop;
    let p = at;
    let outer = at;
    let q = -1;
    const root = this.depth++ === 0;
    if (this.depth > this.maxDepth) giveUp();
    for (;;) {
      const lineEnd = this.lineEnd(p);
      let keyEnd: number;
      let key: string;
      let colon: number;
      const c = text.charCodeAt(p);
      if (c === 34 || c === 39) { // a quoted key
        keyEnd = this.quotedEnd(p, lineEnd);
        key = this.quotedValue(p, keyEnd);
        colon = this.skipSpaces(keyEnd);
        if (text.charCodeAt(colon) !== COLON || !this.endsToken(colon + 1, lineEnd)) giveUp();
      } else {
        if (this.startsWithIndicator(p, lineEnd)) giveUp();
        colon = this.keyColon(p, lineEnd);
        if (colon < 0) giveUp();
        keyEnd = colon;
        while (text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
        key = word(text, p, keyEnd);
        if (!isObviouslyString(key) && (key === '<<' || typeof resolvePlainScalar(key) !== 'string')) giveUp();
      }
      if (key === '__proto__' || keyEnd - p > MAX_KEY) giveUp();
      for (let i = keyBase; i < this.keyTop; i++) if (keys[i] === key) giveUp();
      keys[this.keyTop++] = key;
      const entry = this.numTop;
      this.numTop += 3;
      object[key] = this.parseValue(colon + 1, lineEnd, column, 'map');
      const value = this.node;
      q = this.nextContent(this.next);
      this.extendScalar(column);
      this.setNums(entry, p, keyEnd, value);
      outer = this.builder.outerOf(value);
      if (q < 0) break;
      const qColumn = q - this.lineStart;
      if (qColumn < column) break;
      if (qColumn > column || this.isDash(q)) giveUp();
      p = q;
    }
    const end = this.endCollection(column, outer, q, root);
    this.depth--;
    this.node = this.builder.map(at, outer, end, keys, keyBase, this.keyTop, this.numStack, numBase);
    this.keyTop = keyBase;
    this.numTop = numBase;
    this.inline = false;
    return object;
  }

  private parseSeq(at: number, column: number): unknown[] {
    const items = this.itemStack;
    const itemBase = this.itemTop;
    const numBase = this.numTop;
    let p = at;
    let outer = at;
    let q = -1;
    const root = this.depth++ === 0;
    if (this.depth > this.maxDepth) giveUp();
    for (;;) {
      const item = this.numTop++;
      const slot = this.itemTop++;
      items[slot] = this.parseValue(p + 1, this.lineEnd(p), column, 'seq');
      const value = this.node;
      q = this.nextContent(this.next);
      this.extendScalar(column);
      this.numStack[item] = value;
      outer = this.builder.outerOf(value);
      if (q < 0) break;
      const qColumn = q - this.lineStart;
      if (qColumn < column) break;
      if (qColumn > column) giveUp();
      if (!this.isDash(q)) break; // the mapping around an unindented sequence goes on
      p = q;
    }
    const end = this.endCollection(column, outer, q, root);
    this.depth--;
    this.node = this.builder.seq(at, outer, end, this.numStack, numBase, this.numTop);
    this.numTop = numBase;
    this.inline = false;
    const array = items.slice(itemBase, this.itemTop);
    this.itemTop = itemBase;
    return array;
  }

  /**
   * The value after `key:` or `-` (at `from`, on a line ending at `lineEnd`), of an entry of the
   * collection in column `column`.
   */
  private parseValue(from: number, lineEnd: number, column: number, context: Context): unknown {
    const text = this.text;
    const k = this.skipSpaces(from);
    const c = text.charCodeAt(k);
    const nextLine = Math.min(lineEnd + 1, this.end);
    if (k >= lineEnd || c === HASH) {
      // Nothing more on this line: the value is a collection on the next lines, or empty.
      const q = lineEnd >= this.end ? -1 : this.nextContent(nextLine);
      if (q >= 0) {
        const qColumn = q - this.lineStart;
        if (qColumn > column) {
          if (this.isDash(q) || this.isKeyLine(q)) return this.parseCollection(q, qColumn);
          return this.parseInlineValue(q, this.lineEnd(q), column, 'map'); // a scalar on the next line
        }
        if (qColumn === column && context === 'map' && this.isDash(q)) return this.parseSeq(q, column);
      }
      // Comment lines after an empty value: `yaml` gives them to it in ways not worth copying.
      if (this.comments.length > 0) giveUp();
      this.scalar('PLAIN', k, k, c === HASH ? nextLine : k, nextLine);
      return null;
    }
    return this.parseInlineValue(k, lineEnd, column, context);
  }

  /** True when the line at `at` starts with a key (`name:`, `"name":`). */
  private isKeyLine(at: number): boolean {
    const text = this.text;
    const lineEnd = this.lineEnd(at);
    const c = text.charCodeAt(at);
    if (c === 34 || c === 39) {
      const end = this.quotedEnd(at, lineEnd, 0);
      if (end > lineEnd) return false;
      const after = this.skipSpaces(end);
      return text.charCodeAt(after) === COLON && this.endsToken(after + 1, lineEnd);
    }
    return !this.startsWithIndicator(at, lineEnd) && this.keyColon(at, lineEnd) >= 0;
  }

  /** A value that starts at `k` on a line ending at `lineEnd`, in an entry of the collection in `column`. */
  private parseInlineValue(k: number, lineEnd: number, column: number, context: Context): unknown {
    const text = this.text;
    const c = text.charCodeAt(k);
    const nextLine = Math.min(lineEnd + 1, this.end);
    const valueColumn = k - this.lineStartOf(k);
    switch (c) {
      case 124: case 62: // | >
        return this.parseBlockScalar(k, lineEnd, column);
      case 34: case 39: { // " '
        const end = this.quotedEnd(k, lineEnd, column);
        const closingLineEnd = end > lineEnd ? this.lineEnd(end) : lineEnd;
        const after = this.skipSpaces(end);
        if (text.charCodeAt(after) === COLON && this.endsToken(after + 1, closingLineEnd)) {
          if (context === 'seq' && end <= lineEnd) return this.parseMap(k, valueColumn); // - "key": value
          giveUp();
        }
        this.expectLineEnd(end, closingLineEnd);
        const next = Math.min(closingLineEnd + 1, this.end);
        this.scalar(c === 34 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', k, end, next, next);
        return this.quotedValue(k, end);
      }
      case 91: case 123: // [ {
        return this.parseFlow(k, lineEnd, nextLine);
      case DASH:
        if (this.isDash(k)) {
          if (context === 'seq') return this.parseSeq(k, valueColumn); // - - item
          giveUp();
        }
        break;
      case 63: case COLON: // ? :
        if (this.endsToken(k + 1, lineEnd)) giveUp();
        break;
      case 38: case 42: case 33: case 37: case 64: case 96: case 44: case 93: case 125: // & * ! % @ ` , ] }
        giveUp();
    }
    // A plain scalar, or the first key of a mapping on the line of its `-`.
    if (context === 'seq' && this.keyColon(k, lineEnd) >= 0) return this.parseMap(k, valueColumn);
    let end = this.plainEnd(k, lineEnd);
    if (this.keyColon(k, end) >= 0 || text.charCodeAt(end - 1) === COLON) giveUp();
    let source = word(text, k, end);
    let next = nextLine;
    const hash = this.nextHash(k);
    if (hash < 0 || hash >= lineEnd) {
      // Lines indented deeper than the entry continue the scalar, folded: a line break is a
      // space, and each blank line a line break.
      let blanks = 0;
      let p = nextLine;
      while (p < this.end) {
        const e = this.lineEnd(p);
        const s = this.skipSpaces(p);
        if (s >= e) {
          blanks++;
          p = e + 1;
          continue;
        }
        if (s - p <= column || text.charCodeAt(s) === HASH) break;
        const lineContentEnd = this.plainEnd(s, e);
        if (lineContentEnd !== this.trimmedEnd(s, e) || this.keyColon(s, e) >= 0) giveUp();
        source += blanks > 0 ? '\n'.repeat(blanks) : ' ';
        source += text.slice(s, lineContentEnd);
        blanks = 0;
        end = lineContentEnd;
        next = Math.min(e + 1, this.end);
        p = e + 1;
      }
    }
    const value = isObviouslyString(source) ? source : resolvePlainScalar(source);
    if (value === UNRESOLVED) giveUp();
    this.scalar('PLAIN', k, end, next, next);
    return value;
  }

  /** The end of the line's content at or after `at`, trailing spaces left out. */
  private trimmedEnd(at: number, lineEnd: number): number {
    let end = lineEnd;
    while (end > at && this.text.charCodeAt(end - 1) === SPACE) end--;
    return end;
  }

  /**
   * After the value of an entry of the collection in `column`: comment lines indented deeper
   * than the collection, before the next entry, belong to a scalar value (its outer range ends
   * after the last of them), as the `yaml` package sees it.
   */
  private extendScalar(column: number): void {
    const comments = this.comments;
    if (comments.length === 0 || !this.inline) return;
    // The comments right after the value, up to the first one that is not deeper.
    let end = -1;
    for (let i = 0; i < comments.length && comments[i]! > column; i += 2) end = comments[i + 1]!;
    if (end < 0) return;
    const style = this.builder.styleOf(this.node);
    if (style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED') giveUp();
    this.builder.setOuter(this.node, end);
    this.claimed = Math.max(this.claimed, end);
  }

  /**
   * The outer end of a collection in `column` whose last value ends at `lastOuter`, followed by
   * the next content at `q` (-1 at the document's end): comment lines left over that are
   * indented as deep as the collection extend it up to that next content.
   */
  private endCollection(column: number, lastOuter: number, q: number, root: boolean): number {
    const comments = this.comments;
    if (root || comments.length === 0) return lastOuter;
    for (let i = comments.length - 2; i >= 0; i -= 2) {
      if (comments[i + 1]! <= this.claimed) break;
      // (Comments in the first column are the document's, whatever ends before them.)
      if (comments[i]! >= column && comments[i]! > 0) return q < 0 ? Math.max(lastOuter, this.end) : q;
    }
    return lastOuter;
  }

  /** Fills the three numbers of a mapping entry reserved at `at` on the stack. */
  private setNums(at: number, keyStart: number, keyEnd: number, value: number): void {
    const nums = this.numStack;
    nums[at] = keyStart;
    nums[at + 1] = keyEnd;
    nums[at + 2] = value;
  }

  private scalar(style: ScalarStyle, start: number, end: number, outer: number, next: number): void {
    this.node = this.builder.scalar(style, start, end, outer);
    this.inline = true;
    this.next = next;
  }

  /** `|` or `>` at `at`: content lines are those indented deeper than `column`. */
  private parseBlockScalar(at: number, lineEnd: number, column: number): string {
    const text = this.text;
    const folded = text.charCodeAt(at) === 62;
    let h = at + 1;
    const chomp = text.charCodeAt(h);
    const strip = chomp === DASH;
    if (strip) h++;
    else if (chomp === 43 || (chomp >= 48 && chomp <= 57)) giveUp(); // keep (+) and explicit indentation
    if (h !== lineEnd && text.charCodeAt(h) !== SPACE) giveUp();
    this.expectLineEnd(h, lineEnd);
    if (lineEnd >= this.end) giveUp();
    const lines: string[] = [];
    let indent = -1;
    let lastContentEnd = -1;
    let contentLines = 0;
    let p = lineEnd + 1;
    while (p < this.end) {
      const e = this.lineEnd(p);
      let s = p;
      while (s < e && text.charCodeAt(s) === SPACE) s++;
      if (s === e) { // a blank line
        if (indent < 0 || s - p > indent) giveUp(); // before the first content line, or wider than the indentation
        lines.push('');
        p = e + 1;
        continue;
      }
      if (indent < 0) {
        indent = s - p;
        if (indent <= column) giveUp(); // no content
      } else if (s - p < indent) {
        break;
      }
      if (folded && s - p > indent) giveUp(); // more-indented lines are not folded
      lines.push(text.slice(p + indent, e));
      contentLines = lines.length;
      lastContentEnd = Math.min(e + 1, text.length);
      p = e + 1;
    }
    if (indent < 0) giveUp();
    lines.length = contentLines; // trailing blank lines are not part of it (clip and strip)
    let value: string;
    if (folded) {
      value = lines[0]!;
      for (let i = 1; i < lines.length; i++) {
        const line = lines[i]!;
        if (line === '') value += '\n';
        else value += lines[i - 1] === '' ? line : ` ${line}`;
      }
    } else {
      value = lines.join('\n');
    }
    if (!strip) value += '\n';
    this.scalar(folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL', at, lastContentEnd, lastContentEnd, lastContentEnd);
    return value;
  }

  /** A flow collection on one line, as a block value: `[]`, `{}`, `["sh", "-c"]`, `{a: {b: c}}`. */
  private parseFlow(at: number, lineEnd: number, nextLine: number): unknown {
    const value = this.flowCollection(at, lineEnd, 1);
    this.expectLineEnd(this.flowEnd, lineEnd);
    this.builder.setOuter(this.node, nextLine);
    this.inline = true;
    this.next = nextLine;
    return value;
  }

  /** A flow collection at `at`; `this.next` is set after it and the spaces that follow. */
  private flowCollection(at: number, lineEnd: number, depth: number): unknown {
    const text = this.text;
    if (depth > MAX_FLOW_DEPTH) giveUp();
    const isMap = text.charCodeAt(at) === 123;
    const close = isMap ? 125 : 93;
    const object: Record<string, unknown> | undefined = isMap ? {} : undefined;
    const items = this.itemStack;
    const itemBase = this.itemTop;
    const keys = this.keyStack;
    const keyBase = this.keyTop;
    const numBase = this.numTop;
    let p = this.skipSpaces(at + 1);
    while (text.charCodeAt(p) !== close) {
      if (p >= lineEnd) giveUp();
      if (isMap) {
        const key = this.flowScalar(p, lineEnd, false);
        const keyStart = this.scalarStart;
        const keyEnd = this.scalarEnd;
        if (typeof key !== 'string' || this.scalarStyle === 'PLAIN' && !isObviouslyString(key) && typeof resolvePlainScalar(key) !== 'string') giveUp();
        if (key === '__proto__' || key === '<<') giveUp();
        for (let i = keyBase; i < this.keyTop; i++) if (keys[i] === key) giveUp();
        const colon = this.next;
        if (text.charCodeAt(colon) !== COLON || !this.endsToken(colon + 1, lineEnd)) giveUp();
        keys[this.keyTop++] = key;
        const entry = this.numTop;
        this.numTop += 3;
        object![key] = this.flowValue(this.skipSpaces(colon + 1), lineEnd, depth);
        this.setNums(entry, keyStart, keyEnd, this.node);
      } else {
        const item = this.numTop++;
        const slot = this.itemTop++;
        items[slot] = this.flowValue(p, lineEnd, depth);
        this.numStack[item] = this.node;
      }
      const after = this.next;
      const c = text.charCodeAt(after);
      if (c === 44) p = this.skipSpaces(after + 1); // ,
      else if (c === close) p = after;
      else giveUp();
    }
    const end = p + 1;
    const outer = this.skipSpaces(end);
    this.node = isMap
      ? this.builder.map(at, end, outer, keys, keyBase, this.keyTop, this.numStack, numBase)
      : this.builder.seq(at, end, outer, this.numStack, numBase, this.numTop);
    this.keyTop = keyBase;
    this.numTop = numBase;
    this.flowEnd = end;
    this.next = outer;
    if (isMap) return object;
    const array = items.slice(itemBase, this.itemTop);
    this.itemTop = itemBase;
    return array;
  }

  private flowValue(at: number, lineEnd: number, depth: number): unknown {
    const c = this.text.charCodeAt(at);
    return c === 91 || c === 123 ? this.flowCollection(at, lineEnd, depth + 1) : this.flowScalar(at, lineEnd, true);
  }

  /** A scalar inside a flow collection; `this.next` is set after it and the spaces that follow. */
  private flowScalar(at: number, lineEnd: number, record: boolean): unknown {
    const text = this.text;
    const c = text.charCodeAt(at);
    let end: number;
    let value: unknown;
    let style: ScalarStyle;
    if (c === 34 || c === 39) {
      end = this.quotedEnd(at, lineEnd);
      value = this.quotedValue(at, end);
      style = c === 34 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
    } else {
      if (this.startsWithIndicator(at, lineEnd)) giveUp();
      end = at;
      while (end < lineEnd) {
        const d = text.charCodeAt(end);
        if (d === 44 || d === 91 || d === 93 || d === 123 || d === 125) break;
        if (d === COLON && this.endsToken(end + 1, lineEnd)) break;
        if (d === HASH && text.charCodeAt(end - 1) === SPACE) giveUp();
        end++;
      }
      while (end > at && text.charCodeAt(end - 1) === SPACE) end--;
      if (end === at) giveUp();
      const source = word(text, at, end);
      value = isObviouslyString(source) ? source : resolvePlainScalar(source);
      if (value === UNRESOLVED) giveUp();
      style = 'PLAIN';
    }
    const after = this.skipSpaces(end);
    this.scalarStart = at;
    this.scalarEnd = end;
    this.scalarStyle = style;
    if (record) this.node = this.builder.scalar(style, at, end, after);
    this.next = after;
    return value;
  }

  /**
   * The offset after the closing quote of the quoted scalar at `at`. It must close on its line,
   * unless `column` is given: then it may go on over lines indented deeper than `column`.
   */
  private quotedEnd(at: number, lineEnd: number, column = -1): number {
    const text = this.text;
    const quote = text.charCodeAt(at);
    let i = at + 1;
    let end: number;
    for (;;) {
      const j = text.indexOf(quote === 34 ? '"' : "'", i);
      if (j < 0 || j >= this.end || (j >= lineEnd && column < 0)) giveUp();
      if (quote === 39) {
        if (text.charCodeAt(j + 1) === 39) { i = j + 2; continue; } // '' is a quote
        end = j + 1;
        break;
      }
      let backslashes = 0;
      while (text.charCodeAt(j - 1 - backslashes) === 92) backslashes++;
      if (backslashes % 2 === 0) {
        end = j + 1;
        break;
      }
      i = j + 1;
    }
    // The lines it goes on over must be indented deeper than its entry (or blank).
    for (let p = lineEnd + 1; p < end; p = this.lineEnd(p) + 1) {
      const s = this.skipSpaces(p);
      if (s - p <= column && text.charCodeAt(s) !== NEWLINE) giveUp();
    }
    return end;
  }

  private quotedValue(start: number, end: number): string {
    let body = word(this.text, start + 1, end - 1);
    const double = this.text.charCodeAt(start) === 34;
    if (body.includes('\n')) body = foldQuotedLines(body, double);
    if (!double) return body.includes("''") ? body.replaceAll("''", "'") : body;
    if (!body.includes('\\')) return body;
    return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[\\"/nt rbf0]|.?)/g, (_, e: string) => {
      switch (e[0]) {
        case 'x': case 'u': return String.fromCharCode(parseInt(e.slice(1), 16));
        case 'n': return '\n';
        case 't': return '\t';
        case 'r': return '\r';
        case 'b': return '\b';
        case 'f': return '\f';
        case '0': return '\0';
        case ' ': return ' ';
        case '\\': case '"': case '/': return e;
        default: return giveUp();
      }
    });
  }

  /**
   * The offset of the `:` that ends an implicit key starting at `at` (a colon followed by a space
   * or the line's end), or -1 when the line holds no key before a comment.
   */
  private keyColon(at: number, lineEnd: number): number {
    const hash = this.nextHash(at);
    for (let i = this.nextColon(at); i >= 0 && i < lineEnd; i = this.nextColon(i + 1)) {
      if (hash >= 0 && hash < i) return -1;
      if (this.endsToken(i + 1, lineEnd)) return i;
    }
    return -1;
  }

  /**
   * The first ` #` at or after `at` (-1: none). Searches are remembered, so that scanning line
   * after line does not search the rest of the text again each time.
   */
  private nextHash(at: number): number {
    if (at < this.hashFrom || (this.hashAt >= 0 && this.hashAt < at)) {
      this.hashFrom = at;
      this.hashAt = this.text.indexOf(' #', at);
    }
    return this.hashAt;
  }

  /** The first `:` at or after `at` (-1: none), remembered like nextHash. */
  private nextColon(at: number): number {
    if (at < this.colonFrom || (this.colonAt >= 0 && this.colonAt < at)) {
      this.colonFrom = at;
      this.colonAt = this.text.indexOf(':', at);
    }
    return this.colonAt;
  }

  /** The end of a plain scalar at `at` on its line: before ` #` or the line's end, spaces trimmed. */
  private plainEnd(at: number, lineEnd: number): number {
    const text = this.text;
    let end = lineEnd;
    const hash = this.nextHash(at);
    if (hash >= 0 && hash < lineEnd) end = hash;
    while (end > at && text.charCodeAt(end - 1) === SPACE) end--;
    return end;
  }

  /** After a value: only spaces and a comment may follow on its line. */
  private expectLineEnd(from: number, lineEnd: number): void {
    const k = this.skipSpaces(from);
    if (k < lineEnd && (this.text.charCodeAt(k) !== HASH || k === from)) giveUp();
  }

  /** True when a plain scalar cannot start at `at` (an indicator, or `-`, `?`, `:` before a space). */
  private startsWithIndicator(at: number, lineEnd: number): boolean {
    const c = this.text.charCodeAt(at);
    if (c === DASH || c === 63 || c === COLON) return this.endsToken(at + 1, lineEnd);
    return INDICATORS.has(c);
  }

  /** True when `at` is a space, the line's end or the text's end (after `:`, `-`, `?`). */
  private endsToken(at: number, lineEnd: number): boolean {
    return at >= lineEnd || this.text.charCodeAt(at) === SPACE;
  }

  private isDash(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const c = this.text.charCodeAt(at + 1);
    return c === SPACE || c === NEWLINE || at + 1 >= this.end;
  }

  private skipSpaces(at: number): number {
    while (this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  private lineEnd(at: number): number {
    const e = this.text.indexOf('\n', at);
    return e < 0 || e > this.end ? this.end : e;
  }

  private lineStartOf(at: number): number {
    return this.text.lastIndexOf('\n', at - 1) + 1;
  }

  /**
   * The first content character at or after the line starting at `from`, skipping blank and
   * comment lines, before the end of the document; -1 when there is none. Sets `lineStart`.
   */
  private nextContent(from: number): number {
    const text = this.text;
    let p = from;
    if (this.comments.length !== 0) this.comments.length = 0;
    while (p < this.end) {
      let j = p;
      while (text.charCodeAt(j) === SPACE) j++;
      if (j >= this.end) return -1;
      const c = text.charCodeAt(j);
      if (c === NEWLINE) {
        p = j + 1;
        continue;
      }
      if (c === HASH) {
        const e = text.indexOf('\n', j);
        this.comments.push(j - p, e < 0 ? text.length : e + 1);
        if (e < 0) return -1;
        p = e + 1;
        continue;
      }
      this.lineStart = p;
      return j;
    }
    return -1;
  }
}
