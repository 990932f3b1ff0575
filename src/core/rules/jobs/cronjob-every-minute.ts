/**
 * @fileoverview cronjob-every-minute: a CronJob that fires every minute is probably a mistake
 * (or a Deployment in disguise).
 */
import { parseSchedule } from '../../model/cron';
import { defineRule } from '../types';
import { cronSpecOf } from './job-helpers';

export default defineRule({
  id: 'cronjob-every-minute',
  category: 'jobs',
  severity: 'info',
  title: 'A CronJob should not run every minute',
  docs: {
    description: 'Reports a CronJob whose schedule fires every minute (`* * * * *`, `*/1 * * * *`, `@every 1m`…).',
    rationale: 'Every minute is the most frequent a CronJob can run: each run creates a Job and a pod (scheduling, image check, start-up), which costs more than the work in many cases, and a run longer than a minute overlaps the next. It is also the classic leftover of a test schedule.',
    remediation: 'Use the real period (`*/15 * * * *`, `0 * * * *`); for work that must really run continuously, use a Deployment with a loop or a queue consumer.',
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax', 'https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#cron-job-limitations'],
    examples: {
      invalid: ['apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: poll\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: poll\n            image: app:1.0\n'],
      valid: ['apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: poll\nspec:\n  schedule: "*/15 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: poll\n            image: app:1.0\n'],
    },
  },
  kinds: ['CronJob'],
  messages: {
    everyMinute: 'This schedule runs every minute: each run creates a Job and a pod, and a run longer than a minute overlaps the next. Use the real period, or a Deployment for continuous work.',
  },
  check(ctx) {
    const spec = cronSpecOf(ctx.manifest);
    if (!spec || typeof spec.schedule !== 'string') return;
    const parsed = parseSchedule(spec.schedule);
    if (parsed.ok && parsed.value.everyMinute) ctx.report({ path: ['spec', 'schedule'], messageId: 'everyMinute' });
  },
});
