import rule from '../../../../src/core/rules/jobs/job-restart-policy';
import { runRuleTests } from '../../../helpers/rule-tester';

const job = (policy: string): string => `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
${policy}      containers:
      - name: migrate
        image: app:1.0
`;

runRuleTests(rule, {
  valid: [
    job('      restartPolicy: Never\n'),
    job('      restartPolicy: OnFailure\n'),
    { name: 'a Deployment may restart Always', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels: {app: d}\n  template:\n    metadata:\n      labels: {app: d}\n    spec:\n      containers:\n      - name: d\n        image: app:1.0\n' },
  ],
  invalid: [
    {
      code: job('      restartPolicy: Always # copied from a Deployment\n'),
      errors: [{
        messageId: 'always', line: 8, column: 22, endLine: 8, endColumn: 28, messageIncludes: ['Job'],
        suggestions: [
          job('      restartPolicy: OnFailure # copied from a Deployment\n'),
          job('      restartPolicy: Never # copied from a Deployment\n'),
        ],
      }],
      output: null,
    },
    {
      code: job(''),
      errors: [{
        messageId: 'missing', line: 7, column: 5, endLine: 7, endColumn: 9,
        suggestions: [
          `${job('')}      restartPolicy: OnFailure\n`,
          `${job('')}      restartPolicy: Never\n`,
        ],
      }],
      output: null,
    },
    {
      name: 'CronJob',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: c\n            image: app:1.0\n',
      errors: [{ messageId: 'missing', line: 10, column: 9, endLine: 10, endColumn: 13, messageIncludes: ['CronJob'] }],
      output: null,
    },
  ],
});
