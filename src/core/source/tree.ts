/**
 * @fileoverview The shape of a parsed YAML document and where each part of it lies in the text:
 * what rules, fixes and editor features need to point back into a file, and nothing else. Every
 * document of a big tree keeps it, so it is compact: one typed array of offsets per file (16-bit
 * numbers when they all fit, as in files under 64 KB) and the mapping keys, no object per node.
 * The TreeNode a query returns is a small view made on demand. Built by the block parser
 * (block-yaml.ts) or from the `yaml` package's nodes (fromYamlNode), through TreeBuilder, in the
 * same order, so that equal trees are equal data.
 *
 * Layout: one record per node, children before their parent.
 *   scalar: style, start, end, outer
 *   map:    MAP, start, end, outer, size, first key's index in `keys`, then per entry key start, key end, value
 *   seq:    SEQ, start, end, outer, size, then per item its value
 * where a value is the index of the value's record, or -1 for none (`{a}` in flow style).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';

/** How a scalar is written; `ALIAS` for `*name` (not followed), `OTHER` for what has no style. */
export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED' | 'ALIAS' | 'OTHER';

const STYLES: readonly ScalarStyle[] = ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED', 'ALIAS', 'OTHER'];
const MAP = 100;
const SEQ = 101;

/** The nodes of one document. */
export interface DocTree {
  data: Int32Array | Uint16Array;
  keys: string[];
}

/**
 * Offsets of a node: `start` and `end` cover its value (`end` after a closing quote or bracket);
 * `outer` also covers what follows it on its line (spaces, a comment, the line break), the way
 * `yaml`'s third range offset does: collections end at their last value's `outer`.
 */
interface NodeView {
  /** The document's nodes, and this node's record in them. */
  tree: DocTree;
  at: number;
  start: number;
  end: number;
  outer: number;
}

export interface TreeScalar extends NodeView {
  type: 'scalar';
  style: ScalarStyle;
}

export interface TreeMap extends NodeView {
  type: 'map';
  size: number;
}

export interface TreeSeq extends NodeView {
  type: 'seq';
  size: number;
}

export type TreeNode = TreeScalar | TreeMap | TreeSeq;

/** A key no path segment can equal (a collection used as a key). */
export const COMPLEX_KEY = '\u0000';

/** The node whose record is at `at`. */
export function nodeAt(tree: DocTree, at: number): TreeNode {
  const d = tree.data;
  const code = d[at]!;
  if (code === MAP) return { type: 'map', tree, at, start: d[at + 1]!, end: d[at + 2]!, outer: d[at + 3]!, size: d[at + 4]! };
  if (code === SEQ) return { type: 'seq', tree, at, start: d[at + 1]!, end: d[at + 2]!, outer: d[at + 3]!, size: d[at + 4]! };
  return { type: 'scalar', tree, at, style: STYLES[code]!, start: d[at + 1]!, end: d[at + 2]!, outer: d[at + 3]! };
}

/** The number of entries of a mapping or items of a sequence. */
export function sizeOf(node: TreeMap | TreeSeq): number {
  return node.size;
}

/** The key of entry `i` of a mapping, as written (a string; COMPLEX_KEY for a collection). */
export function keyName(map: TreeMap, i: number): string {
  return map.tree.keys[map.tree.data[map.at + 5]! + i]!;
}

/** The index of the entry of a mapping whose key is `key`, or -1. */
export function entryIndex(map: TreeMap, key: string): number {
  const keys = map.tree.keys;
  const first = map.tree.data[map.at + 5]!;
  for (let i = 0; i < map.size; i++) if (keys[first + i] === key) return i;
  return -1;
}

/** The key of entry `i` of a mapping, as a scalar. */
export function keyAt(map: TreeMap, i: number): TreeScalar {
  const d = map.tree.data;
  const at = map.at + 6 + i * 3;
  return { type: 'scalar', tree: map.tree, at: -1, style: 'PLAIN', start: d[at]!, end: d[at + 1]!, outer: d[at + 1]! };
}

/** The value of entry `i` of a mapping or item `i` of a sequence; null when there is none. */
export function valueAt(node: TreeMap | TreeSeq, i: number): TreeNode | null {
  const d = node.tree.data;
  const child = node.type === 'map' ? d[node.at + 6 + i * 3 + 2]! : d[node.at + 5 + i]!;
  return child < 0 ? null : nodeAt(node.tree, child);
}

/** Where following a path stopped, as records (see `followRecords`). */
export interface FollowedRecords {
  /** The record reached (-1: the path leads to an entry without a value). */
  at: number;
  /** The mapping record whose entry holds `at`, or -1 when `at` is not a mapping value; and that entry's index. */
  keyMap: number;
  keyIndex: number;
}

