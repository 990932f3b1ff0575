import rule from '../../../../src/core/rules/networking/network-policy-selects-nothing';
import { runRuleTests } from '../../../helpers/rule-tester';

const policy = (selector: string): string => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api
  namespace: shop
spec:
  podSelector:
${selector}  policyTypes: [Ingress]
`;
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  namespace: shop\n  labels:\n    app: api\nspec:\n  containers:\n  - name: api\n    image: api:1\n';
const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';

runRuleTests(rule, {
  valid: [
    { code: policy('    matchLabels:\n      app: api\n'), files: [{ path: 'p.yaml', text: POD }] },
    { code: policy('    matchExpressions:\n    - {key: app, operator: In, values: [api, web]}\n'), files: [{ path: 'p.yaml', text: POD }] },
    { name: 'empty selector: all pods', code: policy('    {}\n').replace('  podSelector:\n    {}\n', '  podSelector: {}\n'), files: [{ path: 'ns.yaml', text: NAMESPACE }] },
  ],
  invalid: [
    {
      code: policy('    matchLabels:\n      app: apii\n'),
      files: [{ path: 'p.yaml', text: POD }, { path: 'ns.yaml', text: NAMESPACE }],
      errors: [{ messageId: 'nothing', line: 7, column: 3, endLine: 7, endColumn: 14, severity: 'warning', messageIncludes: ['app=apii'] }],
      output: null,
    },
    {
      code: policy('    matchLabels:\n      app: web\n'),
      files: [{ path: 'p.yaml', text: POD }],
      errors: [{ messageId: 'nothing', line: 7, column: 3, endLine: 7, endColumn: 14, severity: 'info' }],
      output: null,
    },
    {
      name: 'described namespace with custom resources: info',
      code: policy('    matchLabels:\n      app: alertmanager\n'),
      files: [{ path: 'ns.yaml', text: NAMESPACE }, { path: 'cr.yaml', text: 'apiVersion: monitoring.coreos.com/v1\nkind: Alertmanager\nmetadata:\n  name: main\n  namespace: shop\nspec: {}\n' }],
      errors: [{ messageId: 'nothing', line: 7, column: 3, endLine: 7, endColumn: 14, severity: 'info', messageIncludes: ['Alertmanager "main"'] }],
      output: null,
    },
  ],
});
