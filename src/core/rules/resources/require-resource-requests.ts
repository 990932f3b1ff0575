/**
 * @fileoverview require-resource-requests: every container requests CPU and memory, so the
 * scheduler knows what it needs.
 */
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';
import { addQuantities, fullResourcesBlock, has, listWords, resourcesOf } from './resource-helpers';

export default defineRule({
  id: 'require-resource-requests',
  category: 'resources',
  severity: 'warning',
  title: 'Containers should request CPU and memory',
  docs: {
    description: 'Reports containers (init and sidecar ones included) with no `resources.requests` for `cpu` or `memory`. A request that is missing but whose limit is set is not reported: Kubernetes then uses the limit as the request.',
    rationale: 'The scheduler places pods by their requests: with none, it packs them onto nodes that cannot run them, they are evicted first under memory pressure (QoS class BestEffort), and HorizontalPodAutoscalers that target utilisation cannot compute it.',
    remediation: 'Set `resources.requests.cpu` and `resources.requests.memory` to what the container uses under normal load (`kubectl top pod` shows it); the editor inserts placeholder values to start from.',
    references: ['https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/', 'https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  fixable: 'suggestion',
  messages: {
    missing: 'Container "{{container}}" requests no {{resources}}: the scheduler cannot tell whether a node has room for it, and it is evicted first when the node runs short. Set resources.requests for {{resources}}.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    for (const c of containersOf(template)) {
      if (c.kind === 'ephemeral') continue;
      const r = resourcesOf(c);
      const missing = ['cpu', 'memory'].filter((res) => !has(r.requests, res) && !has(r.limits, res));
      if (missing.length === 0) continue;
      const words = listWords(missing);
      ctx.report({
        path: r.present ? [...c.path, 'resources'] : [...c.path, 'name'],
        messageId: 'missing',
        data: { container: c.name, resources: words },
        suggestions: [r.present
          ? { title: `Add placeholder ${words} requests to container "${c.name}"`, ops: addQuantities(c, 'requests', missing) }
          : { title: `Add a resources block with placeholder requests and limits to container "${c.name}"`, ops: [fullResourcesBlock(c)] }],
      });
    }
  },
});
