/**
 * @fileoverview require-hpa-min-replicas: a HorizontalPodAutoscaler never scales its workload
 * below 2 replicas.
 */
import { defineRule } from '../types';
import { hpaBounds } from './hpa-helpers';

export default defineRule({
  id: 'require-hpa-min-replicas',
  category: 'reliability',
  severity: 'warning',
  title: 'HorizontalPodAutoscalers should keep at least 2 replicas',
  docs: {
    description: 'Reports HorizontalPodAutoscalers with `minReplicas` below 2 (unset means 1).',
    rationale: 'At night or on a quiet weekend, the HPA scales down to `minReplicas`: with 1, the workload loses its high availability exactly when fewer people are watching, and a node drain or a crash means downtime.',
    remediation: 'Set `minReplicas: 2` or more.',
    references: ['https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/', 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/horizontal-pod-autoscaler-v2/'],
    examples: {
      invalid: ['apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 5\n'],
      valid: ['apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 5\n'],
    },
  },
  kinds: ['HorizontalPodAutoscaler'],
  fixable: 'suggestion',
  messages: {
    low: 'This HorizontalPodAutoscaler can scale down to {{min}} replica: when traffic is low, one crash or node drain means downtime. Set minReplicas: 2 or more.',
  },
  check(ctx) {
    const { min, max, minWritten } = hpaBounds(ctx.manifest);
    if (min >= 2 || min === 0) return;
    ctx.report({
      path: minWritten ? ['spec', 'minReplicas'] : ['metadata', 'name'],
      messageId: 'low',
      data: { min },
      ...(max === undefined || max >= 2 ? { suggestions: [{ title: 'Set minReplicas: 2', ops: [{ op: 'set', path: ['spec', 'minReplicas'], value: 2, after: ['scaleTargetRef'] }] }] } : {}),
    });
  },
});
