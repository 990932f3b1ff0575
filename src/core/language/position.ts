/**
 * @fileoverview From an offset in a file to what is there: the manifest, the YAML path, and
 * whether the offset is on a key or a value. Editors ask this for hover, completion and
 * navigation; everything stays in offsets.
 */
import type { Manifest, SourceFile } from '../source/parse';
import type { Path } from '../source/path';
import { COMPLEX_KEY, keyAt, keyName, sizeOf, valueAt, type TreeMap, type TreeNode } from '../source/tree';

/** What sits at an offset of a manifest. */
export interface PathAt {
  manifest: Manifest;
  /** Path from the manifest's root to the deepest node holding the offset. */
  path: Path;
  /** The scalar or collection node there (null for `key:` with no value yet). */
  node: TreeNode | null;
  /** True when the offset is on a mapping key (the path then ends with that key). */
  onKey: boolean;
}

/** The manifest whose node contains `offset` (the innermost one, for `List` items). */
export function manifestAt(source: SourceFile, offset: number): Manifest | undefined {
  let best: Manifest | undefined;
  for (const m of source.manifests) {
    if (offset < m.tree.start || offset > m.tree.outer) continue;
    if (!best || m.tree.start >= best.tree.start) best = m;
  }
  return best;
}

/** The path at `offset`, or undefined outside any manifest. */
export function pathAt(source: SourceFile, offset: number): PathAt | undefined {
  const manifest = manifestAt(source, offset);
  if (!manifest) return undefined;
  const path: Array<string | number> = [];
  let node: TreeNode | null = manifest.tree;
  let onKey = false;
  for (;;) {
    if (node?.type === 'map') {
      const map: TreeMap = node;
      let i = 0;
      while (i < map.size && !contains(source.text, map, i, offset)) i++;
      if (i >= map.size || keyName(map, i) === COMPLEX_KEY) break;
      path.push(keyName(map, i));
      const key = keyAt(map, i);
      node = valueAt(map, i);
      if (offset >= key.start && offset <= key.end) {
        onKey = true;
        break;
      }
      if (!node || isEmpty(node)) break;
    } else if (node?.type === 'seq') {
      const count = sizeOf(node);
      let index = 0;
      for (; index < count; index++) {
        const item = valueAt(node, index);
        if (item && offset >= item.start && offset <= item.end) break;
      }
      if (index >= count) break;
      path.push(index);
      node = valueAt(node, index);
    } else {
      break;
    }
  }
  return { manifest, path, node, onKey };
}

/** `key:` with nothing after it. */
function isEmpty(node: TreeNode): boolean {
  return node.type === 'scalar' && node.style === 'PLAIN' && node.start === node.end;
}

/** True when `offset` is on entry `i`: its key, its value, or the rest of the line after `key:` with no value yet. */
function contains(text: string, map: TreeMap, i: number, offset: number): boolean {
  const key = keyAt(map, i);
  const value = valueAt(map, i);
  let end: number;
  if (!value || isEmpty(value)) {
    const nl = text.indexOf('\n', key.end);
    end = nl < 0 ? text.length : nl;
  } else {
    end = value.end;
  }
  return offset >= key.start && offset <= end;
}
