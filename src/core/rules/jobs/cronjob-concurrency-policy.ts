/**
 * @fileoverview cronjob-concurrency-policy: a CronJob chooses what happens when a run is still
 * going at the next start time.
 */
import { defineRule, type RuleFix } from '../types';
import { cronSpecOf } from './job-helpers';

export default defineRule({
  id: 'cronjob-concurrency-policy',
  category: 'jobs',
  severity: 'info',
  title: 'A CronJob should choose its concurrencyPolicy',
  docs: {
    description: 'Reports a CronJob without `spec.concurrencyPolicy`.',
    rationale: 'The default, `Allow`, starts the next run even when the previous one is still running: slow runs pile up, compete for the same data (two backups writing the same file) and can take the cluster\'s resources. Most scheduled tasks want `Forbid` (skip a run while one is going) or `Replace` (stop the old run).',
    remediation: 'Set `concurrencyPolicy: Forbid` for tasks that must not overlap (backups, reports), `Replace` when only the newest run matters, or `Allow` explicitly when runs are independent.',
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#concurrency-policy'],
    examples: {
      invalid: ['apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: backup\n            image: app:1.0\n'],
      valid: ['apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: "0 3 * * *"\n  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: backup\n            image: app:1.0\n'],
    },
  },
  kinds: ['CronJob'],
  fixable: 'suggestion',
  messages: {
    missing: 'This CronJob sets no concurrencyPolicy, so the default Allow starts a new run even while the previous one is still running: slow runs pile up. Choose Forbid, Replace, or Allow explicitly.',
  },
  check(ctx) {
    const spec = cronSpecOf(ctx.manifest);
    if (!spec || spec.concurrencyPolicy !== undefined) return;
    const suggestions: RuleFix[] = ['Forbid', 'Replace', 'Allow'].map((value) => ({
      title: `Set concurrencyPolicy: ${value}`,
      ops: [{ op: 'set', path: ['spec', 'concurrencyPolicy'], value, after: ['timeZone', 'schedule'] }],
    }));
    ctx.report({ path: ['spec'], target: 'key', messageId: 'missing', suggestions });
  },
});
