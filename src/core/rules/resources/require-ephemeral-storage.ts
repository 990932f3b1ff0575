/**
 * @fileoverview require-ephemeral-storage (off by default): containers request and limit
 * `ephemeral-storage`, so a pod filling its node's disk is evicted alone.
 */
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';
import { addQuantities, has, resourcesOf } from './resource-helpers';

export default defineRule({
  id: 'require-ephemeral-storage',
  category: 'resources',
  severity: 'info',
  enabledByDefault: false,
  title: 'Containers should request and limit ephemeral storage',
  docs: {
    description: 'Reports containers (init and sidecar ones included) without `resources.requests` or `resources.limits` for `ephemeral-storage`. Off by default.',
    rationale: 'Logs, emptyDir volumes and files written to the container\'s layer all use the node\'s disk. Without a limit, one pod can fill it and the kubelet then evicts pods at random under disk pressure; without a request, the scheduler ignores disk when placing the pod.',
    remediation: 'Set `resources.requests.ephemeral-storage` and `resources.limits.ephemeral-storage` (and `sizeLimit` on emptyDir volumes).',
    references: ['https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#local-ephemeral-storage'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    resources:\n      requests: {ephemeral-storage: 256Mi}\n      limits: {ephemeral-storage: 1Gi}\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  fixable: 'suggestion',
  messages: {
    missing: 'Container "{{container}}" sets no ephemeral-storage {{missing}}: its logs and scratch files can fill the node\'s disk, and the kubelet then evicts pods under disk pressure. Set resources {{missing}} for ephemeral-storage.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    for (const c of containersOf(template)) {
      if (c.kind === 'ephemeral') continue;
      const r = resourcesOf(c);
      const sections = (['requests', 'limits'] as const).filter((s) => !has(r[s], 'ephemeral-storage') && !(s === 'requests' && has(r.limits, 'ephemeral-storage')));
      if (sections.length === 0) continue;
      const ops = r.present
        ? sections.flatMap((s) => addQuantities(c, s, ['ephemeral-storage']))
        : [{ op: 'set' as const, path: [...c.path, 'resources'], value: Object.fromEntries(sections.map((s) => [s, { 'ephemeral-storage': s === 'requests' ? '256Mi' : '1Gi' }])), after: ['ports', 'env', 'envFrom', 'args', 'command', 'image'], comment: 'placeholder values: measure and adjust' }];
      ctx.report({
        path: r.present ? [...c.path, 'resources'] : [...c.path, 'name'],
        messageId: 'missing',
        data: { container: c.name, missing: sections.join(' and ') },
        suggestions: [{ title: `Add placeholder ephemeral-storage ${sections.join(' and ')} to container "${c.name}"`, ops }],
      });
    }
  },
});
