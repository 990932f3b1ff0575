import rule from '../../../../src/core/rules/reliability/require-multiple-replicas';
import { runRuleTests } from '../../../helpers/rule-tester';
import { deployment, hpa, service } from './fixtures';

runRuleTests(rule, {
  valid: [
    { code: deployment('  replicas: 3\n'), files: [service] },
    { name: 'no Service routes to it', code: deployment('  replicas: 1\n') },
    { name: 'scaled by an HPA', code: deployment(), files: [service, hpa(2)] },
    { name: 'scaled to zero on purpose', code: deployment('  replicas: 0\n'), files: [service] },
  ],
  invalid: [
    {
      code: deployment('  replicas: 1 # one is enough?\n'),
      files: [service],
      errors: [{
        messageId: 'single', line: 6, column: 13, endLine: 6, endColumn: 14, messageIncludes: ['Deployment', '1 replica', '"web"'],
        suggestions: [deployment('  replicas: 2 # one is enough?\n')],
      }],
      output: null,
    },
    {
      name: 'replicas unset means 1',
      code: deployment(),
      files: [service],
      errors: [{ messageId: 'single', line: 4, column: 9, endLine: 4, endColumn: 12, suggestions: [deployment().replace('    matchLabels: {app: web}\n', '    matchLabels: {app: web}\n  replicas: 2\n')] }],
      output: null,
    },
  ],
});
