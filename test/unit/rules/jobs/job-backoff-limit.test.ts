import rule from '../../../../src/core/rules/jobs/job-backoff-limit';
import { runRuleTests } from '../../../helpers/rule-tester';

const job = (extra: string): string => `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
${extra}  template:
    spec:
      restartPolicy: Never
      containers:
      - name: migrate
        image: app:1.0
`;

runRuleTests(rule, {
  valid: [
    job('  backoffLimit: 3\n'),
    job('  backoffLimit: 0\n'),
    { name: 'per-index limit', code: job('  completionMode: Indexed\n  completions: 3\n  backoffLimitPerIndex: 1\n') },
    { name: 'max option', code: job('  backoffLimit: 50\n'), options: { max: 60 } },
  ],
  invalid: [
    {
      code: job(''),
      errors: [{ messageId: 'missing', line: 5, column: 1, endLine: 5, endColumn: 5, severity: 'info', messageIncludes: ['6 times'] }],
      output: null,
    },
    {
      code: job('  backoffLimit: 1000\n'),
      errors: [{ messageId: 'tooLarge', line: 6, column: 17, endLine: 6, endColumn: 21, severity: 'warning', messageIncludes: ['1000', 'at most 20'] }],
      output: null,
    },
  ],
});
