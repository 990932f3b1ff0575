import rule from '../../../../src/core/rules/reliability/no-unknown-hpa-target';
import { runRuleTests } from '../../../helpers/rule-tester';
import { deployment, hpa } from './fixtures';

runRuleTests(rule, {
  valid: [
    { code: hpa(2).text, files: [{ path: 'web.yaml', text: deployment() }] },
    { name: 'custom scalable kinds are not checked', code: hpa(2).text.replace('kind: Deployment', 'kind: Rollout').replace('apps/v1', 'argoproj.io/v1alpha1') },
  ],
  invalid: [
    {
      code: hpa(2, 'wbe').text,
      files: [{ path: 'web.yaml', text: deployment() }],
      errors: [{ messageId: 'missing', line: 6, column: 65, endLine: 6, endColumn: 68, severity: 'info', messageIncludes: ['Deployment "wbe"', '"default"'] }],
      output: null,
    },
    {
      name: 'an error when the namespace is described',
      code: hpa(2, 'wbe').text,
      files: [{ path: 'ns.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: default\n' }],
      errors: [{ messageId: 'missing', line: 6, column: 65, endLine: 6, endColumn: 68, severity: 'error' }],
      output: null,
    },
  ],
});
