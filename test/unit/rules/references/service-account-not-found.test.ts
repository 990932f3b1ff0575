import rule from '../../../../src/core/rules/references/service-account-not-found';
import { runRuleTests } from '../../../helpers/rule-tester';

const pod = (field: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  ${field}
  containers:
  - name: web
    image: nginx:1.27
`;
const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';

runRuleTests(rule, {
  valid: [
    { code: pod('serviceAccountName: default'), files: [{ path: 'ns.yaml', text: NAMESPACE }] },
    { code: pod('serviceAccountName: web'), files: [{ path: 'sa.yaml', text: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  namespace: shop\n' }] },
    { name: 'no serviceAccountName at all', code: pod('hostname: web'), files: [{ path: 'ns.yaml', text: NAMESPACE }] },
  ],
  invalid: [
    {
      code: pod('serviceAccountName: web'),
      files: [{ path: 'ns.yaml', text: NAMESPACE }],
      errors: [{ messageId: 'notFound', line: 7, column: 23, endLine: 7, endColumn: 26, severity: 'error', messageIncludes: ['"web"'] }],
      output: null,
    },
    {
      name: 'the deprecated serviceAccount field, namespace not described',
      code: pod('serviceAccount: web'),
      errors: [{ messageId: 'notFound', line: 7, column: 19, endLine: 7, endColumn: 22, severity: 'info' }],
      output: null,
    },
  ],
});
