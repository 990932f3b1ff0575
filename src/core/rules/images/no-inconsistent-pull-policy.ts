/**
 * @fileoverview no-inconsistent-pull-policy: `imagePullPolicy` agrees with how the image is
 * referenced (a digest needs no `Always`; a moving tag with `IfNotPresent` or `Never` leaves
 * every node with whatever build it pulled first).
 */
import { isPinned, parseImage } from '../../model/image';
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';

export default defineRule({
  id: 'no-inconsistent-pull-policy',
  category: 'images',
  severity: 'info',
  title: 'imagePullPolicy should match how the image is pinned',
  docs: {
    description: 'Reports an explicit `imagePullPolicy: Always` on an image pinned by digest, and `IfNotPresent` or `Never` on an image with the `latest` tag or no tag.',
    rationale: 'A digest names one exact image, so `Always` only makes every pod start depend on the registry being reachable. Conversely, with `latest` and `IfNotPresent` or `Never`, each node keeps the build it pulled first: replicas on different nodes run different code, and a new push never reaches nodes that already have an old one.',
    remediation: 'Pin images by version tag or digest and use `IfNotPresent` (the default for pinned images); with `Never` (images imported with `k3d image import`, say), use an explicit version tag.',
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: myapp:latest\n    imagePullPolicy: IfNotPresent\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: myapp:1.4.2\n    imagePullPolicy: IfNotPresent\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  fixable: 'suggestion',
  messages: {
    alwaysWithDigest: 'Container "{{container}}" pins its image by digest but sets imagePullPolicy: Always: the digest already names one exact image, so this only makes every start depend on the registry. Use IfNotPresent.',
    staleLatest: 'Container "{{container}}" uses the moving image "{{image}}" with imagePullPolicy: {{policy}}: each node keeps the build it pulled first, so replicas can run different code and new pushes never arrive. Pin a version tag (or use Always while developing).',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    for (const c of containersOf(template)) {
      const policy = c.container.imagePullPolicy;
      const raw = c.container.image;
      if (typeof policy !== 'string' || typeof raw !== 'string' || raw === '') continue;
      const image = parseImage(raw);
      const path = [...c.path, 'imagePullPolicy'];
      if (policy === 'Always' && image.digest) {
        ctx.report({
          path, messageId: 'alwaysWithDigest', data: { container: c.name },
          suggestions: [{ title: 'Use imagePullPolicy: IfNotPresent', ops: [{ op: 'set', path, value: 'IfNotPresent' }] }],
        });
      } else if ((policy === 'IfNotPresent' || policy === 'Never') && !isPinned(image)) {
        ctx.report({ path, messageId: 'staleLatest', data: { container: c.name, image: raw, policy } });
      }
    }
  },
});
