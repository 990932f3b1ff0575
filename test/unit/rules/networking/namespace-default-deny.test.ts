import rule from '../../../../src/core/rules/networking/namespace-default-deny';
import { runRuleTests } from '../../../helpers/rule-tester';

const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n';
const policy = (spec: string): string => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n  namespace: shop\nspec:\n${spec}`;

runRuleTests(rule, {
  valid: [
    { code: NAMESPACE, files: [{ path: 'p.yaml', text: POD }, { path: 'np.yaml', text: policy('  podSelector: {}\n  policyTypes: [Ingress]\n') }] },
    { name: 'policyTypes defaults to Ingress', code: NAMESPACE, files: [{ path: 'p.yaml', text: POD }, { path: 'np.yaml', text: policy('  podSelector: {}\n') }] },
    { name: 'ingress: [] denies too', code: NAMESPACE, files: [{ path: 'p.yaml', text: POD }, { path: 'np.yaml', text: policy('  podSelector: {}\n  policyTypes: [Ingress, Egress]\n  ingress: []\n') }] },
    { name: 'no workloads', code: NAMESPACE },
  ],
  invalid: [
    {
      code: NAMESPACE,
      files: [{ path: 'p.yaml', text: POD }],
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 13, severity: 'info', messageIncludes: ['1 workload (Pod "web")'] }],
      output: null,
    },
    {
      name: 'a policy that allows everything is not a deny',
      code: NAMESPACE,
      files: [{ path: 'p.yaml', text: POD }, { path: 'np.yaml', text: policy('  podSelector: {}\n  ingress:\n  - {}\n') }],
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 13 }],
      output: null,
    },
  ],
});
