/**
 * @fileoverview From an offset in a file to what is there: the manifest, the YAML path, and
 * whether the offset is on a key or a value. Editors ask this for hover, completion and
 * navigation; everything stays in offsets.
 */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Manifest, SourceFile } from '../source/parse';
import { nodeRange, type Path } from '../source/path';

/** What sits at an offset of a manifest. */
export interface PathAt {
  manifest: Manifest;
  /** Path from the manifest's root to the deepest node holding the offset. */
  path: Path;
  /** The scalar or collection node there (null for `key:` with no value yet). */
  node: Node | null;
  /** True when the offset is on a mapping key (the path then ends with that key). */
  onKey: boolean;
}

/** The manifest whose node contains `offset` (the innermost one, for `List` items). */
export function manifestAt(source: SourceFile, offset: number): Manifest | undefined {
  let best: Manifest | undefined;
  for (const m of source.manifests) {
    const r = m.node.range;
    if (!r || offset < r[0] || offset > r[2]) continue;
    if (!best || (best.node.range && r[0] >= best.node.range[0])) best = m;
  }
  return best;
}

/** The path at `offset`, or undefined outside any manifest. */
export function pathAt(source: SourceFile, offset: number): PathAt | undefined {
  const manifest = manifestAt(source, offset);
  if (!manifest) return undefined;
  const path: Array<string | number> = [];
  let node: Node | null = manifest.node;
  let onKey = false;
  for (;;) {
    if (node && isMap(node)) {
      const pair: Pair<Node, Node | null> | undefined = (node.items as Array<Pair<Node, Node | null>>).find((p) => isPair(p) && contains(source.text, p, offset));
      if (!pair || !isScalar(pair.key)) break;
      path.push(String(pair.key.value));
      const key = nodeRange(pair.key);
      if (offset >= key[0] && offset <= key[1]) {
        node = pair.value;
        onKey = true;
        break;
      }
      node = pair.value;
      if (!node || (isScalar(node) && node.value === null)) break;
    } else if (node && isSeq(node)) {
      const index = node.items.findIndex((item) => !!item && within(nodeRange(item as Node), offset));
      if (index < 0) break;
      path.push(index);
      node = node.items[index] as Node;
    } else {
      break;
    }
  }
  return { manifest, path, node, onKey };
}

/** True when `offset` is on the entry: its key, its value, or the rest of the line after `key:` with no value yet. */
function contains(text: string, pair: Pair<Node, Node | null>, offset: number): boolean {
  if (!pair.key) return false;
  const key = nodeRange(pair.key as Node);
  const empty = !pair.value || (isScalar(pair.value) && pair.value.value === null && (pair.value.range?.[0] ?? 0) === (pair.value.range?.[1] ?? 0));
  let end: number;
  if (empty) {
    const nl = text.indexOf('\n', key[1]);
    end = nl < 0 ? text.length : nl;
  } else {
    end = pair.value!.range![1];
  }
  return offset >= key[0] && offset <= end;
}

function within(range: readonly [number, number], offset: number): boolean {
  return offset >= range[0] && offset <= range[1];
}
