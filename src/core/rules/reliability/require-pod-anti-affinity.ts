/**
 * @fileoverview require-pod-anti-affinity: a multi-replica workload spreads its pods across
 * nodes (pod anti-affinity or topology spread constraints).
 */
import { podTemplateOf } from '../../model/pod-template';
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';
import { minimumReplicas } from './workload-helpers';

export default defineRule({
  id: 'require-pod-anti-affinity',
  category: 'reliability',
  severity: 'info',
  title: 'Multi-replica workloads should spread their pods across nodes',
  docs: {
    description: 'Reports Deployments and StatefulSets that run 2 replicas or more (or whose HPA starts from 2) with neither `affinity.podAntiAffinity` nor `topologySpreadConstraints` in their pod template.',
    rationale: 'The scheduler only prefers spreading pods of the same workload; under pressure it can put every replica on the same node, and losing that node then loses them all. Anti-affinity or a topology spread constraint makes the spreading explicit.',
    remediation: 'Add a `topologySpreadConstraints` entry with `topologyKey: kubernetes.io/hostname`, `maxSkew: 1`, `whenUnsatisfiable: ScheduleAnyway` and the pods\' labels as `labelSelector` (or a preferred pod anti-affinity on the same key).',
    references: ['https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/', 'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity'],
  },
  kinds: ['Deployment', 'StatefulSet'],
  fixable: 'suggestion',
  messages: {
    missing: 'This {{kind}} runs {{replicas}} replicas with no pod anti-affinity or topology spread constraint: they can all land on one node and go down with it. Spread them with topologySpreadConstraints on kubernetes.io/hostname.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    const replicas = minimumReplicas(ctx.index, ctx.manifest);
    if (!template || replicas === undefined || replicas < 2) return;
    const spec = template.spec as unknown as Record<string, unknown>;
    const affinity = isRecord(spec.affinity) ? spec.affinity : {};
    if (isRecord(affinity.podAntiAffinity) || (Array.isArray(spec.topologySpreadConstraints) && spec.topologySpreadConstraints.length > 0)) return;
    const selector = isRecord(ctx.manifest.object.spec) ? ctx.manifest.object.spec.selector : undefined;
    const matchLabels = isRecord(selector) && isRecord(selector.matchLabels) ? selector.matchLabels : undefined;
    ctx.report({
      path: ['metadata', 'name'],
      messageId: 'missing',
      data: { kind: ctx.manifest.kind, replicas },
      ...(matchLabels ? {
        suggestions: [{
          title: 'Spread the pods across nodes (topologySpreadConstraints, ScheduleAnyway)',
          ops: [{ op: 'set', path: [...template.specPath, 'topologySpreadConstraints'], value: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels } }] }],
        }],
      } : {}),
    });
  },
});
