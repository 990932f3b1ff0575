import rule from '../../../../src/core/rules/reliability/no-aggressive-liveness-probe';
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
    { name: 'defaults leave 30 s', code: pod('    livenessProbe:\n      tcpSocket: {port: 8080}\n') },
    { name: 'a startup probe covers the start', code: pod('    livenessProbe:\n      tcpSocket: {port: 8080}\n      periodSeconds: 2\n    startupProbe:\n      tcpSocket: {port: 8080}\n      failureThreshold: 30\n') },
  ],
  invalid: [
    {
      code: pod('    livenessProbe:\n      tcpSocket: {port: 8080}\n      failureThreshold: 1\n'),
      errors: [{ messageId: 'singleFailure', line: 11, column: 25, endLine: 11, endColumn: 26, messageIncludes: ['"web"'] }],
      output: null,
    },
    {
      code: pod('    livenessProbe:\n      tcpSocket: {port: 8080}\n      periodSeconds: 2\n'),
      errors: [{ messageId: 'noStartTime', line: 9, column: 5, endLine: 9, endColumn: 18, messageIncludes: ['"web"', '6 s'] }],
      output: null,
    },
  ],
});
