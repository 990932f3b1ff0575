/**
 * @fileoverview cronjob-time-zone: a CronJob's `timeZone` is an IANA name the controller knows,
 * and the time zone is not written inside `schedule` (`TZ=`, `CRON_TZ=`).
 */
import { checkTimeZone, parseSchedule } from '../../model/cron';
import { defineRule, type RuleFix } from '../types';
import { cronSpecOf } from './job-helpers';

export default defineRule({
  id: 'cronjob-time-zone',
  category: 'jobs',
  severity: 'error',
  title: 'A CronJob time zone should be a valid timeZone',
  docs: {
    description: 'Reports a `spec.timeZone` that is not an IANA time zone name as the controller reads it (exact capitals, not `Local`), and a `TZ=` or `CRON_TZ=` prefix inside `spec.schedule`.',
    rationale: 'The API server refuses an unknown time zone, and since Kubernetes 1.29 it also refuses to create a CronJob with `TZ=`/`CRON_TZ=` in the schedule (they were never supported; updates of existing ones only warn). Without `timeZone`, schedules follow the time zone of kube-controller-manager, usually UTC: "0 9 * * *" then runs at 10:00 or 11:00 in Paris depending on the season.',
    remediation: 'Move the zone to `spec.timeZone` with its IANA name (`Europe/Paris`, `America/Montreal`, `Etc/UTC`), spelt with its capitals; `kubeplan lint --fix` does both (the meaning of the schedule does not change).',
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones', 'https://en.wikipedia.org/wiki/List_of_tz_database_time_zones'],
    examples: {
      invalid: ['apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: "CRON_TZ=Europe/Paris 0 9 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: report\n            image: app:1.0\n'],
      valid: ['apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: "0 9 * * *"\n  timeZone: Europe/Paris\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: report\n            image: app:1.0\n'],
    },
  },
  kinds: ['CronJob'],
  fixable: 'safe',
  messages: {
    unknown: '"{{zone}}" is not a time zone the CronJob controller knows: the API server refuses this CronJob. Use an IANA name such as Europe/Paris or Etc/UTC.',
    wrongCase: '"{{zone}}" must be spelt "{{suggestion}}": the controller reads time zone names with their exact capitals, so the API server refuses this one. Write {{suggestion}}.',
    local: '"{{zone}}" is not allowed: the time zone must be explicit. Use an IANA name such as Europe/Paris or Etc/UTC.',
    inSchedule: '{{prefix}} inside the schedule is not supported: since Kubernetes 1.29 the API server refuses to create a CronJob with it (existing ones only get a warning). Move the zone to spec.timeZone.',
  },
  check(ctx) {
    const spec = cronSpecOf(ctx.manifest);
    if (!spec) return;
    if (typeof spec.schedule === 'string') {
      const parsed = parseSchedule(spec.schedule);
      if (!parsed.ok && parsed.error.problem === 'timeZoneInSchedule') {
        const [start, end] = parsed.error.slice;
        const prefix = spec.schedule.slice(start, end);
        const zone = prefix.slice(prefix.indexOf('=') + 1);
        const rest = spec.schedule.slice(end).trim();
        // The same zone, where the API server accepts it: what the schedule meant, so a safe fix.
        const fix: RuleFix | undefined = spec.timeZone === undefined && zone && rest && checkTimeZone(zone).ok
          ? { title: `Move ${zone} to spec.timeZone`, ops: [{ op: 'set', path: ['spec', 'schedule'], value: rest }, { op: 'set', path: ['spec', 'timeZone'], value: zone, after: ['schedule'] }] }
          : undefined;
        ctx.report({ path: ['spec', 'schedule'], slice: [start, end], messageId: 'inSchedule', data: { prefix }, ...(fix ? { fix } : {}) });
      }
    }
    if (spec.timeZone === undefined || spec.timeZone === null) return;
    const zone = String(spec.timeZone);
    const check = checkTimeZone(zone);
    if (check.ok) return;
    if (check.reason === 'case' && check.suggestion) {
      ctx.report({
        path: ['spec', 'timeZone'], messageId: 'wrongCase', data: { zone, suggestion: check.suggestion },
        fix: { title: `Write ${check.suggestion}`, ops: [{ op: 'set', path: ['spec', 'timeZone'], value: check.suggestion }] },
      });
    } else {
      ctx.report({ path: ['spec', 'timeZone'], messageId: check.reason === 'local' ? 'local' : 'unknown', data: { zone } });
    }
  },
});
