import rule from '../../../../src/core/rules/security/no-automount-service-account-token';
import { runRuleTests } from '../../../helpers/rule-tester';

const pod = (spec: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${spec}  containers:
  - name: web
    image: nginx:1.27
`;
const binding = (subject: string): { path: string; text: string } => ({
  path: 'rb.yaml',
  text: `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: rb\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}\nsubjects:\n- ${subject}\n`,
});

runRuleTests(rule, {
  valid: [
    pod('  automountServiceAccountToken: false\n'),
    { name: 'the default account is left to no-default-service-account', code: pod('') },
    { name: 'a bound service account uses the API', code: pod('  serviceAccountName: operator\n'), files: [binding('{kind: ServiceAccount, name: operator, namespace: default}')] },
    { name: 'bound through its namespace group', code: pod('  serviceAccountName: operator\n'), files: [binding('{kind: Group, name: "system:serviceaccounts:default", apiGroup: rbac.authorization.k8s.io}')] },
    { name: 'its ServiceAccount opts out', code: pod('  serviceAccountName: web\n'), files: [{ path: 'sa.yaml', text: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\nautomountServiceAccountToken: false\n' }] },
  ],
  invalid: [
    {
      code: pod('  serviceAccountName: web\n'),
      files: [binding('{kind: ServiceAccount, name: web, namespace: other}')],
      errors: [{
        messageId: 'mounted', line: 5, column: 1, endLine: 5, endColumn: 5, severity: 'info', messageIncludes: ['"web"'],
        suggestions: [pod('  serviceAccountName: web\n  automountServiceAccountToken: false\n')],
      }],
      output: null,
    },
    {
      name: 'the pod setting wins over its ServiceAccount',
      code: pod('  serviceAccountName: web\n  automountServiceAccountToken: true\n'),
      files: [{ path: 'sa.yaml', text: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\nautomountServiceAccountToken: false\n' }],
      errors: [{ messageId: 'mounted', line: 5, column: 1, endLine: 5, endColumn: 5, messageIncludes: ['"web"'], suggestions: [pod('  serviceAccountName: web\n  automountServiceAccountToken: false\n')] }],
      output: null,
    },
  ],
});
