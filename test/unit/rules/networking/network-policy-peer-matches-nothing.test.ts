import rule from '../../../../src/core/rules/networking/network-policy-peer-matches-nothing';
import { runRuleTests } from '../../../helpers/rule-tester';

const policy = (peer: string): string => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db
  namespace: shop
spec:
  podSelector: {}
  ingress:
  - from:
${peer}`;
const pod = (name: string, ns: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n  labels:\n    app: ${name}\nspec:\n  containers:\n  - name: c\n    image: app:1\n`;
const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';

runRuleTests(rule, {
  valid: [
    { code: policy('    - podSelector:\n        matchLabels:\n          app: api\n'), files: [{ path: 'p.yaml', text: pod('api', 'shop') }] },
    { code: policy('    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: monitoring\n      podSelector:\n        matchLabels:\n          app: prometheus\n'), files: [{ path: 'p.yaml', text: pod('prometheus', 'monitoring') }] },
    { name: 'another namespace the inputs do not describe (kube-system\'s DNS) is not checked', code: policy('    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: kube-system\n      podSelector:\n        matchLabels:\n          k8s-app: kube-dns\n'), files: [{ path: 'ns.yaml', text: NAMESPACE }] },
    { name: 'namespaces chosen by other labels are not checked', code: policy('    - namespaceSelector:\n        matchLabels:\n          team: ops\n      podSelector:\n        matchLabels:\n          app: x\n') },
  ],
  invalid: [
    {
      name: 'client in another namespace, peer without namespaceSelector',
      code: policy('    - podSelector:\n        matchLabels:\n          app: prometheus\n'),
      files: [{ path: 'p.yaml', text: pod('prometheus', 'monitoring') }, { path: 'ns.yaml', text: NAMESPACE }],
      errors: [{ messageId: 'nothing', line: 10, column: 7, endLine: 10, endColumn: 18, severity: 'warning', messageIncludes: ['from peer', 'Pod "prometheus" in namespace "monitoring" matches'] }],
      output: null,
    },
    {
      name: 'egress peer in a named namespace',
      code: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: data
      podSelector:
        matchLabels:
          app: postgres
`,
      files: [{ path: 'ns.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: data\n' }],
      errors: [{ messageId: 'nothing', line: 14, column: 7, endLine: 14, endColumn: 18, severity: 'warning', messageIncludes: ['to peer', 'namespace "data"'] }],
      output: null,
    },
  ],
});
