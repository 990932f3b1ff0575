import rule from '../../../../src/core/rules/rbac/no-rbac-secret-read';
import { runRuleTests } from '../../../helpers/rule-tester';

const role = (kind: string, rules: string): string => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: r
rules:
${rules}`;

runRuleTests(rule, {
  valid: [
    role('Role', '- apiGroups: [""]\n  resources: ["secrets"]\n  resourceNames: ["app-tls"]\n  verbs: ["get"]\n'),
    role('Role', '- apiGroups: [""]\n  resources: ["secrets"]\n  verbs: ["create", "update"]\n'),
    { name: 'list limited by resourceNames', code: role('Role', '- apiGroups: [""]\n  resources: ["secrets"]\n  resourceNames: ["memberlist"]\n  verbs: ["list"]\n') },
    { name: 'another API group', code: role('Role', '- apiGroups: ["example.com"]\n  resources: ["secrets"]\n  verbs: ["get"]\n') },
  ],
  invalid: [
    {
      code: role('Role', '- apiGroups: [""]\n  resources: ["configmaps", "secrets"]\n  verbs: ["get", "list", "watch"]\n'),
      errors: [{ messageId: 'read', line: 7, column: 29, endLine: 7, endColumn: 38, messageIncludes: ['get, list, watch', 'namespace "default"'] }],
      output: null,
    },
    {
      name: 'any API group, block list',
      code: role('ClusterRole', '- apiGroups: ["*"]\n  resources:\n  - secrets\n  verbs: ["list"]\n'),
      errors: [{ messageId: 'read', line: 8, column: 5, endLine: 8, endColumn: 12, messageIncludes: ['every namespace'] }],
      output: null,
    },
  ],
});
