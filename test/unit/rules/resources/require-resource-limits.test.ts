import rule from '../../../../src/core/rules/resources/require-resource-limits';
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
    pod('    resources:\n      limits: {cpu: 500m, memory: 128Mi}\n'),
    { name: 'option cpu: false requires the memory limit only', code: pod('    resources:\n      limits: {memory: 128Mi}\n'), options: { cpu: false } },
  ],
  invalid: [
    {
      code: pod(''),
      errors: [{
        messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14, messageIncludes: ['"web"', 'cpu and memory'],
        suggestions: [pod('    resources: # placeholder values: measure the app (kubectl top pod) and adjust\n      requests:\n        cpu: 100m\n        memory: 128Mi\n      limits:\n        cpu: 500m\n        memory: 128Mi\n')],
      }],
      output: null,
    },
    {
      name: 'a memory limit added next to a request takes the request',
      code: pod('    resources:\n      requests:\n        memory: 256Mi\n      limits:\n        cpu: "1"\n'),
      options: { cpu: true },
      errors: [{
        messageId: 'missing', line: 9, column: 5, endLine: 9, endColumn: 14, messageIncludes: ['no memory limit'],
        suggestions: [pod('    resources:\n      requests:\n        memory: 256Mi\n      limits:\n        cpu: "1"\n        memory: 256Mi # placeholder: measure and adjust\n')],
      }],
      output: null,
    },
  ],
});
