import rule from '../../../../src/core/rules/networking/service-selector-matches-nothing';
import { runRuleTests } from '../../../helpers/rule-tester';

const service = (selector: string, extra = ''): string => `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
${extra}  selector:
${selector}  ports:
  - port: 80
`;
const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels:
    team: front
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels:
        app: web
        tier: front
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

runRuleTests(rule, {
  valid: [
    { code: service('    app: web\n    tier: front\n'), files: [{ path: 'd.yaml', text: DEPLOYMENT }] },
    { name: 'ExternalName', code: service('    app: nothing\n', '  type: ExternalName\n  externalName: db.example.com\n') },
    { name: 'no selector: endpoints by hand', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ext\nspec:\n  ports:\n  - port: 80\n' },
  ],
  invalid: [
    {
      name: 'selector on the Deployment labels, not the template: error in a described namespace, with a hint',
      code: service('    app: web\n    team: front\n'),
      files: [{ path: 'd.yaml', text: DEPLOYMENT }, { path: 'ns.yaml', text: NAMESPACE }],
      errors: [{ messageId: 'nothing', line: 7, column: 3, endLine: 7, endColumn: 11, severity: 'error', messageIncludes: ['app=web,team=front', 'Deployment "web" has no label team'] }],
      output: null,
    },
    {
      name: 'namespace not described: info',
      code: service('    app: api\n'),
      files: [{ path: 'd.yaml', text: DEPLOYMENT }],
      errors: [{ messageId: 'nothing', line: 7, column: 3, endLine: 7, endColumn: 11, severity: 'info', messageIncludes: ['Deployment "web" has app=web, the selector wants app=api'] }],
      output: null,
    },
    {
      name: 'the hint names the template whose value is closest to the typo',
      code: service('    app: web-ui\n'),
      files: [
        { path: 'r.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: report\n  namespace: shop\n  labels:\n    app: report\nspec:\n  containers:\n  - name: r\n    image: r:1\n' },
        { path: 'd.yaml', text: DEPLOYMENT },
      ],
      errors: [{ messageId: 'nothing', line: 7, column: 3, endLine: 7, endColumn: 11, messageIncludes: ['Deployment "web" has app=web, the selector wants app=web-ui'] }],
      output: null,
    },
    {
      name: 'one-key selector: no hint from a template that lacks the key',
      code: service('    app: web-ui\n'),
      files: [{ path: 'p.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: report\n  namespace: shop\n  labels:\n    job: report\nspec:\n  containers:\n  - name: r\n    image: r:1\n' }],
      errors: [{ messageId: 'nothing', line: 7, column: 3, endLine: 7, endColumn: 11, messageIncludes: ['connections to it fail. Make'] }],
      output: null,
    },
    {
      name: 'described namespace with custom resources: the operator makes the pods, info',
      code: service('    app.kubernetes.io/name: prometheus\n'),
      files: [{ path: 'ns.yaml', text: NAMESPACE }, { path: 'cr.yaml', text: 'apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata:\n  name: k8s\n  namespace: shop\nspec: {}\n' }],
      errors: [{ messageId: 'nothing', line: 7, column: 3, endLine: 7, endColumn: 11, severity: 'info', messageIncludes: ['Prometheus "k8s"'] }],
      output: null,
    },
  ],
});
