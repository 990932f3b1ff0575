/**
 * @fileoverview cronjob-suspended: a CronJob written with `suspend: true` never runs.
 */
import { defineRule } from '../types';
import { cronSpecOf } from './job-helpers';

export default defineRule({
  id: 'cronjob-suspended',
  category: 'jobs',
  severity: 'info',
  title: 'A suspended CronJob does not run',
  docs: {
    description: 'Reports a CronJob with `spec.suspend: true`.',
    rationale: 'A suspended CronJob creates no Job: it is easy to commit a temporary pause and forget it. When it is resumed, runs missed during the pause may start at once if `startingDeadlineSeconds` allows.',
    remediation: 'Remove `suspend: true` (or set it to false) when the pause is over; if the CronJob is no longer needed, delete it.',
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-suspension'],
    examples: {
      invalid: ['apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: r\nspec:\n  schedule: "0 3 * * *"\n  suspend: true\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: r\n            image: app:1.0\n'],
      valid: ['apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: r\nspec:\n  schedule: "0 3 * * *"\n  suspend: false\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: r\n            image: app:1.0\n'],
    },
  },
  kinds: ['CronJob'],
  messages: {
    suspended: 'This CronJob is suspended: it creates no Job until suspend is removed. Remove suspend: true when the pause is over.',
  },
  check(ctx) {
    const spec = cronSpecOf(ctx.manifest);
    if (spec?.suspend === true) ctx.report({ path: ['spec', 'suspend'], messageId: 'suspended' });
  },
});
