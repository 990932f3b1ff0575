/**
 * @fileoverview no-replicas-with-hpa: a workload scaled by a HorizontalPodAutoscaler leaves
 * `replicas` to it.
 */
import { defineRule } from '../types';
import { hpasFor } from './workload-helpers';

export default defineRule({
  id: 'no-replicas-with-hpa',
  category: 'reliability',
  severity: 'warning',
  title: 'Workloads scaled by an HPA should not set replicas',
  docs: {
    description: 'Reports Deployments and StatefulSets that set `spec.replicas` while a HorizontalPodAutoscaler of the inputs scales them.',
    rationale: 'Every `kubectl apply` of the manifest resets the replica count to `replicas`, undoing the HPA: a workload scaled to 10 under load drops to 2 for a while on each deploy.',
    remediation: 'Remove `spec.replicas` from the manifest. On a live Deployment created with `kubectl apply`, first run `kubectl apply edit-last-applied` to drop it from the last-applied annotation, or the next apply briefly scales the workload down to 1.',
    references: ['https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#migrating-deployments-and-statefulsets-to-horizontal-autoscaling'],
  },
  kinds: ['Deployment', 'StatefulSet'],
  fixable: 'suggestion',
  messages: {
    replicas: 'This {{kind}} sets replicas while the HorizontalPodAutoscaler "{{hpa}}" scales it: each kubectl apply resets the count to {{replicas}} and undoes the autoscaling. Remove spec.replicas.',
  },
  check(ctx) {
    const spec = ctx.manifest.object.spec as Record<string, unknown> | undefined;
    if (!spec || spec.replicas === undefined || spec.replicas === null) return;
    const hpas = hpasFor(ctx.index, ctx.manifest);
    if (hpas.length === 0) return;
    ctx.report({
      path: ['spec', 'replicas'],
      messageId: 'replicas',
      data: { kind: ctx.manifest.kind, hpa: hpas[0]!.name, replicas: String(spec.replicas) },
      related: [{ manifest: hpas[0]!, path: ['spec', 'scaleTargetRef', 'name'], message: `HorizontalPodAutoscaler "${hpas[0]!.name}" scales this ${ctx.manifest.kind}` }],
      suggestions: [{ title: 'Remove spec.replicas (see the rule\'s docs before applying to a live Deployment)', ops: [{ op: 'remove', path: ['spec', 'replicas'] }] }],
    });
  },
});
