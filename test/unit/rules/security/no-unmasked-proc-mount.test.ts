import rule from '../../../../src/core/rules/security/no-unmasked-proc-mount';
import { runRuleTests } from '../../../helpers/rule-tester';

const pod = (procMount: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostUsers: false
  containers:
  - name: web
    image: nginx:1.27
    securityContext:
      procMount: ${procMount}
`;

runRuleTests(rule, {
  valid: [pod('Default')],
  invalid: [
    {
      code: pod('Unmasked'),
      errors: [{ messageId: 'unmasked', line: 11, column: 18, endLine: 11, endColumn: 26, messageIncludes: ['"web"', 'Unmasked', '/proc Mount Type'] }],
      output: null,
    },
  ],
});
