import rule from '../../../../src/core/rules/security/no-host-port';
import { runRuleTests } from '../../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n      hostPort: 0\n',
  ],
  invalid: [
    {
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - containerPort: 80
          hostPort: 8080 # reach it on the node
`,
      errors: [{
        messageId: 'hostPort', line: 15, column: 21, endLine: 15, endColumn: 25, messageIncludes: ['"web"', '8080', 'Host Ports'],
        suggestions: [`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - containerPort: 80
`],
      }],
      output: null,
    },
  ],
});
