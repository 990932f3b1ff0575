import rule from '../../../../src/core/rules/networking/service-target-port';
import { runRuleTests } from '../../../helpers/rule-tester';

const service = (ports: string): string => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
${ports}`;
const pod = (ports: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  initContainers:
  - name: proxy
    image: envoy:1.32
    restartPolicy: Always
    ports:
    - name: admin
      containerPort: 9901
  containers:
  - name: web
    image: nginx:1.27
${ports}`;
const HTTP = '    ports:\n    - name: http\n      containerPort: 8080\n';

runRuleTests(rule, {
  valid: [
    { code: service('  - port: 80\n    targetPort: http\n'), files: [{ path: 'p.yaml', text: pod(HTTP) }] },
    { code: service('  - port: 80\n    targetPort: 8080\n'), files: [{ path: 'p.yaml', text: pod(HTTP) }] },
    { name: 'port of a native sidecar', code: service('  - port: 9901\n'), files: [{ path: 'p.yaml', text: pod(HTTP) }] },
    { name: 'string number', code: service('  - port: 80\n    targetPort: "8080"\n'), files: [{ path: 'p.yaml', text: pod(HTTP) }] },
    { name: 'no pod selected: other rule', code: service('  - port: 80\n    targetPort: http\n') },
  ],
  invalid: [
    {
      name: 'a name no container has: error, and the one declared port is suggested',
      code: service('  - port: 80\n    targetPort: web\n'),
      files: [{ path: 'p.yaml', text: pod(HTTP).replace(/  initContainers:[\s\S]*?(?=  containers:)/, '') }],
      errors: [{
        messageId: 'unknownName', line: 10, column: 17, endLine: 10, endColumn: 20, severity: 'error', messageIncludes: ['"web"', 'Pod "web"', 'http (8080)'],
        suggestions: [service('  - port: 80\n    targetPort: http\n')],
      }],
      output: null,
    },
    {
      name: 'targetPort defaults to port, which no container declares: warning at port',
      code: service('  - name: http\n    port: 80\n'),
      files: [{ path: 'p.yaml', text: pod(HTTP) }],
      errors: [{ messageId: 'undeclared', line: 10, column: 11, endLine: 10, endColumn: 13, severity: 'warning', messageIncludes: ['targetPort 80', 'admin (9901), http (8080)'] }],
      output: null,
    },
    {
      name: 'UDP is not TCP',
      code: service('  - port: 53\n    targetPort: 8080\n    protocol: UDP\n'),
      files: [{ path: 'p.yaml', text: pod(HTTP) }],
      errors: [{ messageId: 'undeclared', line: 10, column: 17, endLine: 10, endColumn: 21, messageIncludes: ['UDP', 'Declared ports: none'] }],
      output: null,
    },
  ],
});
