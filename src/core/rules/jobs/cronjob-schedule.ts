/**
 * @fileoverview cronjob-schedule: a CronJob's `schedule` is one the CronJob controller can read,
 * with the field at fault pointed at.
 */
import { parseSchedule } from '../../model/cron';
import { defineRule } from '../types';
import { cronSpecOf } from './job-helpers';

export default defineRule({
  id: 'cronjob-schedule',
  category: 'jobs',
  severity: 'error',
  title: 'A CronJob schedule should be valid',
  docs: {
    description: 'Checks `spec.schedule` the way the CronJob controller reads it: five fields (minute 0-59, hour 0-23, day of month 1-31, month 1-12 or JAN-DEC, day of week 0-6 or SUN-SAT), each a list of `*`, `?`, values and ranges with optional `/step`, or one of the macros `@yearly`, `@annually`, `@monthly`, `@weekly`, `@daily`, `@midnight`, `@hourly`, `@every <duration>`. The finding points at the field at fault. A time zone inside the schedule is cronjob-time-zone\'s business.',
    rationale: 'The API server refuses an invalid schedule, so the CronJob never exists; and several common cron dialects do not carry over: 6-field schedules with seconds (Spring, Quartz), `7` for Sunday, `L`, `W` and `#`.',
    remediation: 'Write the five fields `minute hour day-of-month month day-of-week` (e.g. `30 2 * * 1-5` for 02:30 on weekdays); use 0 for Sunday; drop a seconds field.',
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax'],
    examples: {
      invalid: ['apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: "0 0 * * 7"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: report\n            image: app:1.0\n'],
      valid: ['apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: "30 2 * * 1-5"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: report\n            image: app:1.0\n'],
    },
  },
  kinds: ['CronJob'],
  messages: {
    invalid: 'Invalid schedule: {{detail}}. The API server refuses it, so this CronJob never runs. Write five fields: minute hour day-of-month month day-of-week.',
    notString: 'The schedule must be a string in cron format (quote it): the API server refuses anything else.',
  },
  check(ctx) {
    const spec = cronSpecOf(ctx.manifest);
    if (!spec || spec.schedule === undefined || spec.schedule === null) return;
    if (typeof spec.schedule !== 'string') {
      ctx.report({ path: ['spec', 'schedule'], messageId: 'notString' });
      return;
    }
    const parsed = parseSchedule(spec.schedule);
    if (parsed.ok || parsed.error.problem === 'timeZoneInSchedule') return;
    ctx.report({ path: ['spec', 'schedule'], slice: parsed.error.slice, messageId: 'invalid', data: { detail: parsed.error.detail } });
  },
});
