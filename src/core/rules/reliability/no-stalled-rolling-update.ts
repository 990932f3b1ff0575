/**
 * @fileoverview no-stalled-rolling-update: a rolling update may take a pod down or add one,
 * otherwise it cannot progress.
 */
import { isRecord } from '../../source/parse';
import { defineRule } from '../types';
import { intOrPercent, replicasOf } from './workload-helpers';

export default defineRule({
  id: 'no-stalled-rolling-update',
  category: 'reliability',
  severity: 'error',
  title: 'Rolling updates should be able to progress',
  docs: {
    description: 'Reports Deployments and DaemonSets whose `rollingUpdate` has both `maxUnavailable` and `maxSurge` at 0, written so (an error the API server rejects) or as percentages that round to 0 for the Deployment\'s replicas (maxSurge rounds up, maxUnavailable down).',
    rationale: 'A rolling update replaces pods by first adding new ones (surge) or first removing old ones (unavailable). With both at zero it can do neither: the API server refuses the object, and percentages that round to zero make the rollout wait forever.',
    remediation: 'Allow at least one: `maxSurge: 1` with `maxUnavailable: 0` keeps full capacity during the update; `maxUnavailable: 1` with `maxSurge: 0` needs no spare room on the nodes.',
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-update-deployment'],
    examples: {
      invalid: ['apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector: {matchLabels: {app: web}}\n  strategy:\n    rollingUpdate: {maxUnavailable: 0, maxSurge: 0}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n'],
      valid: ['apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector: {matchLabels: {app: web}}\n  strategy:\n    rollingUpdate: {maxUnavailable: 0, maxSurge: 1}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n'],
    },
  },
  kinds: ['Deployment', 'DaemonSet'],
  fixable: 'suggestion',
  messages: {
    bothZero: 'This rolling update allows neither an unavailable pod nor an extra one (maxUnavailable and maxSurge are 0): it cannot progress, and the API server rejects it. Set maxSurge: 1 (or maxUnavailable: 1).',
    roundsToZero: 'With {{replicas}} replicas, maxUnavailable {{maxUnavailable}} rounds down to 0 and maxSurge {{maxSurge}} rounds up to 0: the rolling update can neither add nor remove a pod and hangs. Use maxSurge: 1 (or a larger percentage).',
  },
  check(ctx) {
    const spec = ctx.manifest.object.spec;
    if (!isRecord(spec)) return;
    const strategyKey = ctx.manifest.kind === 'Deployment' ? 'strategy' : 'updateStrategy';
    const strategy = spec[strategyKey];
    if (!isRecord(strategy) || (strategy.type !== undefined && strategy.type !== 'RollingUpdate') || !isRecord(strategy.rollingUpdate)) return;
    const ru = strategy.rollingUpdate;
    // Defaults: 25% / 25% for Deployments, 1 / 0 for DaemonSets.
    const daemon = ctx.manifest.kind === 'DaemonSet';
    const unavailable = ru.maxUnavailable === undefined ? (daemon ? { count: 1 } : { percent: 25 }) : intOrPercent(ru.maxUnavailable);
    const surge = ru.maxSurge === undefined ? (daemon ? { count: 0 } : { percent: 25 }) : intOrPercent(ru.maxSurge);
    if (!unavailable || !surge) return;
    const base = ['spec', strategyKey, 'rollingUpdate'];
    const suggestion = { suggestions: [{ title: 'Allow one extra pod during updates (maxSurge: 1)', ops: [{ op: 'set' as const, path: [...base, 'maxSurge'], value: 1 }] }] };
    const at = ru.maxSurge !== undefined ? [...base, 'maxSurge'] : [...base, 'maxUnavailable'];
    const zero = (v: { count: number } | { percent: number }): boolean => ('count' in v ? v.count === 0 : v.percent === 0);
    if (zero(unavailable) && zero(surge)) {
      ctx.report({ path: at, messageId: 'bothZero', ...suggestion });
      return;
    }
    const replicas = replicasOf(ctx.manifest);
    if (daemon || replicas === undefined || replicas === 0) return;
    const down = 'count' in unavailable ? unavailable.count : Math.floor((unavailable.percent * replicas) / 100);
    const up = 'count' in surge ? surge.count : Math.ceil((surge.percent * replicas) / 100);
    if (down === 0 && up === 0) {
      ctx.report({ path: at, messageId: 'roundsToZero', data: { replicas, maxUnavailable: String(ru.maxUnavailable ?? '25%'), maxSurge: String(ru.maxSurge ?? '25%') }, ...suggestion });
    }
  },
});
