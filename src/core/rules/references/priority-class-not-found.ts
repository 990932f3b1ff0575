/**
 * @fileoverview priority-class-not-found: the PriorityClass a pod template names exists among
 * the inputs (or is a built-in one).
 */
import { POD_TEMPLATE_KINDS } from '../../model/pod-template';
import { defineRule } from '../types';
import { missingReferences } from './reference-helpers';

export default defineRule({
  id: 'priority-class-not-found',
  category: 'references',
  severity: 'warning',
  title: 'A pod\'s PriorityClass should exist',
  docs: {
    description: 'Reports a `priorityClassName` that names no PriorityClass among the inputs and is not one of the built-in `system-cluster-critical` and `system-node-critical`. PriorityClasses are cluster-scoped, so this is info: the class may already exist in the cluster.',
    rationale: 'The Priority admission plugin refuses a pod whose PriorityClass does not exist: the workload creates no pods.',
    remediation: 'Add the PriorityClass to the inputs (`kubectl get priorityclass` lists those of the cluster) or correct the name.',
    references: ['https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/'],
    examples: {
      invalid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  priorityClassName: high\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
      valid: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  priorityClassName: system-cluster-critical\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
    },
  },
  kinds: POD_TEMPLATE_KINDS,
  messages: {
    notFound: 'PriorityClass "{{name}}" is not found {{scope}}: the API server refuses pods whose PriorityClass does not exist. Add the PriorityClass or correct the name.',
  },
  check(ctx) {
    for (const m of missingReferences(ctx.index, ctx.manifest, 'PriorityClass')) {
      ctx.report({ path: m.reference.path, messageId: 'notFound', severity: m.severity, data: { name: m.reference.name, scope: m.scope } });
    }
  },
});
