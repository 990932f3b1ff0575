import rule from '../../../../src/core/rules/jobs/cronjob-schedule';
import { runRuleTests } from '../../../helpers/rule-tester';

const cron = (schedule: string): string => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: ${schedule}
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: report
            image: app:1.0
`;

// Columns: `  schedule: ` is 12 characters, so a plain value starts at column 13, a quoted one's text at 14.
runRuleTests(rule, {
  valid: [
    cron('"30 2 * * 1-5"'),
    cron('"*/15 * * * *"'),
    cron('"0 0 1,15 JAN-jun ?"'),
    cron('"0 9-17/2 * * MON-FRI"'),
    cron('"5/10 * * * *"'),
    cron('"@hourly"'),
    cron('"@every 1h30m"'),
    cron('\'0 3 * * sun\''),
    { name: 'a time zone prefix is cronjob-time-zone\'s business', code: cron('"TZ=Europe/Paris 0 3 * * *"') },
  ],
  invalid: [
    {
      name: '7 for Sunday',
      code: cron('"0 0 * * 7"'),
      errors: [{ messageId: 'invalid', line: 6, column: 22, endLine: 6, endColumn: 23, messageIncludes: ['day of week field', 'Sunday is 0'] }],
      output: null,
    },
    {
      name: 'minute out of range, plain scalar',
      code: cron('60 * * * *'),
      errors: [{ messageId: 'invalid', line: 6, column: 13, endLine: 6, endColumn: 15, messageIncludes: ['minute field', '0-59'] }],
      output: null,
    },
    {
      name: 'six fields (seconds)',
      code: cron('"0 */5 * * * *"'),
      errors: [{ messageId: 'invalid', line: 6, column: 26, endLine: 6, endColumn: 27, messageIncludes: ['this one has 6'] }],
      output: null,
    },
    {
      name: 'four fields: the whole schedule',
      code: cron('"0 3 * *"'),
      errors: [{ messageId: 'invalid', line: 6, column: 14, endLine: 6, endColumn: 21, messageIncludes: ['this one has 4'] }],
      output: null,
    },
    {
      name: 'bad month name',
      code: cron('"0 3 1 JANV *"'),
      errors: [{ messageId: 'invalid', line: 6, column: 20, endLine: 6, endColumn: 24, messageIncludes: ['month field', '"JANV"'] }],
      output: null,
    },
    {
      name: 'step of zero',
      code: cron('"*/0 * * * *"'),
      errors: [{ messageId: 'invalid', line: 6, column: 15, endLine: 6, endColumn: 17, messageIncludes: ['step "0"'] }],
      output: null,
    },
    {
      name: 'reversed range in the hour',
      code: cron('"0 18-8 * * *"'),
      errors: [{ messageId: 'invalid', line: 6, column: 16, endLine: 6, endColumn: 20, messageIncludes: ['hour field', 'starts after it ends'] }],
      output: null,
    },
    {
      name: 'unknown macro',
      code: cron('"@weekdays"'),
      errors: [{ messageId: 'invalid', line: 6, column: 14, endLine: 6, endColumn: 23, messageIncludes: ['@weekdays'] }],
      output: null,
    },
    {
      name: 'Quartz L',
      code: cron('"0 0 L * *"'),
      errors: [{ messageId: 'invalid', line: 6, column: 18, endLine: 6, endColumn: 19, messageIncludes: ['day of month field'] }],
      output: null,
    },
    {
      name: 'escaped text: the whole value',
      code: cron('"0 0 * * \\u0037"'),
      errors: [{ messageId: 'invalid', line: 6, column: 13, endLine: 6, endColumn: 29 }],
      output: null,
    },
    {
      name: 'not a string',
      code: cron('5'),
      errors: [{ messageId: 'notString', line: 6, column: 13, endLine: 6, endColumn: 14 }],
      output: null,
    },
  ],
});
