/**
 * @fileoverview no-hpa-min-equals-max: a HorizontalPodAutoscaler has room to scale.
 */
import { defineRule } from '../types';
import { hpaBounds } from './hpa-helpers';

export default defineRule({
  id: 'no-hpa-min-equals-max',
  category: 'reliability',
  severity: 'warning',
  title: 'HorizontalPodAutoscalers should have room to scale',
  docs: {
    description: 'Reports HorizontalPodAutoscalers whose `minReplicas` (1 when unset) equals `maxReplicas`, or exceeds it.',
    rationale: 'With equal bounds, the HPA never changes the replica count: it only adds a moving part (and its metrics pipeline) that does nothing; with min above max, the API server rejects it.',
    remediation: 'Raise `maxReplicas` above `minReplicas`, or delete the HPA and set the Deployment\'s `replicas`.',
    references: ['https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/'],
    examples: {
      invalid: ['apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 3\n  maxReplicas: 3\n'],
      valid: ['apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 3\n  maxReplicas: 6\n'],
    },
  },
  kinds: ['HorizontalPodAutoscaler'],
  messages: {
    equal: 'This HorizontalPodAutoscaler has minReplicas equal to maxReplicas ({{max}}): it can never scale. Raise maxReplicas, or drop the HPA and set replicas on the workload.',
    inverted: 'This HorizontalPodAutoscaler has minReplicas ({{min}}) above maxReplicas ({{max}}): the API server rejects it. Make maxReplicas at least minReplicas.',
  },
  check(ctx) {
    const { min, max } = hpaBounds(ctx.manifest);
    if (max === undefined || min < max) return;
    ctx.report({ path: ['spec', 'maxReplicas'], messageId: min === max ? 'equal' : 'inverted', data: { min, max } });
  },
});
