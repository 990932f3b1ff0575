import rule from '../../../../src/core/rules/jobs/cronjob-history-limits';
import { runRuleTests } from '../../../helpers/rule-tester';
import { cron } from './fixtures';

runRuleTests(rule, {
  valid: [cron(''), cron('  successfulJobsHistoryLimit: 3\n  failedJobsHistoryLimit: 1\n'), { code: cron('  successfulJobsHistoryLimit: 30\n'), options: { max: 50 } }],
  invalid: [
    {
      code: cron('  successfulJobsHistoryLimit: 0\n  failedJobsHistoryLimit: 0\n'),
      errors: [
        { messageId: 'zeroSuccessful', line: 7, column: 31, endLine: 7, endColumn: 32, severity: 'info' },
        { messageId: 'zeroFailed', line: 8, column: 27, endLine: 8, endColumn: 28, severity: 'warning' },
      ],
      output: null,
    },
    {
      code: cron('  failedJobsHistoryLimit: 100\n'),
      errors: [{ messageId: 'tooLarge', line: 7, column: 27, endLine: 7, endColumn: 30, messageIncludes: ['failedJobsHistoryLimit 100', 'failed Jobs', 'at most 10'] }],
      output: null,
    },
  ],
});
