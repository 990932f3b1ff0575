import rule from '../../../../src/core/rules/rbac/rbac-role-not-found';
import { runRuleTests } from '../../../helpers/rule-tester';

const binding = (kind: string, roleKind: string, role: string): string => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: b
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ${roleKind}
  name: ${role}
subjects:
- kind: ServiceAccount
  name: web
  namespace: shop
`;
const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
const ROLE = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: reader\n  namespace: shop\nrules: []\n';

runRuleTests(rule, {
  valid: [
    binding('RoleBinding', 'ClusterRole', 'edit'),
    binding('ClusterRoleBinding', 'ClusterRole', 'system:auth-delegator'),
    { code: binding('RoleBinding', 'Role', 'reader'), files: [{ path: 'role.yaml', text: ROLE }, { path: 'ns.yaml', text: NAMESPACE }] },
  ],
  invalid: [
    {
      name: 'a Role in a described namespace: error',
      code: binding('RoleBinding', 'Role', 'readers'),
      files: [{ path: 'role.yaml', text: ROLE }, { path: 'ns.yaml', text: NAMESPACE }],
      errors: [{ messageId: 'notFound', line: 9, column: 9, endLine: 9, endColumn: 16, severity: 'error', messageIncludes: ['Role "readers"'] }],
      output: null,
    },
    {
      name: 'a ClusterRole: info',
      code: binding('ClusterRoleBinding', 'ClusterRole', 'prometheus'),
      errors: [{ messageId: 'notFound', line: 9, column: 9, endLine: 9, endColumn: 19, severity: 'info', messageIncludes: ['ClusterRole "prometheus"'] }],
      output: null,
    },
  ],
});
