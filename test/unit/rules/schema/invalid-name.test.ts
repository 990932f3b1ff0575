import rule from '../../../../src/core/rules/schema/invalid-name';
import { runRuleTests } from '../../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kube-root-ca.crt\n  namespace: team-a\n  labels:\n    app.kubernetes.io/name: web\n    app.kubernetes.io/version: "1.27"\n    empty: ""\n  annotations:\n    description: free text, with spaces / and + signs\ndata:\n  app.properties: x\n',
    'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: "system:aggregate-to-edit"\nrules: []\n',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - {name: http-metrics-port, port: 80}\n',
    { name: 'custom resources are not checked (their names follow their own rules)', code: 'apiVersion: example.com/v1\nkind: Thing\nmetadata:\n  name: My_Thing\n' },
  ],
  invalid: [
    {
      name: 'an object name with capitals and an underscore',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: My_Config\n',
      errors: [{
        messageId: 'invalidObjectName', line: 4, column: 9, endLine: 4, endColumn: 18, messageIncludes: ['ConfigMap name "My_Config"', 'uppercase letters and "_"'],
        suggestions: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: my-config\n'],
      }],
      output: null,
    },
    {
      name: 'a Service name must start with a letter',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: 2048-game\nspec:\n  ports:\n  - port: 80\n',
      errors: [{ messageId: 'invalidObjectName', line: 4, column: 9, endLine: 4, endColumn: 18, messageIncludes: ['must start with a letter'], suggestions: [] }],
      output: null,
    },
    {
      name: 'a CronJob name longer than 52 characters',
      code: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: ${'a'.repeat(53)}\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: backup\n            image: busybox:1.36\n`,
      errors: [{ messageId: 'cronJobNameTooLong', line: 4, column: 9, endLine: 4, endColumn: 62, messageIncludes: ['53 characters', '52 at most'] }],
      output: null,
    },
    {
      name: 'labels, selectors and annotations: keys at the key, values at the value',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: my app
  annotations:
    "free text": x
spec:
  selector:
    matchLabels:
      version: 1.0+build
  template:
    metadata:
      labels:
        example.com/a/b: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
`,
      errors: [
        { messageId: 'invalidLabelValue', line: 6, column: 10, endLine: 6, endColumn: 16, messageIncludes: ['Label "app"', 'a space'] },
        { messageId: 'invalidAnnotationKey', line: 8, column: 5, endLine: 8, endColumn: 16, messageIncludes: ['"free text"'] },
        { messageId: 'invalidLabelValue', line: 12, column: 16, endLine: 12, endColumn: 25, messageIncludes: ['"+"'] },
        { messageId: 'invalidLabelKey', line: 16, column: 9, endLine: 16, endColumn: 24, messageIncludes: ['more than one "/"'] },
      ],
      output: null,
    },
    {
      name: 'container, port and volume names',
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: Web
    image: nginx:1.27
    ports:
    - name: http-metrics-port
      containerPort: 9090
  volumes:
  - name: data_dir
    emptyDir: {}
`,
      errors: [
        { messageId: 'invalidIdentifier', line: 7, column: 11, endLine: 7, endColumn: 14, messageIncludes: ['Container name "Web"'], suggestions: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - name: http-metrics-port\n      containerPort: 9090\n  volumes:\n  - name: data_dir\n    emptyDir: {}\n'] },
        { messageId: 'invalidIdentifier', line: 10, column: 13, endLine: 10, endColumn: 30, messageIncludes: ['Port name "http-metrics-port" of container "Web"', '17 characters long, more than 15'], suggestions: [] },
        { messageId: 'invalidIdentifier', line: 13, column: 11, endLine: 13, endColumn: 19, messageIncludes: ['Volume name "data_dir"'] },
      ],
      output: null,
    },
    {
      name: 'a Service port name and selector',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web server}\n  ports:\n  - {name: HTTP, port: 80}\n',
      errors: [
        { messageId: 'invalidLabelValue', line: 6, column: 19, endLine: 6, endColumn: 29 },
        { messageId: 'invalidIdentifier', line: 8, column: 12, endLine: 8, endColumn: 16, messageIncludes: ['Service port name "HTTP"'] },
      ],
      output: null,
    },
    {
      name: 'ConfigMap keys',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nginx\ndata:\n  nginx/default.conf: |\n    server {}\n',
      errors: [{ messageId: 'invalidDataKey', line: 6, column: 3, endLine: 6, endColumn: 21, messageIncludes: ['"nginx/default.conf"', 'ConfigMap'] }],
      output: null,
    },
    {
      name: 'a namespace name with a dot',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: team.a\n',
      errors: [{ messageId: 'invalidIdentifier', line: 5, column: 14, endLine: 5, endColumn: 20, messageIncludes: ['Namespace "team.a"'] }],
      output: null,
    },
  ],
});
