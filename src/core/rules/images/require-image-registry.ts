/**
 * @fileoverview require-image-registry (off by default): images that look private name their
 * registry, instead of being resolved on Docker Hub.
 */
import { parseImage } from '../../model/image';
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';

/** Docker Hub namespaces of well-known public publishers: their images are not private-looking. */
const PUBLIC_NAMESPACES = [
  'library', 'bitnami', 'grafana', 'prom', 'rancher', 'calico', 'jetstack', 'nginxinc', 'hashicorp', 'elastic', 'docker', 'traefik',
  'istio', 'envoyproxy', 'fluent', 'jaegertracing', 'otel', 'openpolicyagent', 'kubernetesui', 'minio', 'bats', 'curlimages', 'busybox',
  'alpine', 'ubuntu', 'portainer', 'linuxserver', 'confluentinc', 'localstack', 'mongo', 'redis', 'postgres', 'mysql',
];

export default defineRule<'unqualified', { publicNamespaces: string[] }>({
  id: 'require-image-registry',
  category: 'images',
  severity: 'info',
  enabledByDefault: false,
  title: 'Private-looking images should name their registry',
  docs: {
    description: 'Reports images with no registry host whose name has a namespace (`team/app`) that is not a well-known public Docker Hub publisher (the option `publicNamespaces` extends the list). Docker official images (`nginx`, `redis`) are not reported. Off by default.',
    rationale: 'An image with no registry is pulled from Docker Hub. If it was meant to come from a private registry (the company\'s, or a local k3d registry) the pull fails with ErrImagePull, or worse, succeeds with whatever someone published under that name on Docker Hub.',
    remediation: 'Write the registry host in the image (`registry.example.com/team/app:1.2`, `k3d-registry.localhost:5000/app:1.2`), or add the namespace to `publicNamespaces` when it is a public Docker Hub publisher.',
    references: ['https://kubernetes.io/docs/concepts/containers/images/#image-names', 'https://kubernetes.io/docs/concepts/containers/images/#using-a-private-registry'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: acme-internal/billing:1.2\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: registry.acme.example/billing:1.2\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  options: {
    schema: { type: 'object', properties: { publicNamespaces: { type: 'array', items: { type: 'string' }, description: 'More Docker Hub namespaces to treat as public.' } }, additionalProperties: false },
    defaults: { publicNamespaces: [] },
  },
  messages: {
    unqualified: 'Container "{{container}}" uses "{{image}}" with no registry, so it is pulled from Docker Hub under the namespace "{{namespace}}": if that is a private image, the pull fails or fetches someone else\'s image. Write the registry host (registry.example.com/{{namespace}}/…).',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    const extra = Array.isArray(ctx.options.publicNamespaces) ? ctx.options.publicNamespaces : [];
    for (const c of containersOf(template)) {
      const raw = c.container.image;
      if (typeof raw !== 'string' || raw === '') continue;
      const image = parseImage(raw);
      const slash = image.repository.indexOf('/');
      if (image.registry || slash < 0) continue;
      const namespace = image.repository.slice(0, slash);
      if (PUBLIC_NAMESPACES.includes(namespace) || extra.includes(namespace)) continue;
      ctx.report({ path: [...c.path, 'image'], messageId: 'unqualified', data: { container: c.name, image: raw, namespace } });
    }
  },
});
