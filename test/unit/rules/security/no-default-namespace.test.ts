import rule from '../../../../src/core/rules/security/no-default-namespace';
import { runRuleTests } from '../../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: shop\n',
    { name: 'cluster-scoped kinds', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: r\nrules: []\n' },
    { name: 'custom resources may be cluster-scoped', code: 'apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata:\n  name: letsencrypt\nspec: {}\n' },
    { name: 'another configured default namespace', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n', config: { defaultNamespace: 'shop' } },
  ],
  invalid: [
    {
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: default\n',
      errors: [{ messageId: 'defaultNamespace', line: 5, column: 14, endLine: 5, endColumn: 21, severity: 'info', messageIncludes: ['ConfigMap'] }],
      output: null,
    },
    {
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec: {}\n',
      errors: [{ messageId: 'defaultNamespace', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: null,
    },
  ],
});
