import rule from '../../../../src/core/rules/reliability/no-undeclared-probe-port';
import { runRuleTests } from '../../../helpers/rule-tester';

const pod = (ports: string, probes: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: app:1.0
${ports}${probes}`;
const ports = '    ports:\n    - {name: http, containerPort: 8080}\n    - {name: admin, containerPort: 9090}\n';

runRuleTests(rule, {
  valid: [
    pod(ports, '    livenessProbe:\n      httpGet: {path: /healthz, port: admin}\n    readinessProbe:\n      tcpSocket: {port: 8080}\n'),
    { name: 'a number is fine when the container declares no port at all', code: pod('', '    readinessProbe:\n      tcpSocket: {port: 8080}\n') },
    { name: 'exec probes have no port', code: pod(ports, '    livenessProbe:\n      exec: {command: [cat, /tmp/ok]}\n') },
  ],
  invalid: [
    {
      code: pod(ports, '    livenessProbe:\n      httpGet: {path: /healthz, port: metrics}\n    readinessProbe:\n      tcpSocket: {port: 80}\n    startupProbe:\n      grpc: {port: 9090}\n'),
      errors: [
        { messageId: 'unknownName', line: 13, column: 39, endLine: 13, endColumn: 46, severity: 'error', messageIncludes: ['livenessProbe', '"web"', '"metrics"', 'http (8080), admin (9090)'] },
        { messageId: 'undeclaredNumber', line: 15, column: 25, endLine: 15, endColumn: 27, severity: 'info', messageIncludes: ['readinessProbe', 'port 80'] },
      ],
      output: null,
    },
    {
      name: 'native sidecars are checked, plain init containers are not',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: proxy
    image: envoy:1.30
    restartPolicy: Always
    ports: [{name: proxy, containerPort: 15001}]
    readinessProbe: {tcpSocket: {port: proxy-admin}}
  containers:
  - name: web
    image: app:1.0
`,
      errors: [{ messageId: 'unknownName', line: 11, column: 40, endLine: 11, endColumn: 51, messageIncludes: ['"proxy"', '"proxy-admin"'] }],
      output: null,
    },
  ],
});
