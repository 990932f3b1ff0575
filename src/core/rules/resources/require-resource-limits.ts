/**
 * @fileoverview require-resource-limits: every container has a memory limit (and a CPU limit,
 * unless the `cpu` option turns that off), so one pod cannot starve its node.
 */
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';
import { addQuantities, fullResourcesBlock, has, listWords, resourcesOf } from './resource-helpers';

export default defineRule<'missing', { cpu: boolean }>({
  id: 'require-resource-limits',
  category: 'resources',
  severity: 'warning',
  title: 'Containers should have CPU and memory limits',
  docs: {
    description: 'Reports containers (init and sidecar ones included) with no `resources.limits.memory`, or no `resources.limits.cpu` unless the option `cpu` is false.',
    rationale: 'Without a memory limit, a leak in one container grows until the node runs out of memory and the kernel kills processes, possibly of other pods. Without a CPU limit, a busy container can take every idle core; some teams accept that (set `cpu: false`), but then requests must be accurate.',
    remediation: 'Set `resources.limits.memory` (often equal to the memory request) and `resources.limits.cpu`; the editor inserts placeholder values to start from.',
    references: ['https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/', 'https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    resources:\n      limits:\n        cpu: 500m\n        memory: 128Mi\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  fixable: 'suggestion',
  options: {
    schema: { type: 'object', properties: { cpu: { type: 'boolean', description: 'Also require a CPU limit.' } }, additionalProperties: false },
    defaults: { cpu: true },
  },
  messages: {
    missing: 'Container "{{container}}" has no {{resources}} limit: it can take all of its node\'s {{resources}} and starve the other pods there. Set resources.limits for {{resources}}.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    const wanted = ctx.options.cpu === false ? ['memory'] : ['cpu', 'memory'];
    for (const c of containersOf(template)) {
      if (c.kind === 'ephemeral') continue;
      const r = resourcesOf(c);
      const missing = wanted.filter((res) => !has(r.limits, res));
      if (missing.length === 0) continue;
      const words = listWords(missing);
      ctx.report({
        path: r.present ? [...c.path, 'resources'] : [...c.path, 'name'],
        messageId: 'missing',
        data: { container: c.name, resources: words },
        suggestions: [r.present
          ? { title: `Add placeholder ${words} limits to container "${c.name}"`, ops: addQuantities(c, 'limits', missing) }
          : { title: `Add a resources block with placeholder requests and limits to container "${c.name}"`, ops: [fullResourcesBlock(c)] }],
      });
    }
  },
});
