import rule from '../../../../src/core/rules/security/no-host-namespaces';
import { runRuleTests } from '../../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostNetwork: false
  hostIPC: false
  containers:
  - name: web
    image: nginx:1.27
`,
  ],
  invalid: [
    {
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata:
      labels: {app: agent}
    spec:
      hostNetwork: true
      hostPID: true
      hostIPC: false
      containers:
      - name: agent
        image: agent:1.0
`,
      errors: [
        { messageId: 'hostNetwork', line: 11, column: 20, endLine: 11, endColumn: 24, messageIncludes: ['hostNetwork', 'Host Namespaces'] },
        {
          messageId: 'hostPID', line: 12, column: 16, endLine: 12, endColumn: 20, messageIncludes: ['hostPID'],
          suggestions: [`apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata:
      labels: {app: agent}
    spec:
      hostNetwork: true
      hostIPC: false
      containers:
      - name: agent
        image: agent:1.0
`],
        },
      ],
      output: null,
    },
    {
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ipc\nspec:\n  hostIPC: true\n  containers:\n  - name: a\n    image: a:1\n',
      errors: [{ messageId: 'hostIPC', line: 6, column: 12, endLine: 6, endColumn: 16 }],
      output: null,
    },
  ],
});