/**
 * Follows mapping keys and sequence indexes from `root` as far as they exist, on the records
 * (no view made on the way: `locate` runs once per finding); writes where it stopped into `out`
 * and returns how many segments were followed.
 */
export function followRecords(root: TreeNode, path: ReadonlyArray<string | number>, out: FollowedRecords): number {
  const { data: d, keys } = root.tree;
  let at = root.at;
  let keyMap = -1;
  let keyIndex = 0;
  let depth = 0;
  for (const segment of path) {
    if (at < 0) break;
    const code = d[at]!;
    if (typeof segment === 'string' && code === MAP) {
      const size = d[at + 4]!;
      const first = d[at + 5]!;
      let i = 0;
      while (i < size && keys[first + i] !== segment) i++;
      if (i === size) break;
      keyMap = at;
      keyIndex = i;
      at = d[at + 6 + i * 3 + 2]!;
    } else if (typeof segment === 'number' && code === SEQ && segment >= 0 && segment < d[at + 4]!) {
      keyMap = -1;
      at = d[at + 5 + segment]!;
    } else {
      break;
    }
    depth++;
  }
  out.at = at;
  out.keyMap = keyMap;
  out.keyIndex = keyIndex;
  return depth;
}

/**
 * Follows mapping keys and sequence indexes from `root` as far as they exist: the node reached,
 * the key of the mapping entry holding it (when it is a mapping value), and how many segments
 * were followed.
 */
export function follow(root: TreeNode, path: ReadonlyArray<string | number>): { node: TreeNode | null; key: TreeScalar | null; depth: number } {
  const out: FollowedRecords = { at: -1, keyMap: -1, keyIndex: 0 };
  const depth = followRecords(root, path, out);
  const node = depth === 0 ? root : out.at < 0 ? null : nodeAt(root.tree, out.at);
  return { node, key: out.keyMap < 0 ? null : keyAt(nodeAt(root.tree, out.keyMap) as TreeMap, out.keyIndex), depth };
}

/** The start and end offsets of the node whose record is at `at`. */
export function rangeAt(tree: DocTree, at: number): [number, number] {
  return [tree.data[at + 1]!, tree.data[at + 2]!];
}

/** The start and end offsets of the key of entry `i` of the mapping whose record is at `map`. */
export function keyRangeAt(tree: DocTree, map: number, i: number): [number, number] {
  const at = map + 6 + i * 3;
  return [tree.data[at]!, tree.data[at + 1]!];
}

/** True when the record at `at` is a scalar (not a mapping or a sequence). */
export function isScalarAt(tree: DocTree, at: number): boolean {
  const code = tree.data[at]!;
  return code !== MAP && code !== SEQ;
}

/**
 * A short range that stands for the node at `at`: a collection's first key, or its first item's
 * head, so that a finding about a big block does not underline fifty lines; a scalar's own range.
 */
export function headRangeAt(tree: DocTree, at: number): [number, number] {
  const d = tree.data;
  if (d[at]! === MAP && d[at + 4]! > 0) return keyRangeAt(tree, at, 0);
  if (d[at]! === SEQ && d[at + 4]! > 0 && d[at + 5]! >= 0) return headRangeAt(tree, d[at + 5]!);
  return rangeAt(tree, at);
}

/**
 * The buffer builders write into, one file at a time (a fresh buffer per file, grown by
 * doubling, cost the parse more than the records it held); `seal` copies the used part out.
 */
let scratch = new Int32Array(1 << 16);
let scratchOwner: TreeBuilder | null = null;
/** A scratch buffer grown past this (a huge file) is not kept for the next file. */
const MAX_KEPT_SCRATCH = 1 << 22;

/**
 * Builds the trees of the documents of one file, children first, into one buffer shared by all
 * of them (one small typed array per document made many thousands of buffers for the garbage
 * collector to track on a big tree). One builder at a time: a new builder takes over the
 * scratch buffer (one given up on, unsealed, is simply dropped).
 */
export class TreeBuilder {
  /** The records so far, in the scratch buffer (doubled when full); seal copies the used part. */
  private data: Int32Array;
  private length = 0;
  private readonly keys: string[] = [];
  /** What the views of this builder's trees point to; its data is final once sealed. */
  private readonly tree: DocTree;

  constructor() {
    this.data = scratch;
    scratchOwner = this;
    this.tree = { data: this.data, keys: this.keys };
  }

  scalar(style: ScalarStyle, start: number, end: number, outer: number): number {
    return this.record(STYLES.indexOf(style), start, end, outer, 0);
  }

