import rule from '../../../../src/core/rules/references/storage-class-not-found';
import { runRuleTests } from '../../../helpers/rule-tester';

const claim = (cls: string): string => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  storageClassName: ${cls}
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`;
const SC = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: rancher.io/local-path\n';

runRuleTests(rule, {
  valid: [
    { code: claim('fast'), files: [{ path: 'sc.yaml', text: SC }] },
    { name: 'empty class: static provisioning', code: claim('""') },
  ],
  invalid: [
    {
      code: claim('fast-ssd'),
      files: [{ path: 'sc.yaml', text: SC }],
      errors: [{ messageId: 'notFound', line: 6, column: 21, endLine: 6, endColumn: 29, severity: 'info', messageIncludes: ['"fast-ssd"'] }],
      output: null,
    },
    {
      name: 'StatefulSet claim template',
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
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      storageClassName: gp3
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
`,
      errors: [{ messageId: 'notFound', line: 20, column: 25, endLine: 20, endColumn: 28 }],
      output: null,
    },
  ],
});
