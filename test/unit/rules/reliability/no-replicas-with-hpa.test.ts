import rule from '../../../../src/core/rules/reliability/no-replicas-with-hpa';
import { runRuleTests } from '../../../helpers/rule-tester';
import { deployment, hpa } from './fixtures';

runRuleTests(rule, {
  valid: [
    { code: deployment(), files: [hpa(2)] },
    { name: 'no HPA', code: deployment('  replicas: 3\n') },
    { name: 'an HPA for another Deployment', code: deployment('  replicas: 3\n'), files: [hpa(2, 'api')] },
  ],
  invalid: [
    {
      code: deployment('  replicas: 3\n'),
      files: [hpa(2)],
      errors: [{ messageId: 'replicas', line: 6, column: 13, endLine: 6, endColumn: 14, messageIncludes: ['"web"', 'to 3'], suggestions: [deployment()] }],
      output: null,
    },
  ],
});
