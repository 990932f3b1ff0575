import rule from '../../../../src/core/rules/security/require-read-only-root-filesystem';
import { runRuleTests } from '../../../helpers/rule-tester';

const pod = (sc: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
${sc}`;

runRuleTests(rule, {
  valid: [pod('    securityContext:\n      readOnlyRootFilesystem: true\n')],
  invalid: [
    {
      code: pod(''),
      errors: [{ messageId: 'writable', line: 7, column: 11, endLine: 7, endColumn: 14, severity: 'info', messageIncludes: ['"web"'], suggestions: [pod('    securityContext:\n      readOnlyRootFilesystem: true\n')] }],
      output: null,
    },
    {
      code: pod('    securityContext:\n      readOnlyRootFilesystem: false # writes its cache\n'),
      errors: [{ messageId: 'writable', line: 10, column: 31, endLine: 10, endColumn: 36, suggestions: [pod('    securityContext:\n      readOnlyRootFilesystem: true # writes its cache\n')] }],
      output: null,
    },
  ],
});
