import rule from '../../../../src/core/rules/references/rwo-pvc-multi-replica';
import { runRuleTests } from '../../../helpers/rule-tester';

const claim = (mode: string): string => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [${mode}]
  resources:
    requests:
      storage: 1Gi
`;
const deployment = (replicas: number): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
      volumes:
      - name: uploads
        persistentVolumeClaim:
          claimName: data
`;

runRuleTests(rule, {
  valid: [
    { code: deployment(3), files: [{ path: 'pvc.yaml', text: claim('ReadWriteMany') }] },
    { code: deployment(1), files: [{ path: 'pvc.yaml', text: claim('ReadWriteOnce') }] },
    { name: 'claim not among the inputs: nothing known', code: deployment(3) },
  ],
  invalid: [
    {
      code: deployment(3),
      files: [{ path: 'pvc.yaml', text: claim('ReadWriteOnce') }],
      errors: [{ messageId: 'shared', line: 19, column: 22, endLine: 19, endColumn: 26, messageIncludes: ['"data"', 'volume "uploads"', 'ReadWriteOnce', '3 replicas'] }],
      output: null,
    },
    {
      name: 'ReadWriteOncePod in the same file',
      code: `${claim('ReadWriteOncePod')}---\n${deployment(2)}`,
      errors: [{ messageId: 'shared', line: 29, column: 22, endLine: 29, endColumn: 26, messageIncludes: ['ReadWriteOncePod'] }],
      output: null,
    },
  ],
});
