/**
 * @fileoverview Paths into YAML documents, and the one place that turns a path into an
 * offset range. Rules report at paths; nothing else computes positions.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { OffsetRange } from '../finding';

/** A path into a YAML tree: mapping keys and sequence indexes, e.g. `['spec', 'containers', 0, 'image']`. */
export type Path = ReadonlyArray<string | number>;

/**
 * Which part of the node at a path a range covers: the `key` of a mapping entry (an unknown
 * field), its `value` (a wrong type), or the whole `pair` (a block being removed).
 */
export type Target = 'key' | 'value' | 'pair';

/** What a path leads to in a tree: the node, the mapping entry holding it, and how far the path got. */
export interface Resolved {
  /** The node at the end of the path, or at the deepest part of it that exists. */
  node: Node | null;
  /** The mapping entry whose value is `node`, when `node` is a mapping value. */
  pair: Pair<Node, Node | null> | null;
  /** How many segments of the path exist; equals `path.length` when the whole path exists. */
  depth: number;
}

/** Follows `path` from `root` as far as it exists. Aliases are not followed (their target is elsewhere). */
export function resolvePath(root: Node, path: Path): Resolved {
  let node: Node | null = root;
  let pair: Pair<Node, Node | null> | null = null;
  let depth = 0;
  for (const segment of path) {
    if (node === null || isAlias(node)) break;
    if (typeof segment === 'string' && isMap(node)) {
      const entry = findPair(node.items as Array<Pair<Node, Node | null>>, segment);
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

/** The entry of a mapping whose key is the scalar `key`. */
export function findPair(items: ReadonlyArray<Pair<Node, Node | null>>, key: string): Pair<Node, Node | null> | undefined {
  for (const item of items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item;
  }
  return undefined;
}

/** The source range of a node, without trailing comments or blank lines. */
export function nodeRange(node: Node): OffsetRange {
  const r = node.range;
  return r ? [r[0], r[1]] : [0, 0];
}

/**
 * The range for a finding at `path`. When the path does not fully exist (a missing field), the
 * range falls back to the key of the deepest entry that does exist: a missing required field is
 * reported on its parent's key, which is where the user would add it.
 */
export function locate(root: Node, path: Path, target: Target = 'value'): OffsetRange {
  const { node, pair, depth } = resolvePath(root, path);
  const complete = depth === path.length;
  if (!complete) {
    if (pair?.key) return nodeRange(pair.key as Node);
    return node ? headRange(node) : [0, 0];
  }
  if (target !== 'value' && pair?.key) {
    const key = nodeRange(pair.key as Node);
    if (target === 'key') return key;
    const end = pair.value ? nodeRange(pair.value)[1] : key[1];
    return [key[0], Math.max(end, key[1])];
  }
  if (node) {
    const range = nodeRange(node);
    // An empty value (`containers:` with nothing after it) has no width: point at its key.
    if (range[1] === range[0] && pair?.key) return nodeRange(pair.key as Node);
    return isMap(node) || isSeq(node) ? (pair?.key ? nodeRange(pair.key as Node) : headRange(node)) : range;
  }
  return pair?.key ? nodeRange(pair.key as Node) : [0, 0];
}

/**
 * A short range that stands for a whole collection: its first key, or its first line, so that a
 * finding about a big block does not underline fifty lines.
 */
function headRange(node: Node): OffsetRange {
  if (isMap(node) && node.items.length > 0) {
    const first = node.items[0] as Pair<Node, Node | null>;
    if (first.key) return nodeRange(first.key as Node);
  }
  if (isSeq(node) && node.items.length > 0) return headRange(node.items[0] as Node);
  return nodeRange(node);
}

/** Formats a path the way a user reads it: `spec.containers[0].image`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
