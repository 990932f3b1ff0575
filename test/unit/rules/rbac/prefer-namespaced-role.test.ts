import rule from '../../../../src/core/rules/rbac/prefer-namespaced-role';
import { runRuleTests } from '../../../helpers/rule-tester';

const clusterRole = (rules: string): string => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: pod-reader
rules:
${rules}`;
const PODS = '- apiGroups: [""]\n  resources: ["pods", "pods/log"]\n  verbs: ["get", "list"]\n';
const binding = (kind: string, ns: string, name = 'pod-reader'): string => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: ${name}
  namespace: ${ns}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: pod-reader
subjects:
- kind: ServiceAccount
  name: web
  namespace: ${ns}
`;

runRuleTests(rule, {
  valid: [
    { name: 'never bound among the inputs', code: clusterRole(PODS) },
    { name: 'bound in two namespaces', code: clusterRole(PODS), files: [{ path: 'a.yaml', text: binding('RoleBinding', 'a') }, { path: 'b.yaml', text: binding('RoleBinding', 'b') }] },
    { name: 'bound cluster-wide', code: clusterRole(PODS), files: [{ path: 'a.yaml', text: binding('ClusterRoleBinding', 'a') }] },
    { name: 'cluster-scoped resources', code: clusterRole('- apiGroups: [""]\n  resources: ["nodes"]\n  verbs: ["get"]\n'), files: [{ path: 'a.yaml', text: binding('RoleBinding', 'a') }] },
    { name: 'custom resources: scope unknown', code: clusterRole('- apiGroups: ["example.com"]\n  resources: ["widgets"]\n  verbs: ["get"]\n'), files: [{ path: 'a.yaml', text: binding('RoleBinding', 'a') }] },
  ],
  invalid: [
    {
      code: clusterRole(PODS),
      files: [{ path: 'a.yaml', text: `${binding('RoleBinding', 'shop')}---\n${binding('RoleBinding', 'shop', 'second')}` }],
      errors: [{ messageId: 'oneNamespace', line: 2, column: 7, endLine: 2, endColumn: 18, severity: 'info', messageIncludes: ['"shop"', 'RoleBinding "pod-reader", RoleBinding "second"'] }],
      output: null,
    },
  ],
});
