import rule from '../../../../src/core/rules/jobs/cronjob-starting-deadline';
import { runRuleTests } from '../../../helpers/rule-tester';
import { cron } from './fixtures';

runRuleTests(rule, {
  valid: [cron(''), cron('  startingDeadlineSeconds: 10\n'), cron('  startingDeadlineSeconds: 300\n')],
  invalid: [
    {
      code: cron('  startingDeadlineSeconds: 5\n'),
      errors: [{ messageId: 'tooShort', line: 7, column: 28, endLine: 7, endColumn: 29, messageIncludes: ['5'], suggestions: [cron('  startingDeadlineSeconds: 300\n')] }],
      output: null,
    },
  ],
});
