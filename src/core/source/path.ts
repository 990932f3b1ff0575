/**
 * @fileoverview Paths into YAML documents, and the one place that turns a path into an
 * offset range. Rules report at paths; nothing else computes positions.
 */
import type { OffsetRange } from '../finding';
import { follow, followRecords, headRangeAt, isScalarAt, keyRangeAt, rangeAt, type FollowedRecords, type TreeNode } from './tree';

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

/** Where `locate` stopped (one, reused: locate runs once per finding and makes no view). */
const FOLLOWED: FollowedRecords = { at: -1, keyMap: -1, keyIndex: 0 };

/**
 * The range for a finding at `path`. When the path does not fully exist (a missing field), the
 * range falls back to the key of the deepest entry that does exist: a missing required field is
 * reported on its parent's key, which is where the user would add it. A collection stands for
 * itself by its key, or by its head (first key or first item) when it has none.
 */
export function locate(root: TreeNode, path: Path, target: Target = 'value'): OffsetRange {
  const { tree } = root;
  const depth = followRecords(root, path, FOLLOWED);
  const { at, keyMap, keyIndex } = FOLLOWED;
  const key = keyMap < 0 ? null : keyRangeAt(tree, keyMap, keyIndex);
  if (depth !== path.length) {
    if (key) return key;
    return at >= 0 ? headRangeAt(tree, at) : [0, 0];
  }
  if (target !== 'value' && key) {
    if (target === 'key') return key;
    const end = at >= 0 ? rangeAt(tree, at)[1] : key[1];
    return [key[0], Math.max(end, key[1])];
  }
  if (at >= 0) {
    const range = rangeAt(tree, at);
    // An empty value (`containers:` with nothing after it) has no width: point at its key.
    if (range[1] === range[0] && key) return key;
    return isScalarAt(tree, at) ? range : key ?? headRangeAt(tree, at);
  }
  return key ?? [0, 0];
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
