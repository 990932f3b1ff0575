import rule from '../../../../src/core/rules/labels/recommended-labels';
import { runRuleTests } from '../../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    `apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
    app.kubernetes.io/instance: web-prod
    app.kubernetes.io/version: "1.4.2"
    app.kubernetes.io/component: frontend
    app.kubernetes.io/part-of: shop
spec:
  selector: {app: web}
  ports:
  - port: 80
`,
    {
      name: 'the required option narrows the list',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app.kubernetes.io/name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n',
      options: { required: ['app.kubernetes.io/name'] },
    },
    { name: 'kinds not checked', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n' },
  ],
  invalid: [
    {
      name: 'no labels at all: points at the name, suggests app.kubernetes.io/name',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web # the front end\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n',
      options: { required: ['app.kubernetes.io/name', 'app.kubernetes.io/part-of'] },
      errors: [{
        messageId: 'missing', line: 4, column: 3, endLine: 4, endColumn: 7, messageIncludes: ['Pod "web"', 'app.kubernetes.io/name, app.kubernetes.io/part-of'],
        suggestions: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web # the front end\n  labels:\n    app.kubernetes.io/name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n'],
      }],
      output: null,
    },
    {
      name: 'some labels: points at labels',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  labels:\n    app.kubernetes.io/name: api\nspec:\n  selector:\n    matchLabels: {app: api}\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers:\n      - name: api\n        image: api:1\n',
      errors: [{ messageId: 'missing', line: 5, column: 3, endLine: 5, endColumn: 9, messageIncludes: ['app.kubernetes.io/instance, app.kubernetes.io/version, app.kubernetes.io/component, app.kubernetes.io/part-of'] }],
      output: null,
    },
  ],
});
