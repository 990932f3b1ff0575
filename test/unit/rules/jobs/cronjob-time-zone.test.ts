import rule from '../../../../src/core/rules/jobs/cronjob-time-zone';
import { runRuleTests } from '../../../helpers/rule-tester';

const cron = (lines: string): string => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
${lines}  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: report
            image: app:1.0
`;

runRuleTests(rule, {
  valid: [
    cron('  schedule: "0 9 * * *"\n  timeZone: Europe/Paris\n'),
    cron('  schedule: "0 9 * * *"\n  timeZone: America/Montreal\n'),
    cron('  schedule: "0 9 * * *"\n  timeZone: Etc/UTC\n'),
    cron('  schedule: "0 9 * * *"\n'),
  ],
  invalid: [
    {
      name: 'CRON_TZ inside the schedule: move it',
      code: cron('  schedule: "CRON_TZ=Europe/Paris 0 9 * * *" # Paris office hours\n'),
      errors: [{ messageId: 'inSchedule', line: 6, column: 14, endLine: 6, endColumn: 34, messageIncludes: ['CRON_TZ=Europe/Paris'] }],
      // The value is rewritten, as a plain scalar: still the string "0 9 * * *".
      output: cron('  schedule: 0 9 * * * # Paris office hours\n  timeZone: Europe/Paris\n'),
    },
    {
      name: 'TZ with a timeZone already set: no suggestion',
      code: cron('  schedule: TZ=UTC 0 9 * * *\n  timeZone: Europe/Paris\n'),
      errors: [{ messageId: 'inSchedule', line: 6, column: 13, endLine: 6, endColumn: 19 }],
      output: null,
    },
    {
      name: 'an unknown zone in the schedule is not moved',
      code: cron('  schedule: "TZ=Mars/Olympus 0 9 * * *"\n'),
      errors: [{ messageId: 'inSchedule', line: 6, column: 14, endLine: 6, endColumn: 29 }],
      output: null,
    },
    {
      name: 'unknown zone',
      code: cron('  schedule: "0 9 * * *"\n  timeZone: Europe/Pariss\n'),
      errors: [{ messageId: 'unknown', line: 7, column: 13, endLine: 7, endColumn: 26, messageIncludes: ['"Europe/Pariss"'] }],
      output: null,
    },
    {
      name: 'wrong capitals',
      code: cron('  schedule: "0 9 * * *"\n  timeZone: europe/paris\n'),
      errors: [{ messageId: 'wrongCase', line: 7, column: 13, endLine: 7, endColumn: 25 }],
      output: cron('  schedule: "0 9 * * *"\n  timeZone: Europe/Paris\n'),
    },
    {
      name: 'Local',
      code: cron('  schedule: "0 9 * * *"\n  timeZone: Local\n'),
      errors: [{ messageId: 'local', line: 7, column: 13, endLine: 7, endColumn: 18 }],
      output: null,
    },
  ],
});
