import rule from '../../../../src/core/rules/rbac/no-cluster-admin-binding';
import { runRuleTests } from '../../../helpers/rule-tester';

const binding = (kind: string, role: string, subjects: string): string => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: b
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ${role}
subjects:
${subjects}`;

runRuleTests(rule, {
  valid: [
    binding('ClusterRoleBinding', 'view', '- kind: Group\n  name: system:authenticated\n'),
    binding('RoleBinding', 'admin', '- kind: User\n  name: jean.doe\n'),
  ],
  invalid: [
    {
      name: 'a user: warning at roleRef',
      code: binding('ClusterRoleBinding', 'cluster-admin', '- kind: User\n  name: jean.doe\n  apiGroup: rbac.authorization.k8s.io\n'),
      errors: [{ messageId: 'bound', line: 8, column: 9, endLine: 8, endColumn: 22, severity: 'warning', messageIncludes: ['User "jean.doe"', 'whole cluster'] }],
      output: null,
    },
    {
      name: 'a ServiceAccount and everyone: errors at the subjects',
      code: binding('ClusterRoleBinding', 'cluster-admin', '- kind: ServiceAccount\n  name: dashboard\n  namespace: kube-system\n- kind: Group\n  name: system:unauthenticated\n- kind: User\n  name: jean.doe\n'),
      errors: [
        { messageId: 'serviceAccount', line: 11, column: 9, endLine: 11, endColumn: 18, severity: 'error', messageIncludes: ['"dashboard"'] },
        { messageId: 'everyone', line: 14, column: 9, endLine: 14, endColumn: 31, severity: 'error', messageIncludes: ['even without credentials'] },
      ],
      output: null,
    },
    {
      name: 'a RoleBinding names its namespace',
      code: binding('RoleBinding', 'cluster-admin', '- kind: Group\n  name: system:authenticated\n'),
      errors: [{ messageId: 'everyone', line: 11, column: 9, endLine: 11, endColumn: 29, messageIncludes: ['namespace "default"', 'any valid credential'] }],
      output: null,
    },
  ],
});
