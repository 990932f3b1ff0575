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
    { name: 'a policy with expressions only', code: DEPLOYMENT, files: [{ path: 'np.yaml', text: policy('{matchExpressions: [{key: app, operator: In, values: [web, api]}]}') }] },
    { name: 'the second of two policies selects it', code: DEPLOYMENT, files: [{ path: 'np.yaml', text: `${policy('{matchLabels: {app: db}}')}---\n${policy('{matchLabels: {app: web}}').replace('name: p', 'name: q')}` }] },
    { name: 'policies of another namespace do not count', code: DEPLOYMENT, files: [{ path: 'np.yaml', text: policy('{matchLabels: {app: db}}').replace('name: p', 'name: p\n  namespace: other') }] },
  ],
  invalid: [{
    code: DEPLOYMENT,
    files: [{ path: 'np.yaml', text: policy('{matchLabels: {app: db}}') }],
    errors: [{ messageId: 'uncovered', line: 10, column: 7, endLine: 10, endColumn: 13, messageIncludes: ['"default"', 'app=web', '1 policy'] }],
    output: null,
  }, {
    name: 'a policy that wants the workload\'s label and another one it lacks',
    code: DEPLOYMENT,
    files: [{ path: 'np.yaml', text: policy('{matchLabels: {app: web, tier: front}}') }],
    errors: [{ messageId: 'uncovered', line: 10, column: 7, endLine: 10, endColumn: 13, messageIncludes: ['app=web', '1 policy'] }],
    output: null,
  }, {
    name: 'a policy whose expressions exclude it',
    code: DEPLOYMENT,
    files: [{ path: 'np.yaml', text: policy('{matchExpressions: [{key: app, operator: NotIn, values: [web]}]}') }],
    errors: [{ messageId: 'uncovered', line: 10, column: 7, endLine: 10, endColumn: 13, messageIncludes: ['app=web'] }],
    output: null,
  }],
});
