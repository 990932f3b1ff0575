import rule from '../../../../src/core/rules/reliability/no-hpa-min-equals-max';
import { runRuleTests } from '../../../helpers/rule-tester';
import { hpa } from './fixtures';

runRuleTests(rule, {
  valid: [hpa(2).text, hpa(undefined).text],
  invalid: [
    {
      code: hpa(10).text,
      errors: [{ messageId: 'equal', line: 8, column: 16, endLine: 8, endColumn: 18, messageIncludes: ['(10)'] }],
      output: null,
    },
    {
      code: hpa(12).text,
      errors: [{ messageId: 'inverted', line: 8, column: 16, endLine: 8, endColumn: 18, messageIncludes: ['(12)', '(10)'] }],
      output: null,
    },
  ],
});
