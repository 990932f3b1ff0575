import rule from '../../../../src/core/rules/reliability/no-identical-liveness-readiness';
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
    pod('    livenessProbe:\n      httpGet: {path: /healthz, port: 8080}\n      failureThreshold: 6\n    readinessProbe:\n      httpGet: {path: /healthz, port: 8080}\n'),
    pod('    livenessProbe:\n      httpGet: {path: /livez, port: 8080}\n    readinessProbe:\n      httpGet: {path: /readyz, port: 8080}\n'),
  ],
  invalid: [
    {
      name: 'identical, whatever the key order',
      code: pod('    livenessProbe:\n      httpGet: {path: /healthz, port: 8080}\n      periodSeconds: 5\n    readinessProbe:\n      periodSeconds: 5\n      httpGet: {port: 8080, path: /healthz}\n'),
      errors: [{
        messageId: 'identical', line: 9, column: 5, endLine: 9, endColumn: 18, messageIncludes: ['"web"'],
        suggestions: [pod('    livenessProbe:\n      httpGet: {path: /healthz, port: 8080}\n      periodSeconds: 5\n      failureThreshold: 6\n    readinessProbe:\n      periodSeconds: 5\n      httpGet: {port: 8080, path: /healthz}\n')],
      }],
      output: null,
    },
  ],
});
