import rule from '../../../../src/core/rules/references/secret-not-found';
import { runRuleTests } from '../../../helpers/rule-tester';

const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
const SECRET = `apiVersion: v1
kind: Secret
metadata:
  name: db
  namespace: shop
stringData:
  password: s3cret
`;

const deployment = (extra: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
${extra}`;

const CONTAINER = '      containers:\n      - name: web\n        image: nginx:1.27\n';

runRuleTests(rule, {
  valid: [
    { code: deployment(`${CONTAINER}        env:\n        - name: PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: db\n              key: password\n`), files: [{ path: 's.yaml', text: SECRET }] },
    { name: 'optional secret volume', code: deployment(`${CONTAINER}      volumes:\n      - name: tls\n        secret:\n          secretName: web-tls\n          optional: true\n`), files: [{ path: 'ns.yaml', text: NAMESPACE }] },
  ],
  invalid: [
    {
      name: 'imagePullSecrets and a secret volume, namespace described',
      code: deployment(`      imagePullSecrets:\n      - name: registry\n${CONTAINER}      volumes:\n      - name: tls\n        secret:\n          secretName: web-tls\n`),
      files: [{ path: 'ns.yaml', text: NAMESPACE }],
      errors: [
        { messageId: 'notFound', line: 14, column: 15, endLine: 14, endColumn: 23, severity: 'error', messageIncludes: ['"registry"', 'imagePullSecrets'] },
        { messageId: 'notFound', line: 21, column: 23, endLine: 21, endColumn: 30, severity: 'error', messageIncludes: ['"web-tls"', 'volume "tls"'] },
      ],
      output: null,
    },
    {
      name: 'key missing from the Secret',
      code: deployment(`${CONTAINER}        env:\n        - name: PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: db\n              key: pasword\n`),
      files: [{ path: 's.yaml', text: SECRET }],
      errors: [{ messageId: 'keyNotFound', line: 21, column: 20, endLine: 21, endColumn: 27, messageIncludes: ['"pasword"', 'Secret "db"'] }],
      output: null,
    },
    {
      name: 'a Job of the namespace names the Secret in its arguments: it creates it at run time, info',
      code: deployment(`${CONTAINER}      volumes:\n      - name: cert\n        secret:\n          secretName: web-admission\n`),
      files: [{ path: 'ns.yaml', text: NAMESPACE }, { path: 'job.yaml', text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: certgen\n  namespace: shop\nspec:\n  template:\n    spec:\n      restartPolicy: OnFailure\n      containers:\n      - name: create\n        image: certgen:1.4\n        args: [create, --secret-name=web-admission]\n' }],
      errors: [{ messageId: 'notFound', line: 19, column: 23, endLine: 19, endColumn: 36, severity: 'info', messageIncludes: ['Job "certgen" mentions this name'] }],
      output: null,
    },
    {
      name: 'namespace not described: info',
      code: deployment(`${CONTAINER}        envFrom:\n        - secretRef:\n            name: api-keys\n`),
      errors: [{ messageId: 'notFound', line: 18, column: 19, endLine: 18, endColumn: 27, severity: 'info' }],
      output: null,
    },
    {
      name: 'described namespace with custom resources: an operator may create it, info',
      code: deployment(`${CONTAINER}        envFrom:\n        - secretRef:\n            name: api-keys\n`),
      files: [{ path: 'ns.yaml', text: NAMESPACE }, { path: 'cr.yaml', text: 'apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata:\n  name: k8s\n  namespace: shop\nspec: {}\n' }],
      errors: [{ messageId: 'notFound', line: 18, column: 19, endLine: 18, endColumn: 27, severity: 'info', messageIncludes: ['Prometheus "k8s"'] }],
      output: null,
    },
  ],
});
