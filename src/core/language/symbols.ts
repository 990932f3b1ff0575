/**
 * @fileoverview The outline of a manifest file: one symbol per Kubernetes object (kind and
 * name), with its containers as children, for an editor's document symbols.
 */
import type { OffsetRange } from '../finding';
import { containersOf, podTemplateOf } from '../model/pod-template';
import { manifestHeadRange, type SourceFile } from '../source/parse';
import { locate, nodeRange, resolvePath } from '../source/path';

export interface ManifestSymbol {
  /** `Deployment web`, or the container's name. */
  name: string;
  /** The namespace, when the manifest names one; `container`, `init container`... for children. */
  detail: string;
  /** The Kubernetes kind, or `Container`. */
  kind: string;
  /** The whole object. */
  range: OffsetRange;
  /** Its name (or kind when unnamed). */
  selectionRange: OffsetRange;
  children: ManifestSymbol[];
}

/** One symbol per manifest of the file, in file order, with its containers as children. */
export function documentSymbols(source: SourceFile): ManifestSymbol[] {
  return source.manifests.map((m) => {
    const template = podTemplateOf(m);
    const children: ManifestSymbol[] = [];
    for (const c of template ? containersOf(template) : []) {
      const node = resolvePath(m.tree, c.path);
      if (node.depth !== c.path.length || !node.node) continue;
      children.push({
        name: c.name,
        detail: c.kind === 'container' ? 'container' : `${c.kind} container`,
        kind: 'Container',
        range: nodeRange(node.node),
        selectionRange: locate(m.tree, [...c.path, 'name']),
        children: [],
      });
    }
    return {
      name: `${m.kind} ${m.name || '(unnamed)'}`,
      detail: m.namespace ?? '',
      kind: m.kind,
      range: nodeRange(m.tree),
      selectionRange: manifestHeadRange(m),
      children,
    };
  });
}
