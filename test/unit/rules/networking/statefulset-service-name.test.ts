import rule from '../../../../src/core/rules/networking/statefulset-service-name';
import { runRuleTests } from '../../../helpers/rule-tester';

const sts = (serviceName: string): string => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
${serviceName}  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: db
        image: postgres:17
`;
const svc = (clusterIP: string): string => `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
${clusterIP}  selector:
    app: db
  ports:
  - port: 5432
`;

runRuleTests(rule, {
  valid: [{ code: sts('  serviceName: db\n'), files: [{ path: 's.yaml', text: svc('  clusterIP: None\n') }] }],
  invalid: [
    { code: sts(''), errors: [{ messageId: 'missing', line: 5, column: 1, endLine: 5, endColumn: 5, severity: 'info' }], output: null },
    { code: sts('  serviceName: db\n'), files: [{ path: 's.yaml', text: svc('') }], errors: [{ messageId: 'notHeadless', line: 6, column: 16, endLine: 6, endColumn: 18, severity: 'warning' }], output: null },
    { code: sts('  serviceName: db-headless\n'), files: [{ path: 's.yaml', text: svc('  clusterIP: None\n') }], errors: [{ messageId: 'notFound', line: 6, column: 16, endLine: 6, endColumn: 27, severity: 'info' }], output: null },
    {
      name: 'Service missing in a described namespace: a warning only (the field is optional)',
      code: sts('  serviceName: db\n'),
      files: [{ path: 'ns.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: default\n' }],
      errors: [{ messageId: 'notFound', line: 6, column: 16, endLine: 6, endColumn: 18, severity: 'warning' }],
      output: null,
    },
    { code: sts('  serviceName: DB\n'), errors: [{ messageId: 'invalidName', line: 6, column: 16, endLine: 6, endColumn: 18, severity: 'error' }], output: null },
  ],
});
