/**
 * @fileoverview no-latest-image-tag: images are pinned to a tag other than `latest`, or a digest.
 */
import { parseImage, isPinned } from '../../model/image';
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import type { WorkspaceIndex } from '../../model/workspace-index';
import { defineRule, type RuleFix } from '../types';
import { sameData } from '../../model/same-data';

export default defineRule({
  id: 'no-latest-image-tag',
  category: 'images',
  severity: 'warning',
  title: 'Images should be pinned to a version',
  docs: {
    description: 'Reports container images with the `latest` tag or no tag at all (which means `latest`). A digest (`@sha256:…`) counts as pinned.',
    rationale: '`latest` moves: two nodes can run two different builds of the same Deployment, a rollback goes back to nothing, and `imagePullPolicy` defaults to `Always`, so every pod start depends on the registry.',
    remediation: 'Use an explicit version tag (`nginx:1.27.3`) or, better, a digest (`nginx@sha256:…`). When the same image is pinned elsewhere in the inputs, the editor offers that version.',
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-names', 'https://kubernetes.io/docs/concepts/configuration/overview/#container-images'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:latest\n', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  fixable: 'suggestion',
  messages: {
    latest: 'Container "{{container}}" uses image "{{image}}" with the latest tag: pods may run different builds and rollbacks cannot go back. Pin a version tag or a digest.',
    noTag: 'Container "{{container}}" uses image "{{image}}" with no tag, which means latest: pods may run different builds and rollbacks cannot go back. Pin a version tag or a digest.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    for (const c of containersOf(template)) {
      const raw = c.container.image;
      if (typeof raw !== 'string' || raw === '') continue;
      const image = parseImage(raw);
      if (isPinned(image)) continue;
      const pinned = pinnedElsewhere(ctx.index, image.registry, image.repository);
      const suggestions: RuleFix[] = pinned.map((p) => ({ title: `Use ${p}, as elsewhere in the workspace`, ops: [{ op: 'set', path: [...c.path, 'image'], value: p }] }));
      ctx.report({
        path: [...c.path, 'image'],
        messageId: image.tag ? 'latest' : 'noTag',
        data: { container: c.name, image: raw },
        suggestions,
      });
    }
  },
});

/** Pinned references to the same repository found in the inputs, most specific first. */
function pinnedElsewhere(index: WorkspaceIndex, registry: string | undefined, repository: string): string[] {
  return pinnedByRepository(index).get(`${registry ?? ''}\u0000${repository}`) ?? [];
}

/** Registry and repository → the pinned references to it in the inputs (built once per lint, not per container). */
function pinnedByRepository(index: WorkspaceIndex): ReadonlyMap<string, string[]> {
  return index.derived('images/pinned-by-repository', (ix) => {
    const found = new Map<string, Set<string>>();
    for (const holder of ix.podTemplates) {
      for (const c of containersOf(holder.template)) {
        if (typeof c.container.image !== 'string') continue;
        const image = parseImage(c.container.image);
        if (!isPinned(image)) continue;
        const key = `${image.registry ?? ''}\u0000${image.repository}`;
        const set = found.get(key) ?? new Set<string>();
        set.add(image.raw);
        found.set(key, set);
      }
    }
    return new Map([...found].map(([key, refs]) => [key, [...refs].sort().slice(0, 3)]));
  }, sameData);
}
