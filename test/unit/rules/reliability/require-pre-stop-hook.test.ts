import rule from '../../../../src/core/rules/reliability/require-pre-stop-hook';
import { runRuleTests } from '../../../helpers/rule-tester';
import { deployment, service } from './fixtures';

runRuleTests(rule, {
  valid: [
    { name: 'no Service routes to it', code: deployment() },
    { name: 'a preStop hook', code: deployment('', 'web', '        lifecycle:\n          preStop:\n            sleep: {seconds: 5}\n'), files: [service] },
    { name: 'a Service in another namespace', code: deployment(), files: [{ path: 's.yaml', text: service.text.replace('name: web\n', 'name: web\n  namespace: other\n') }] },
  ],
  invalid: [
    {
      code: deployment(),
      files: [service],
      errors: [{
        messageId: 'missing', line: 13, column: 15, endLine: 13, endColumn: 18, severity: 'info', messageIncludes: ['"web"'],
        suggestions: [deployment('', 'web', '        lifecycle:\n          preStop:\n            sleep:\n              seconds: 5\n')],
      }],
      output: null,
    },
  ],
});
