/**
 * @fileoverview cronjob-history-limits: a CronJob keeps some finished Jobs to look at, and not
 * too many.
 */
import { defineRule } from '../types';
import { cronSpecOf } from './job-helpers';

interface Options {
  /** Limits above this are "very large". */
  max: number;
}

const FIELDS = [
  { field: 'successfulJobsHistoryLimit', what: 'successful' },
  { field: 'failedJobsHistoryLimit', what: 'failed' },
] as const;

export default defineRule<'zeroFailed' | 'zeroSuccessful' | 'tooLarge', Options>({
  id: 'cronjob-history-limits',
  category: 'jobs',
  severity: 'info',
  title: 'CronJob history limits should keep a few Jobs',
  docs: {
    description: 'Reports a `failedJobsHistoryLimit` of 0 (warning) or `successfulJobsHistoryLimit` of 0 (info), and either limit above the `max` option (default 10).',
    rationale: 'The history is where you read what a run did: with `failedJobsHistoryLimit: 0` a failed run and its pod (and logs) disappear at once, so failures cannot be investigated. A very large history keeps as many Jobs and pods, which slows `kubectl get` and the controller and counts against quotas.',
    remediation: 'Keep the defaults (3 successful, 1 failed) or small numbers; ship logs elsewhere if you need a longer record.',
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#jobs-history-limits'],
    examples: {
      invalid: ['apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: r\nspec:\n  schedule: "0 3 * * *"\n  failedJobsHistoryLimit: 0\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: r\n            image: app:1.0\n'],
      valid: ['apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: r\nspec:\n  schedule: "0 3 * * *"\n  failedJobsHistoryLimit: 3\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: r\n            image: app:1.0\n'],
    },
  },
  kinds: ['CronJob'],
  options: {
    schema: { type: 'object', properties: { max: { type: 'integer', minimum: 1 } }, additionalProperties: false },
    defaults: { max: 10 },
  },
  messages: {
    zeroFailed: 'failedJobsHistoryLimit 0 deletes a failed run and its pod at once: its logs are gone before anyone can read why it failed. Keep at least 1.',
    zeroSuccessful: 'successfulJobsHistoryLimit 0 deletes each successful run at once: nothing shows that the CronJob ran or what it printed. Keep 1 to 3.',
    tooLarge: '{{field}} {{value}} keeps {{value}} {{what}} Jobs and their pods: they slow kubectl and the controller and count against quotas. Keep at most {{max}}.',
  },
  check(ctx) {
    const spec = cronSpecOf(ctx.manifest);
    if (!spec) return;
    for (const { field, what } of FIELDS) {
      const value = spec[field];
      if (typeof value !== 'number') continue;
      if (value === 0) {
        ctx.report({ path: ['spec', field], messageId: what === 'failed' ? 'zeroFailed' : 'zeroSuccessful', ...(what === 'failed' ? { severity: 'warning' as const } : {}) });
      } else if (value > ctx.options.max) {
        ctx.report({ path: ['spec', field], messageId: 'tooLarge', data: { field, value, what, max: ctx.options.max } });
      }
    }
  },
});
