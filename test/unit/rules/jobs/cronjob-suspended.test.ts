import rule from '../../../../src/core/rules/jobs/cronjob-suspended';
import { runRuleTests } from '../../../helpers/rule-tester';

const cron = (extra: string): string => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: r
spec:
  schedule: "0 3 * * *"
${extra}  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: r
            image: app:1.0
`;

runRuleTests(rule, {
  valid: [cron(''), cron('  suspend: false\n')],
  invalid: [{ code: cron('  suspend: true\n'), errors: [{ messageId: 'suspended', line: 7, column: 12, endLine: 7, endColumn: 16 }], output: null }],
});
