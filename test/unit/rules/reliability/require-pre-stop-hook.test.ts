import rule from '../../../../src/core/rules/reliability/require-pre-stop-hook';
import { runRuleTests } from '../../../helpers/rule-tester';
import { deployment, service } from './fixtures';

runRuleTests(rule, {
  valid: [
    { name: 'no Service routes to it', code: deployment() },
    { name: 'a preStop hook', code: deployment('', 'web', '        lifecycle:\n          preStop:\n            sleep: {seconds: 5}\n'), files: [service] },
    { name: 'a Service in another namespace', code: deployment(), files: [{ path: 's.yaml', text: service.text.replace('name: web\n', 'name: web\n  namespace: other\n') }] },
    { name: 'a Service whose selector needs a label the pods lack', code: deployment(), files: [{ path: 's.yaml', text: service.text.replace('{app: web}', '{app: web, tier: db}') }] },
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
    {
      name: 'a Service selecting on several labels, its first one not the pods\' first',
      code: deployment().replace('labels: {app: web}', 'labels: {app: web, tier: front}'),
      files: [{ path: 's.yaml', text: service.text.replace('{app: web}', '{tier: front, app: web}') }],
      errors: [{ messageId: 'missing', line: 13, column: 15, endLine: 13, endColumn: 18 }],
      output: null,
    },
  ],
});
