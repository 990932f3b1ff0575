import rule from '../../../../src/core/rules/reliability/require-startup-probe';
import { runRuleTests } from '../../../helpers/rule-tester';

const pod = (probes: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: app:1.0
${probes}`;

runRuleTests(rule, {
  valid: [
    pod(''),
    pod('    livenessProbe:\n      httpGet: {path: /healthz, port: 8080}\n    startupProbe:\n      httpGet: {path: /healthz, port: 8080}\n      failureThreshold: 30\n'),
  ],
  invalid: [
    {
      code: pod('    livenessProbe:\n      httpGet: {path: /healthz, port: 8080}\n      periodSeconds: 5\n'),
      errors: [{
        messageId: 'missing', line: 9, column: 5, endLine: 9, endColumn: 18, severity: 'info', messageIncludes: ['"web"'],
        suggestions: [pod('    livenessProbe:\n      httpGet: {path: /healthz, port: 8080}\n      periodSeconds: 5\n    startupProbe:\n      httpGet:\n        path: /healthz\n        port: 8080\n      periodSeconds: 10\n      failureThreshold: 30\n')],
      }],
      output: null,
    },
  ],
});
