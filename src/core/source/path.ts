/**
 * @fileoverview Paths into YAML documents, and the one place that turns a path into an
 * offset range. Rules report at paths; nothing else computes positions.
 */
import type { OffsetRange } from '../finding';
import { follow, keyAt, sizeOf, valueAt, type TreeNode } from './tree';

/** A path into a YAML tree: mapping keys and sequence indexes, e.g. `['spec', 'containers', 0, 'image']`. */
export type Path = ReadonlyArray<string | number>;

/**
 * Which part of the node at a path a range covers: the `key` of a mapping entry (an unknown
 * field), its `value` (a wrong type), or the whole `pair` (a block being removed).
 */
export type Target = 'key' | 'value' | 'pair';

/** What a path leads to in a tree: the node, the key of the mapping entry holding it, and how far the path got. */
export interface Resolved {
  /** The node at the end of the path, or at the deepest part of it that exists. */
  node: TreeNode | null;
  /** The key of the mapping entry whose value is `node`, when `node` is a mapping value. */
  key: TreeNode | null;
  /** How many segments of the path exist; equals `path.length` when the whole path exists. */
  depth: number;
}

/** Follows `path` from `root` as far as it exists. Aliases are not followed (their target is elsewhere). */
export function resolvePath(root: TreeNode, path: Path): Resolved {
  return follow(root, path);
}

/** The source range of a node, without what follows it on its line. */
export function nodeRange(node: TreeNode): OffsetRange {
  return [node.start, node.end];
}

/**
 * The range for a finding at `path`. When the path does not fully exist (a missing field), the
 * range falls back to the key of the deepest entry that does exist: a missing required field is
 * reported on its parent's key, which is where the user would add it.
 */
export function locate(root: TreeNode, path: Path, target: Target = 'value'): OffsetRange {
  const { node, key, depth } = resolvePath(root, path);
  const complete = depth === path.length;
  if (!complete) {
    if (key) return nodeRange(key);
    return node ? headRange(node) : [0, 0];
  }
  if (target !== 'value' && key) {
    const keyRange = nodeRange(key);
    if (target === 'key') return keyRange;
    const end = node ? node.end : keyRange[1];
    return [keyRange[0], Math.max(end, keyRange[1])];
  }
  if (node) {
    const range = nodeRange(node);
    // An empty value (`containers:` with nothing after it) has no width: point at its key.
    if (range[1] === range[0] && key) return nodeRange(key);
    return node.type !== 'scalar' ? (key ? nodeRange(key) : headRange(node)) : range;
  }
  return key ? nodeRange(key) : [0, 0];
}

/**
 * A short range that stands for a whole collection: its first key, or its first line, so that a
 * finding about a big block does not underline fifty lines.
 */
export function headRange(node: TreeNode): OffsetRange {
  if (node.type === 'map' && node.size > 0) return nodeRange(keyAt(node, 0));
  if (node.type === 'seq' && sizeOf(node) > 0) {
    const first = valueAt(node, 0);
    if (first) return headRange(first);
  }
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
