import rule from '../../../../src/core/rules/resources/require-namespace-quota';
import { runRuleTests } from '../../../helpers/rule-tester';

const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n';

runRuleTests(rule, {
  valid: [
    {
      name: 'a ResourceQuota in another file counts',
      code: ns,
      files: [{ path: 'quota.yaml', text: 'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\n  namespace: team-a\nspec:\n  hard: {requests.cpu: "4"}\n' }],
    },
    { name: 'system namespaces are skipped', code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: kube-system\n' },
  ],
  invalid: [
    {
      code: ns,
      files: [{ path: 'other.yaml', text: 'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: l\n  namespace: team-b\nspec:\n  limits: []\n' }],
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 15, severity: 'info', messageIncludes: ['"team-a"'] }],
      output: null,
    },
  ],
});
