import rule from '../../../../src/core/rules/rbac/rbac-subject-not-found';
import { runRuleTests } from '../../../helpers/rule-tester';

const binding = (kind: string, subjects: string): string => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: b
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
${subjects}`;
const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
const SA = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  namespace: shop\n';

runRuleTests(rule, {
  valid: [
    { code: binding('RoleBinding', '- kind: ServiceAccount\n  name: web\n'), files: [{ path: 'sa.yaml', text: SA }] },
    { code: binding('ClusterRoleBinding', '- kind: ServiceAccount\n  name: web\n  namespace: shop\n- kind: User\n  name: jean\n'), files: [{ path: 'sa.yaml', text: SA }] },
    { name: 'default always exists', code: binding('RoleBinding', '- kind: ServiceAccount\n  name: default\n'), files: [{ path: 'ns.yaml', text: NAMESPACE }] },
  ],
  invalid: [
    {
      name: 'a RoleBinding subject defaults to the binding namespace',
      code: binding('RoleBinding', '- kind: ServiceAccount\n  name: api\n'),
      files: [{ path: 'sa.yaml', text: SA }, { path: 'ns.yaml', text: NAMESPACE }],
      errors: [{ messageId: 'notFound', line: 12, column: 9, endLine: 12, endColumn: 12, severity: 'error', messageIncludes: ['"api"', '"shop"'] }],
      output: null,
    },
    {
      name: 'ClusterRoleBinding: namespace required; other namespace not described',
      code: binding('ClusterRoleBinding', '- kind: ServiceAccount\n  name: web\n- kind: ServiceAccount\n  name: web\n  namespace: monitoring\n'),
      files: [{ path: 'sa.yaml', text: SA }],
      errors: [
        { messageId: 'noNamespace', line: 12, column: 9, endLine: 12, endColumn: 12, severity: 'error' },
        { messageId: 'notFound', line: 14, column: 9, endLine: 14, endColumn: 12, severity: 'info', messageIncludes: ['"monitoring"'] },
      ],
      output: null,
    },
    {
      name: 'the ServiceAccount sets no namespace: a hint about kubectl -n',
      code: binding('ClusterRoleBinding', '- kind: ServiceAccount\n  name: argocd-server\n  namespace: argocd\n'),
      files: [{ path: 'sa.yaml', text: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: argocd-server\n' }],
      errors: [{ messageId: 'notFound', line: 12, column: 9, endLine: 12, endColumn: 22, severity: 'info', messageIncludes: ['is in namespace "default"', 'apply it with -n argocd?'] }],
      output: null,
    },
  ],
});
