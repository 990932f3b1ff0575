import rule from '../../../../src/core/rules/security/no-default-service-account';
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

runRuleTests(rule, {
  valid: [
    pod('  serviceAccountName: web\n'),
    { name: 'no token, no identity', code: pod('  automountServiceAccountToken: false\n') },
    { name: 'the default ServiceAccount does not mount tokens', code: pod(''), files: [{ path: 'sa.yaml', text: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\nautomountServiceAccountToken: false\n' }] },
  ],
  invalid: [
    {
      code: pod('  serviceAccountName: default\n'),
      errors: [{ messageId: 'defaultAccount', line: 6, column: 23, endLine: 6, endColumn: 30, severity: 'info' }],
      output: null,
    },
    {
      code: pod(''),
      errors: [{ messageId: 'defaultAccount', line: 5, column: 1, endLine: 5, endColumn: 5 }],
      output: null,
    },
  ],
});
