/**
 * @fileoverview job-backoff-limit: a Job or CronJob chooses how often a failing run is retried.
 */
import { defineRule } from '../types';
import { jobSpecOf, missingAt } from './job-helpers';

interface Options {
  /** Retries above this are "very large". */
  max: number;
}

export default defineRule<'missing' | 'tooLarge', Options>({
  id: 'job-backoff-limit',
  category: 'jobs',
  severity: 'info',
  title: 'A Job should choose its backoffLimit',
  docs: {
    description: 'Reports a Job or CronJob without `backoffLimit` (info: the default of 6 retries applies) and, as a warning, one above the `max` option (default 20). Jobs using `backoffLimitPerIndex` are not reported for a missing `backoffLimit`.',
    rationale: 'Each retry waits longer (10 s, 20 s, 40 s… up to 6 minutes): with the default 6, a broken Job keeps failing for about 10 minutes before it is marked failed; with a very large limit it keeps a node busy and floods the namespace with failed pods for hours. Choosing the number says how much failure the task tolerates.',
    remediation: 'Set `backoffLimit` explicitly: 0 to 3 for tasks that should fail fast (migrations, one-shot scripts), a larger number only for tasks that wait on something flaky.',
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-backoff-failure-policy'],
    examples: {
      invalid: ['apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  backoffLimit: 1000\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: migrate\n        image: app:1.0\n'],
      valid: ['apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  backoffLimit: 2\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: migrate\n        image: app:1.0\n'],
    },
  },
  kinds: ['Job', 'CronJob'],
  options: {
    schema: { type: 'object', properties: { max: { type: 'integer', minimum: 0 } }, additionalProperties: false },
    defaults: { max: 20 },
  },
  messages: {
    missing: 'This {{kind}} sets no backoffLimit, so a failing run is retried 6 times (about 10 minutes of back-off) before it fails. Set backoffLimit to the number of retries the task deserves.',
    tooLarge: 'backoffLimit {{value}} lets a failing {{kind}} retry for hours (back-off up to 6 minutes per attempt), keeping failed pods around. Lower it (at most {{max}}) and fix the cause of the failures.',
  },
  check(ctx) {
    const job = jobSpecOf(ctx.manifest);
    if (!job) return;
    const value = job.spec.backoffLimit;
    const kind = ctx.manifest.kind;
    if (value === undefined || value === null) {
      if (job.spec.backoffLimitPerIndex !== undefined) return;
      ctx.report({ ...missingAt(job), messageId: 'missing', data: { kind } });
    } else if (typeof value === 'number' && value > ctx.options.max) {
      ctx.report({ path: [...job.path, 'backoffLimit'], messageId: 'tooLarge', severity: 'warning', data: { kind, value, max: ctx.options.max } });
    }
  },
});
