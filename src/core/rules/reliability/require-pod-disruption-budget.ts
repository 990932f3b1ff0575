/**
 * @fileoverview require-pod-disruption-budget: a workload that runs several replicas has a
 * PodDisruptionBudget among the inputs, so node drains keep some of them running.
 */
import { podLabels, podTemplateOf } from '../../model/pod-template';
import { defineRule } from '../types';
import { hasPdbFor, minimumReplicas } from './workload-helpers';

export default defineRule({
  id: 'require-pod-disruption-budget',
  category: 'reliability',
  severity: 'info',
  title: 'Multi-replica workloads should have a PodDisruptionBudget',
  docs: {
    description: 'Reports Deployments and StatefulSets that run 2 replicas or more (or whose HPA starts from 2) when no PodDisruptionBudget of the inputs selects their pods.',
    rationale: 'A node drain (an upgrade of k3s or of the nodes, a cluster autoscaler scale-down) evicts every pod of the node at once. Without a PodDisruptionBudget, all the replicas of a workload can be evicted together when they share a node or when several nodes are drained.',
    remediation: 'Add a PodDisruptionBudget with the workload\'s pod selector and `maxUnavailable: 1` (or a `minAvailable` lower than the replica count).',
    references: ['https://kubernetes.io/docs/tasks/run-application/configure-pdb/', 'https://kubernetes.io/docs/concepts/workloads/pods/disruptions/'],
  },
  kinds: ['Deployment', 'StatefulSet'],
  messages: {
    missing: 'This {{kind}} runs {{replicas}} replicas but no PodDisruptionBudget covers its pods: a node drain can evict all of them at once. Add a PodDisruptionBudget with maxUnavailable: 1 for these pods.',
  },
  check(ctx) {
    const template = podTemplateOf(ctx.manifest);
    const replicas = minimumReplicas(ctx.index, ctx.manifest);
    if (!template || replicas === undefined || replicas < 2 || ctx.namespace === undefined) return;
    const labels = podLabels(template);
    if (hasPdbFor(ctx.index, ctx.namespace, labels)) return;
    ctx.report({ path: ['metadata', 'name'], messageId: 'missing', data: { kind: ctx.manifest.kind, replicas } });
  },
});
