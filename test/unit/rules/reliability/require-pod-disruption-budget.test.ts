import rule from '../../../../src/core/rules/reliability/require-pod-disruption-budget';
import { runRuleTests } from '../../../helpers/rule-tester';
import { deployment, hpa, pdb } from './fixtures';

runRuleTests(rule, {
  valid: [
    { code: deployment('  replicas: 3\n'), files: [pdb] },
    { name: 'one replica needs no budget', code: deployment('  replicas: 1\n') },
    { name: 'an HPA that starts from 1', code: deployment(), files: [hpa(1)] },
    {
      name: 'a budget selecting with matchExpressions only',
      code: deployment('  replicas: 3\n'),
      files: [{ path: 'pdb.yaml', text: pdb.text.replace('matchLabels: {app: web}', 'matchExpressions: [{key: app, operator: In, values: [web, api]}]') }],
    },
  ],
  invalid: [
    {
      code: deployment('  replicas: 3\n'),
      files: [{ path: 'other.yaml', text: pdb.text.replace('{app: web}', '{app: api}') }],
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12, severity: 'info', messageIncludes: ['Deployment', '3 replicas'] }],
      output: null,
    },
    {
      name: 'an HPA that starts from 2',
      code: deployment(),
      files: [hpa(2)],
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12, messageIncludes: ['2 replicas'] }],
      output: null,
    },
  ],
});
