/**
 * @fileoverview no-blocking-pod-disruption-budget: a PodDisruptionBudget allows at least one
 * eviction, so nodes can be drained.
 */
import { REPLICATED_KINDS } from '../../model/pod-template';
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';
import { hpasFor, intOrPercent, replicasOf } from './workload-helpers';

export default defineRule({
  id: 'no-blocking-pod-disruption-budget',
  category: 'reliability',
  severity: 'warning',
  title: 'PodDisruptionBudgets should allow evictions',
  docs: {
    description: 'Reports PodDisruptionBudgets that allow no voluntary eviction: `maxUnavailable: 0` (or `0%`), `minAvailable: 100%`, or a `minAvailable` at least as large as the replicas of the workloads it selects among the inputs.',
    rationale: 'Such a budget blocks `kubectl drain` forever: node upgrades, k3s upgrades and cluster autoscaler scale-downs hang until someone deletes the budget by hand.',
    remediation: 'Use `maxUnavailable: 1` (it adapts to the replica count), or a `minAvailable` lower than the number of replicas.',
    references: ['https://kubernetes.io/docs/tasks/run-application/configure-pdb/#think-about-how-your-application-reacts-to-disruptions', 'https://kubernetes.io/docs/concepts/workloads/pods/disruptions/'],
    examples: {
      invalid: ['apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 0\n  selector:\n    matchLabels: {app: web}\n'],
      valid: ['apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: web}\n'],
    },
  },
  kinds: ['PodDisruptionBudget'],
  fixable: 'suggestion',
  messages: {
    zeroUnavailable: 'This PodDisruptionBudget allows no pod to be unavailable (maxUnavailable: {{value}}): no pod it covers can ever be evicted, so node drains hang. Use maxUnavailable: 1.',
    allAvailable: 'This PodDisruptionBudget requires every pod to stay available (minAvailable: {{value}}): no pod it covers can ever be evicted, so node drains hang. Use maxUnavailable: 1.',
    minAtReplicas: 'This PodDisruptionBudget requires {{value}} pods available but {{workload}} runs only {{replicas}}: no pod can be evicted, so node drains hang. Use maxUnavailable: 1 or a lower minAvailable.',
  },
  check(ctx) {
    const spec = ctx.manifest.object.spec;
    if (!isRecord(spec)) return;
    const fix = (path: string[]) => ({ suggestions: [{ title: 'Use maxUnavailable: 1', ops: [{ op: 'rename' as const, path, key: 'maxUnavailable' }, { op: 'set' as const, path: ['spec', 'maxUnavailable'], value: 1 }] }] });
    const maxUnavailable = intOrPercent(spec.maxUnavailable);
    if (maxUnavailable && ('count' in maxUnavailable ? maxUnavailable.count === 0 : maxUnavailable.percent === 0)) {
      ctx.report({ path: ['spec', 'maxUnavailable'], messageId: 'zeroUnavailable', data: { value: String(spec.maxUnavailable) }, suggestions: [{ title: 'Use maxUnavailable: 1', ops: [{ op: 'set', path: ['spec', 'maxUnavailable'], value: 1 }] }] });
      return;
    }
    const minAvailable = intOrPercent(spec.minAvailable);
    if (!minAvailable) return;
    if ('percent' in minAvailable) {
      if (minAvailable.percent >= 100) ctx.report({ path: ['spec', 'minAvailable'], messageId: 'allAvailable', data: { value: String(spec.minAvailable) }, ...fix(['spec', 'minAvailable']) });
      return;
    }
    if (ctx.namespace === undefined) return;
    const selected = ctx.index.selectWithLabelSelector(ctx.namespace, spec.selector).filter((h) => REPLICATED_KINDS.includes(h.manifest.kind));
    if (selected.length === 0 || selected.some((h) => hpasFor(ctx.index, h.manifest).length > 0)) return;
    let total = 0;
    for (const h of selected) {
      const r = replicasOf(h.manifest);
      if (r === undefined) return;
      total += r;
    }
    if (minAvailable.count < total) return;
    const workload = selected.length === 1 ? `the ${selected[0]!.manifest.kind} "${selected[0]!.manifest.name}"` : `the ${selected.length} workloads it selects`;
    ctx.report({
      path: ['spec', 'minAvailable'], messageId: 'minAtReplicas', data: { value: minAvailable.count, workload, replicas: total },
      related: selected.map((h) => ({ manifest: h.manifest, path: h.manifest.object.spec && isRecord(h.manifest.object.spec) && h.manifest.object.spec.replicas !== undefined ? ['spec', 'replicas'] : ['metadata', 'name'], message: `${h.manifest.kind} "${h.manifest.name}" runs ${replicasOf(h.manifest)} replica(s)` })),
      ...fix(['spec', 'minAvailable']),
    });
  },
});
