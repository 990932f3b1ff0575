import rule from '../../../../src/core/rules/images/no-inconsistent-pull-policy';
import { runRuleTests } from '../../../helpers/rule-tester';

const DIGEST = 'sha256:0000000000000000000000000000000000000000000000000000000000000000';
const pod = (image: string, policy: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: ${image}
    imagePullPolicy: ${policy}
`;

runRuleTests(rule, {
  valid: [
    pod('myapp:1.4.2', 'IfNotPresent'),
    pod('myapp:1.4.2', 'Never'),
    pod('myapp:latest', 'Always'),
    pod(`myapp@${DIGEST}`, 'IfNotPresent'),
  ],
  invalid: [
    {
      code: pod(`myapp@${DIGEST}`, 'Always # pull every time'),
      errors: [{
        messageId: 'alwaysWithDigest', line: 9, column: 22, endLine: 9, endColumn: 28, severity: 'info', messageIncludes: ['"web"'],
        suggestions: [pod(`myapp@${DIGEST}`, 'IfNotPresent # pull every time')],
      }],
      output: null,
    },
    {
      code: pod('myapp', 'Never'),
      errors: [{ messageId: 'staleLatest', line: 9, column: 22, endLine: 9, endColumn: 27, messageIncludes: ['"web"', '"myapp"', 'Never'] }],
      output: null,
    },
    {
      code: pod('myapp:latest', 'IfNotPresent'),
      errors: [{ messageId: 'staleLatest', line: 9, column: 22, endLine: 9, endColumn: 34, messageIncludes: ['IfNotPresent'] }],
      output: null,
    },
  ],
});
