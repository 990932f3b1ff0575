import rule from '../../../../src/core/rules/jobs/job-active-deadline';
import { runRuleTests } from '../../../helpers/rule-tester';

const cron = (extra: string): string => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
${extra}      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: report
            image: app:1.0
`;

runRuleTests(rule, {
  valid: [
    cron('      activeDeadlineSeconds: 600\n'),
    { name: 'a Pod is not a Job', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: p\n    image: app:1.0\n' },
  ],
  invalid: [
    {
      code: cron(''),
      errors: [{ messageId: 'missing', line: 8, column: 5, endLine: 8, endColumn: 9, messageIncludes: ['CronJob', 'blocking the next runs'] }],
      output: null,
    },
    {
      code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: j\n        image: app:1.0\n',
      errors: [{ messageId: 'missing', line: 5, column: 1, endLine: 5, endColumn: 5, messageIncludes: ['This Job'] }],
      output: null,
    },
  ],
});
