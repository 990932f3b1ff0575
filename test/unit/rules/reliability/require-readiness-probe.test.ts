import rule from '../../../../src/core/rules/reliability/require-readiness-probe';
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
    readinessProbe:
      tcpSocket: {port: 80}
`,
    {
      name: 'CronJobs run to completion and need no probe',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - {name: run, image: busybox:1.36}\n',
    },
  ],
  invalid: [
    {
      name: 'suggests a TCP probe on the first named port',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers:
      - name: postgres
        image: postgres:16.4
        ports:
        - name: pg # the only port
          containerPort: 5432
`,
      errors: [{
        messageId: 'missing', line: 12, column: 15, endLine: 12, endColumn: 23, messageIncludes: ['"postgres"'],
        suggestions: [`apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers:
      - name: postgres
        image: postgres:16.4
        ports:
        - name: pg # the only port
          containerPort: 5432
        readinessProbe:
          tcpSocket:
            port: pg
          periodSeconds: 10
`],
      }],
      output: null,
    },
  ],
});
