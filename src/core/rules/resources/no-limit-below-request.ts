/**
 * @fileoverview no-limit-below-request: no container sets a limit lower than its request (the API
 * server rejects such a pod).
 */
import { formatCpu, parseQuantityMilli } from '../../model/quantity';
import { containersOf, podTemplateOf, POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';
import { resourcesOf } from './resource-helpers';

export default defineRule({
  id: 'no-limit-below-request',
  category: 'resources',
  severity: 'error',
  title: 'Resource limits should not be lower than requests',
  docs: {
    description: 'Reports a `resources.limits` quantity (cpu, memory, ephemeral-storage, or any other resource) lower than the request of the same resource in the same container.',
    rationale: 'The API server rejects the pod ("must be less than or equal to … limit"): a Deployment then creates no pod at all, and the error only shows in the ReplicaSet\'s events.',
    remediation: 'Raise the limit to at least the request, or lower the request; for memory, a limit equal to the request is the usual choice.',
    references: ['https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#requests-and-limits'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    resources:\n      requests: {memory: 512Mi}\n      limits: {memory: 256Mi}\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    resources:\n      requests: {memory: 256Mi}\n      limits: {memory: 256Mi}\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  fixable: 'suggestion',
  messages: {
    below: 'Container "{{container}}" has a {{resource}} limit ({{limit}}) lower than its request ({{request}}): the API server rejects this pod, so none is created. Raise the limit to at least {{request}} or lower the request.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    if (!template) return;
    for (const c of containersOf(template)) {
      const r = resourcesOf(c);
      for (const [resource, rawLimit] of Object.entries(r.limits)) {
        const limit = parseQuantityMilli(rawLimit);
        const request = parseQuantityMilli(r.requests[resource]);
        if (limit === undefined || request === undefined || limit >= request) continue;
        const path = [...c.path, 'resources', 'limits', resource];
        const requestText = resource === 'cpu' && typeof r.requests[resource] === 'number' ? formatCpu(request) : String(r.requests[resource]);
        ctx.report({
          path,
          messageId: 'below',
          data: { container: c.name, resource, limit: String(rawLimit), request: requestText },
          suggestions: [{ title: `Raise the ${resource} limit to the request (${requestText})`, ops: [{ op: 'set', path, value: r.requests[resource] }] }],
        });
      }
    }
  },
});
