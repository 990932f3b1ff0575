import rule from '../../../../src/core/rules/security/no-privileged-container';
import { runRuleTests } from '../../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    securityContext:
      privileged: false
`,
    {
      name: 'kinds without a pod template are ignored',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  privileged: "true"\n',
    },
  ],
  invalid: [
    {
      name: 'reports init containers and app containers, each by name',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: setup
    image: busybox:1.36
    securityContext: {privileged: true}
  containers:
  - name: web
    image: nginx:1.27
    securityContext:
      privileged: true # for the demo
`,
      errors: [
        { messageId: 'privileged', line: 9, column: 35, endLine: 9, endColumn: 39, severity: 'error', messageIncludes: ['"setup"', 'Privileged Containers'] },
        {
          messageId: 'privileged', line: 14, column: 19, endLine: 14, endColumn: 23, messageIncludes: ['"web"'],
          suggestions: [`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: setup
    image: busybox:1.36
    securityContext: {privileged: true}
  containers:
  - name: web
    image: nginx:1.27
    securityContext:
      privileged: false # for the demo
`, `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: setup
    image: busybox:1.36
    securityContext:
      privileged: false
      allowPrivilegeEscalation: false
      capabilities:
        drop:
        - ALL
  containers:
  - name: web
    image: nginx:1.27
    securityContext:
      privileged: false # for the demo
      allowPrivilegeEscalation: false
      capabilities:
        drop:
        - ALL
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
`],
        },
      ],
      output: null,
    },
    {
      name: 'CronJob templates are checked too',
      code: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: backup
            image: backup:2.1
            securityContext: {privileged: true}
`,
      errors: [{ messageId: 'privileged', line: 15, column: 43, endLine: 15, endColumn: 47, messageIncludes: ['"backup"'] }],
      output: null,
    },
  ],
});
