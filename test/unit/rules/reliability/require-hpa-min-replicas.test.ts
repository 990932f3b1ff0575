import rule from '../../../../src/core/rules/reliability/require-hpa-min-replicas';
import { runRuleTests } from '../../../helpers/rule-tester';
import { hpa } from './fixtures';

runRuleTests(rule, {
  valid: [hpa(2).text, hpa(5).text],
  invalid: [
    {
      code: hpa(1).text,
      errors: [{ messageId: 'low', line: 7, column: 16, endLine: 7, endColumn: 17, messageIncludes: ['1 replica'], suggestions: [hpa(2).text] }],
      output: null,
    },
    {
      name: 'minReplicas unset means 1',
      code: hpa(undefined).text,
      errors: [{ messageId: 'low', line: 4, column: 9, endLine: 4, endColumn: 12, suggestions: [hpa(2).text] }],
      output: null,
    },
  ],
});
