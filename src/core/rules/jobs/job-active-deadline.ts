/**
 * @fileoverview job-active-deadline: a Job or CronJob bounds how long a run may take.
 */
import { defineRule } from '../types';
import { jobSpecOf, missingAt } from './job-helpers';

export default defineRule({
  id: 'job-active-deadline',
  category: 'jobs',
  severity: 'info',
  title: 'A Job should bound its run time with activeDeadlineSeconds',
  docs: {
    description: 'Reports a Job or CronJob whose JobSpec has no `activeDeadlineSeconds`.',
    rationale: 'Without a deadline, a run that hangs (a lock never released, a remote service that never answers) runs forever: it holds its resources and, for a CronJob with `concurrencyPolicy: Forbid`, blocks every later run. `backoffLimit` only counts failures, not hangs.',
    remediation: 'Set `activeDeadlineSeconds` to a generous upper bound of the run time (for example twice the longest run seen); the Job is then marked failed with reason DeadlineExceeded and its pods are stopped.',
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/job/#job-termination-and-cleanup'],
    examples: {
      invalid: ['apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: report\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: report\n        image: app:1.0\n'],
      valid: ['apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: report\nspec:\n  activeDeadlineSeconds: 600\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: report\n        image: app:1.0\n'],
    },
  },
  kinds: ['Job', 'CronJob'],
  messages: {
    missing: 'This {{kind}} sets no activeDeadlineSeconds: a run that hangs runs forever, holding its resources{{cron}}. Set activeDeadlineSeconds to an upper bound of the run time.',
  },
  check(ctx) {
    const job = jobSpecOf(ctx.manifest);
    if (!job || job.spec.activeDeadlineSeconds !== undefined) return;
    const cron = ctx.manifest.kind === 'CronJob' ? ' and possibly blocking the next runs' : '';
    ctx.report({ ...missingAt(job), messageId: 'missing', data: { kind: ctx.manifest.kind, cron } });
  },
});
