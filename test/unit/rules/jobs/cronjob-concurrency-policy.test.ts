import rule from '../../../../src/core/rules/jobs/cronjob-concurrency-policy';
import { runRuleTests } from '../../../helpers/rule-tester';

const cron = (extra: string): string => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 3 * * *"
${extra}  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: backup
            image: app:1.0
`;

runRuleTests(rule, {
  valid: [cron('  concurrencyPolicy: Forbid\n'), cron('  concurrencyPolicy: Allow\n')],
  invalid: [
    {
      code: cron(''),
      errors: [{
        messageId: 'missing', line: 5, column: 1, endLine: 5, endColumn: 5,
        suggestions: [cron('  concurrencyPolicy: Forbid\n'), cron('  concurrencyPolicy: Replace\n'), cron('  concurrencyPolicy: Allow\n')],
      }],
      output: null,
    },
  ],
});
