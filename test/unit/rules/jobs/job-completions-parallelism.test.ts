import rule from '../../../../src/core/rules/jobs/job-completions-parallelism';
import { runRuleTests } from '../../../helpers/rule-tester';

const job = (extra: string): string => `apiVersion: batch/v1
kind: Job
metadata:
  name: batch
spec:
${extra}  template:
    spec:
      restartPolicy: Never
      containers:
      - name: work
        image: app:1.0
`;

runRuleTests(rule, {
  valid: [
    job('  completions: 10\n  parallelism: 5\n'),
    job('  parallelism: 5\n'),
    job('  completionMode: Indexed\n  completions: 5\n  parallelism: 5\n'),
  ],
  invalid: [
    {
      code: job('  completions: 2\n  parallelism: 5\n'),
      errors: [{ messageId: 'parallelismAboveCompletions', line: 7, column: 16, endLine: 7, endColumn: 17, severity: 'warning', messageIncludes: ['parallelism 5', 'completions 2'] }],
      output: null,
    },
    {
      code: job('  completionMode: Indexed\n  parallelism: 0\n'),
      errors: [
        { messageId: 'indexedWithoutCompletions', line: 6, column: 19, endLine: 6, endColumn: 26, severity: 'error' },
        { messageId: 'zeroParallelism', line: 7, column: 16, endLine: 7, endColumn: 17, severity: 'info' },
      ],
      output: null,
    },
  ],
});
