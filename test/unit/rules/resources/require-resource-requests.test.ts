import rule from '../../../../src/core/rules/resources/require-resource-requests';
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
    pod('    resources:\n      requests: {cpu: 100m, memory: 128Mi}\n'),
    { name: 'a limit stands for a missing request (Kubernetes copies it)', code: pod('    resources:\n      limits: {cpu: 1, memory: 1Gi}\n') },
    { name: 'ephemeral containers cannot set resources', code: pod('    resources:\n      requests: {cpu: 100m, memory: 128Mi}\n') + '  ephemeralContainers:\n  - name: debug\n    image: busybox:1.36\n' },
  ],
  invalid: [
    {
      name: 'no resources at all: a whole placeholder block',
      code: pod('    ports:\n    - containerPort: 80\n    livenessProbe: {tcpSocket: {port: 80}}\n'),
      errors: [{
        messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14, messageIncludes: ['"web"', 'cpu and memory'],
        suggestions: [pod(`    ports:
    - containerPort: 80
    resources: # placeholder values: measure the app (kubectl top pod) and adjust
      requests:
        cpu: 100m
        memory: 128Mi
      limits:
        cpu: 500m
        memory: 128Mi
    livenessProbe: {tcpSocket: {port: 80}}
`)],
      }],
      output: null,
    },
    {
      name: 'only memory missing, on an init container',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: migrate
    image: app:1.0
    resources:
      requests:
        cpu: 250m # measured
  containers:
  - name: web
    image: nginx:1.27
    resources:
      requests: {cpu: 100m, memory: 128Mi}
`,
      errors: [{
        messageId: 'missing', line: 9, column: 5, endLine: 9, endColumn: 14, messageIncludes: ['"migrate"', 'no memory'],
        suggestions: [`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: migrate
    image: app:1.0
    resources:
      requests:
        cpu: 250m # measured
        memory: 128Mi # placeholder: measure and adjust
  containers:
  - name: web
    image: nginx:1.27
    resources:
      requests: {cpu: 100m, memory: 128Mi}
`],
      }],
      output: null,
    },
  ],
});
