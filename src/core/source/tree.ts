/**
 * @fileoverview The shape of a parsed YAML document and where each part of it lies in the text:
 * what rules, fixes and editor features need to point back into a file, and nothing else. It is
 * much lighter than the `yaml` package's node objects, so every document of a big tree can keep
 * it. Built by the block parser (block-yaml.ts) or converted from `yaml`'s nodes (fromYamlNode).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';

/** How a scalar is written; `ALIAS` for `*name` (not followed), `OTHER` for what has no style. */
export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED' | 'ALIAS' | 'OTHER';

/**
 * Offsets of a node: `start` and `end` cover its value (`end` after a closing quote or bracket);
 * `outer` also covers what follows it on its line (spaces, a comment, the line break), the way
 * `yaml`'s third range offset does: collections end at their last value's `outer`.
 */
interface Ranged {
  start: number;
  end: number;
  outer: number;
}

export interface TreeScalar extends Ranged {
  type: 'scalar';
  style: ScalarStyle;
}

export interface TreeMap extends Ranged {
  type: 'map';
  /** The keys as strings, in source order; a key that is not a scalar never matches a path. */
  keys: string[];
  keyNodes: TreeNode[];
  values: Array<TreeNode | null>;
}

export interface TreeSeq extends Ranged {
  type: 'seq';
  items: Array<TreeNode | null>;
}

export type TreeNode = TreeScalar | TreeMap | TreeSeq;

/** A key no path segment can equal (a collection used as a key). */
export const COMPLEX_KEY = '\u0000';

/** The tree of a node of the `yaml` package (for documents the block parser leaves to it). */
export function fromYamlNode(node: Node): TreeNode {
  const [start, end, outer] = node.range ?? [0, 0, 0];
  if (isMap(node)) {
    const keys: string[] = [];
    const keyNodes: TreeNode[] = [];
    const values: Array<TreeNode | null> = [];
    for (const item of node.items as Array<Pair<Node | null, Node | null>>) {
      if (!isPair(item)) continue;
      const key = item.key;
      keys.push(key && isScalar(key) ? String(key.value) : COMPLEX_KEY);
      keyNodes.push(key ? fromYamlNode(key) : { type: 'scalar', style: 'OTHER', start, end: start, outer: start });
      values.push(item.value ? fromYamlNode(item.value) : null);
    }
    return { type: 'map', start, end, outer, keys, keyNodes, values };
  }
  if (isSeq(node)) {
    return { type: 'seq', start, end, outer, items: node.items.map((item) => (item ? fromYamlNode(item as Node) : null)) };
  }
  const style: ScalarStyle = isAlias(node) ? 'ALIAS' : isScalar(node) && node.type ? node.type as ScalarStyle : 'OTHER';
  return { type: 'scalar', style, start, end, outer };
}
