import rule from '../../../../src/core/rules/resources/require-ephemeral-storage';
import { runRuleTests } from '../../../helpers/rule-tester';

const pod = (web: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
${web}`;

runRuleTests(rule, {
  valid: [
    pod('    resources:\n      requests: {ephemeral-storage: 1Gi}\n      limits: {ephemeral-storage: 2Gi}\n'),
    { name: 'a limit alone stands for the request', code: pod('    resources:\n      limits: {ephemeral-storage: 2Gi}\n') },
  ],
  invalid: [
    {
      code: pod(''),
      errors: [{
        messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14, severity: 'info', messageIncludes: ['"web"', 'requests and limits'],
        suggestions: [pod('    resources: # placeholder values: measure and adjust\n      requests:\n        ephemeral-storage: 256Mi\n      limits:\n        ephemeral-storage: 1Gi\n')],
      }],
      output: null,
    },
    {
      code: pod('    resources:\n      requests:\n        ephemeral-storage: 1Gi\n'),
      errors: [{
        messageId: 'missing', line: 9, column: 5, endLine: 9, endColumn: 14, messageIncludes: ['no ephemeral-storage limits'],
        suggestions: [pod('    resources:\n      requests:\n        ephemeral-storage: 1Gi\n      limits: # placeholder: measure and adjust\n        ephemeral-storage: 1Gi\n')],
      }],
      output: null,
    },
  ],
});
