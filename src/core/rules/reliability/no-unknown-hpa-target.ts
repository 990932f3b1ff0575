/**
 * @fileoverview no-unknown-hpa-target: a HorizontalPodAutoscaler scales a workload that exists
 * among the inputs.
 */
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';
import { SCALED_KINDS } from './workload-helpers';

export default defineRule({
  id: 'no-unknown-hpa-target',
  category: 'reliability',
  severity: 'warning',
  title: 'HorizontalPodAutoscalers should target an existing workload',
  docs: {
    description: 'Reports HorizontalPodAutoscalers whose `scaleTargetRef` names a Deployment, StatefulSet, ReplicaSet or ReplicationController that is not among the inputs in the same namespace: an error when the namespace is fully described (its Namespace object is among the inputs), information otherwise.',
    rationale: 'An HPA whose target does not exist does nothing: its status says FailedGetScale and the workload it was meant to scale (often a typo away) keeps its fixed replica count.',
    remediation: 'Fix `scaleTargetRef.kind` and `scaleTargetRef.name` (and put the HPA in the workload\'s namespace).',
    references: ['https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/'],
  },
  kinds: ['HorizontalPodAutoscaler'],
  messages: {
    missing: 'This HorizontalPodAutoscaler scales the {{kind}} "{{name}}", which is not among the inputs in namespace "{{namespace}}": it would scale nothing. Check scaleTargetRef.kind and scaleTargetRef.name.',
  },
  check(ctx) {
    const spec = ctx.manifest.object.spec;
    const ref = isRecord(spec) ? spec.scaleTargetRef : undefined;
    if (!isRecord(ref) || typeof ref.kind !== 'string' || typeof ref.name !== 'string' || ctx.namespace === undefined) return;
    if (!SCALED_KINDS.includes(ref.kind)) return;
    if (ctx.index.find(ref.kind, ctx.namespace, ref.name).length > 0) return;
    ctx.report({
      path: ['spec', 'scaleTargetRef', 'name'],
      messageId: 'missing',
      data: { kind: ref.kind, name: ref.name, namespace: ctx.namespace },
      severity: ctx.index.isNamespaceDescribed(ctx.namespace) ? 'error' : 'info',
    });
  },
});
