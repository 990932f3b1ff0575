import rule from '../../../../src/core/rules/resources/no-limit-below-request';
import { runRuleTests } from '../../../helpers/rule-tester';

const pod = (resources: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    resources:
${resources}`;

runRuleTests(rule, {
  valid: [
    pod('      requests: {cpu: 500m, memory: 1Gi}\n      limits: {cpu: "0.5", memory: 1024Mi}\n'),
    { name: 'units are compared, not text', code: pod('      requests: {memory: 1G}\n      limits: {memory: 1Gi}\n') },
  ],
  invalid: [
    {
      code: pod('      requests:\n        cpu: "2"\n        memory: 512Mi\n      limits:\n        cpu: 500m\n        memory: 0.5Gi\n'),
      errors: [{
        messageId: 'below', line: 14, column: 14, endLine: 14, endColumn: 18, severity: 'error', messageIncludes: ['"web"', 'cpu limit (500m)', 'request (2)'],
        suggestions: [pod('      requests:\n        cpu: "2"\n        memory: 512Mi\n      limits:\n        cpu: "2"\n        memory: 0.5Gi\n')],
      }],
      output: null,
    },
    {
      code: pod('      requests: {memory: 1Gi}\n      limits: {memory: 1G}\n'),
      errors: [{ messageId: 'below', line: 11, column: 24, endLine: 11, endColumn: 26, messageIncludes: ['memory limit (1G)', 'request (1Gi)'] }],
      output: null,
    },
  ],
});
