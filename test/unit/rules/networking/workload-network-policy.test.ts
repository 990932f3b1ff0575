import rule from '../../../../src/core/rules/networking/workload-network-policy';
import { runRuleTests } from '../../../helpers/rule-tester';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;
const policy = (selector: string): string => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: ${selector}\n`;

runRuleTests(rule, {
  valid: [
    { name: 'no policy in the namespace', code: DEPLOYMENT },
    { code: DEPLOYMENT, files: [{ path: 'np.yaml', text: policy('{}') }] },
    { code: DEPLOYMENT, files: [{ path: 'np.yaml', text: policy('{matchLabels: {app: web}}') }] },
    { name: 'policies of another namespace do not count', code: DEPLOYMENT, files: [{ path: 'np.yaml', text: policy('{matchLabels: {app: db}}').replace('name: p', 'name: p\n  namespace: other') }] },
  ],
  invalid: [{
    code: DEPLOYMENT,
    files: [{ path: 'np.yaml', text: policy('{matchLabels: {app: db}}') }],
    errors: [{ messageId: 'uncovered', line: 10, column: 7, endLine: 10, endColumn: 13, messageIncludes: ['"default"', 'app=web', '1 policy'] }],
    output: null,
  }],
});
