import rule from '../../../../src/core/rules/references/pvc-not-found';
import { runRuleTests } from '../../../helpers/rule-tester';

const pod = (claim: string, namespace = 'shop'): string => `apiVersion: v1
kind: Pod
metadata:
  name: db
  namespace: ${namespace}
spec:
  containers:
  - name: db
    image: postgres:17
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: ${claim}
`;
const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
const CLAIM = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: db-data\n  namespace: shop\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n';

runRuleTests(rule, {
  valid: [
    { code: pod('db-data'), files: [{ path: 'pvc.yaml', text: CLAIM }, { path: 'ns.yaml', text: NAMESPACE }] },
    {
      name: 'StatefulSet claim templates are not references',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: db
        image: postgres:17
        volumeMounts:
        - name: data
          mountPath: /var/lib/postgresql/data
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
`,
    },
  ],
  invalid: [
    {
      code: pod('db-dat'),
      files: [{ path: 'pvc.yaml', text: CLAIM }, { path: 'ns.yaml', text: NAMESPACE }],
      errors: [{ messageId: 'notFound', line: 13, column: 18, endLine: 13, endColumn: 24, severity: 'error', messageIncludes: ['"db-dat"', 'volume "data"'] }],
      output: null,
    },
    {
      name: 'claim in another namespace',
      code: pod('db-data', 'staging'),
      files: [{ path: 'pvc.yaml', text: CLAIM }],
      errors: [{ messageId: 'notFound', line: 13, column: 18, endLine: 13, endColumn: 25, severity: 'info', messageIncludes: ['"staging"'] }],
      output: null,
    },
  ],
});