  /**
   * A mapping of the keys `keys[from..to)`; `entries`, from `entriesFrom`, holds key start, key
   * end and value (record index or -1) per entry. (Slices of stacks the parser reuses.)
   */
  map(start: number, end: number, outer: number, keys: readonly string[], from: number, to: number, entries: readonly number[], entriesFrom: number): number {
    const size = to - from;
    const at = this.record(MAP, start, end, outer, 2 + size * 3);
    const d = this.data;
    d[at + 4] = size;
    d[at + 5] = this.keys.length;
    for (let i = 0; i < size * 3; i++) d[at + 6 + i] = entries[entriesFrom + i]!;
    for (let i = from; i < to; i++) this.keys.push(keys[i]!);
    return at;
  }

  /** A sequence of the items `items[from..to)` (record index, or -1, of each). */
  seq(start: number, end: number, outer: number, items: readonly number[], from: number, to: number): number {
    const size = to - from;
    const at = this.record(SEQ, start, end, outer, 1 + size);
    const d = this.data;
    d[at + 4] = size;
    for (let i = 0; i < size; i++) d[at + 5 + i] = items[from + i]!;
    return at;
  }

  /** Appends a record: its four common numbers, and room for `rest` more; returns where it starts. */
  private record(code: number, start: number, end: number, outer: number, rest: number): number {
    const at = this.length;
    this.length += 4 + rest;
    if (this.length > this.data.length) {
      const bigger = new Int32Array(Math.max(this.length, this.data.length * 2));
      bigger.set(this.data.subarray(0, at));
      this.data = this.tree.data = bigger;
      if (scratchOwner === this) scratch = bigger;
    }
    const d = this.data;
    d[at] = code;
    d[at + 1] = start;
    d[at + 2] = end;
    d[at + 3] = outer;
    return at;
  }

  /** The `outer` offset of a record not yet finished (the block parser extends it). */
  outerOf(at: number): number {
    return this.data[at + 3]!;
  }

  setOuter(at: number, outer: number): void {
    this.data[at + 3] = outer;
  }

  /** The style of a scalar record, or undefined for a collection. */
  styleOf(at: number): ScalarStyle | undefined {
    return STYLES[this.data[at]!];
  }

  /** A finished document's tree, as a view of its root record (readable once the builder is sealed). */
  finish(root: number): TreeNode {
    return nodeAt(this.tree, root);
  }

  /**
   * Ends the file: the views' records become a copy of the used part of the buffer (in 16-bit
   * numbers when they all fit: half the memory, and memory a big tree's lint keeps is time on a
   * machine where new pages are dear), and their keys an array of exactly their number (grown by
   * push, it had up to half as much room again).
   */
  seal(): void {
    if (scratchOwner !== this) throw new Error('TreeBuilder: another builder took over the buffer before this one was sealed');
    const used = this.data.subarray(0, this.length);
    this.tree.data = fitsIn16Bits(used) ? new Uint16Array(used) : used.slice();
    this.tree.keys = this.keys.slice();
    scratchOwner = null;
    if (scratch.length > MAX_KEPT_SCRATCH) scratch = new Int32Array(1 << 16);
  }
}

/** True when every number is a 16-bit unsigned one (no -1 for a missing value either). */
function fitsIn16Bits(data: Int32Array): boolean {
  if (data.length > 0x10000) return false;
  for (let i = 0; i < data.length; i++) if (data[i]! >>> 0 > 0xffff) return false;
  return true;
}

/** The tree of a document read by the `yaml` package (for documents the block parser leaves to it). */
export function fromYamlNode(node: Node): TreeNode {
  const builder = new TreeBuilder();
  const root = builder.finish(addYamlNode(builder, node));
  builder.seal();
  return root;
}

function addYamlNode(builder: TreeBuilder, node: Node): number {
  const [start, end, outer] = node.range ?? [0, 0, 0];
  if (isMap(node)) {
    const keys: string[] = [];
    const entries: number[] = [];
    for (const item of node.items as Array<Pair<Node | null, Node | null>>) {
      if (!isPair(item)) continue;
      const key = item.key;
      keys.push(key && isScalar(key) ? String(key.value) : COMPLEX_KEY);
      const keyRange = key?.range ?? [start, start];
      entries.push(keyRange[0], keyRange[1], item.value ? addYamlNode(builder, item.value) : -1);
    }
    return builder.map(start, end, outer, keys, 0, keys.length, entries, 0);
  }
  if (isSeq(node)) {
    const items = node.items.map((item) => (item ? addYamlNode(builder, item as Node) : -1));
    return builder.seq(start, end, outer, items, 0, items.length);
  }
  const style: ScalarStyle = isAlias(node) ? 'ALIAS' : isScalar(node) && node.type ? node.type as ScalarStyle : 'OTHER';
  return builder.scalar(style, start, end, outer);
}
