import rule from '../../../../src/core/rules/jobs/cronjob-every-minute';
import { runRuleTests } from '../../../helpers/rule-tester';

const cron = (schedule: string): string => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: poll
spec:
  schedule: ${schedule}
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: poll
            image: app:1.0
`;

runRuleTests(rule, {
  valid: [cron('"*/2 * * * *"'), cron('"* 3 * * *"'), cron('"@hourly"'), cron('"@every 5m"'), cron('"not a schedule"')],
  invalid: [
    { code: cron('"* * * * *"'), errors: [{ messageId: 'everyMinute', line: 6, column: 13, endLine: 6, endColumn: 24 }], output: null },
    { code: cron('"*/1 * * * 1-5"'), errors: [{ messageId: 'everyMinute', line: 6, column: 13, endLine: 6, endColumn: 28 }], output: null },
    { code: cron('"@every 30s"'), errors: [{ messageId: 'everyMinute', line: 6, column: 13, endLine: 6, endColumn: 25 }], output: null },
  ],
});
