import rule from '../../../../src/core/rules/reliability/require-liveness-probe';
import { runRuleTests } from '../../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: migrate
    image: app:1
  containers:
  - name: web
    image: nginx:1.27
    livenessProbe:
      httpGet: {path: /healthz, port: 80}
`,
    {
      name: 'Jobs run to completion and need no probe',
      code: `apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: run
        image: busybox:1.36
`,
    },
  ],
  invalid: [
    {
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - containerPort: 80
`,
      errors: [{
        messageId: 'missing', line: 9, column: 15, endLine: 9, endColumn: 18, messageIncludes: ['"web"'],
        suggestions: [`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - containerPort: 80
        livenessProbe:
          tcpSocket:
            port: 80
          periodSeconds: 10
`],
      }],
      output: null,
    },
    {
      name: 'native sidecars are not required to have one, app containers are',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: proxy
    image: envoy:1.30
    restartPolicy: Always
  containers:
  - name: app
    image: app:1
`,
      errors: [{ messageId: 'missing', line: 11, column: 11, endLine: 11, endColumn: 14, suggestions: [] }],
      output: null,
    },
  ],
});
