/**
 * @fileoverview cronjob-starting-deadline: `startingDeadlineSeconds` leaves the controller time
 * to start a run (10 seconds at least).
 */
import { defineRule } from '../types';
import { cronSpecOf } from './job-helpers';

export default defineRule({
  id: 'cronjob-starting-deadline',
  category: 'jobs',
  severity: 'warning',
  title: 'A CronJob startingDeadlineSeconds should be 10 seconds or more',
  docs: {
    description: 'Reports a CronJob whose `spec.startingDeadlineSeconds` is below 10.',
    rationale: 'The CronJob controller checks its schedules every 10 seconds: with a shorter deadline, a run can be missed just because the check came too late, and the CronJob may never run at all.',
    remediation: 'Set `startingDeadlineSeconds` to 10 or more (a few minutes is common), or remove it to start late runs whenever possible.',
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#starting-deadline'],
    examples: {
      invalid: ['apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: r\nspec:\n  schedule: "0 3 * * *"\n  startingDeadlineSeconds: 5\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: r\n            image: app:1.0\n'],
      valid: ['apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: r\nspec:\n  schedule: "0 3 * * *"\n  startingDeadlineSeconds: 300\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: r\n            image: app:1.0\n'],
    },
  },
  kinds: ['CronJob'],
  fixable: 'suggestion',
  messages: {
    tooShort: 'startingDeadlineSeconds {{value}} is shorter than the 10 seconds between two checks of the CronJob controller: runs can be missed, possibly all of them. Set it to 10 or more, or remove it.',
  },
  check(ctx) {
    const spec = cronSpecOf(ctx.manifest);
    const value = spec?.startingDeadlineSeconds;
    if (typeof value !== 'number' || value >= 10) return;
    ctx.report({
      path: ['spec', 'startingDeadlineSeconds'], messageId: 'tooShort', data: { value },
      suggestions: [{ title: 'Allow runs to start up to 5 minutes late', ops: [{ op: 'set', path: ['spec', 'startingDeadlineSeconds'], value: 300 }] }],
    });
  },
});
