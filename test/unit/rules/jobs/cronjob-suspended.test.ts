import rule from '../../../../src/core/rules/jobs/cronjob-suspended';
import { runRuleTests } from '../../../helpers/rule-tester';
import { cron } from './fixtures';

runRuleTests(rule, {
  valid: [cron(''), cron('  suspend: false\n')],
  invalid: [{ code: cron('  suspend: true\n'), errors: [{ messageId: 'suspended', line: 7, column: 12, endLine: 7, endColumn: 16 }], output: null }],
});
