import rule from '../../../../src/core/rules/networking/network-policy-egress-dns';
import { runRuleTests } from '../../../helpers/rule-tester';

const policy = (name: string, selector: string, egress: string): string => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
spec:
  podSelector: ${selector}
  policyTypes: [Egress]
${egress}`;
const DB = '  egress:\n  - to:\n    - podSelector:\n        matchLabels: {app: db}\n    ports:\n    - port: 5432\n';
const DNS = '  egress:\n  - to:\n    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: kube-system\n    ports:\n    - port: 53\n      protocol: UDP\n    - port: 53\n      protocol: TCP\n';
const API = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  labels: {app: api}\nspec:\n  containers:\n  - name: api\n    image: api:1\n';

runRuleTests(rule, {
  valid: [
    policy('dns', '{}', DNS),
    { name: 'another policy allows DNS to every pod', code: policy('api', '{matchLabels: {app: api}}', DB), files: [{ path: 'dns.yaml', text: policy('dns', '{}', DNS) }] },
    { name: 'another policy allows DNS to the same pods', code: policy('api', '{matchLabels: {app: api}}', DB), files: [{ path: 'dns.yaml', text: policy('dns', '{matchLabels: {app: api}}', DNS) }, { path: 'pod.yaml', text: API }] },
    { name: 'a rule without ports allows every port', code: policy('api', '{}', '  egress:\n  - to:\n    - ipBlock: {cidr: 10.0.0.0/8}\n') },
    { name: 'ingress only', code: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: i\nspec:\n  podSelector: {}\n' },
  ],
  invalid: [
    {
      code: policy('api', '{matchLabels: {app: api}}', DB),
      files: [{ path: 'pod.yaml', text: API }],
      errors: [{ messageId: 'noDns', line: 8, column: 3, endLine: 8, endColumn: 9, messageIncludes: ['Pod "api"'] }],
      output: null,
    },
    {
      name: 'deny all egress',
      code: policy('deny', '{}', ''),
      errors: [{ messageId: 'noDns', line: 7, column: 3, endLine: 7, endColumn: 14, messageIncludes: ['every pod of namespace "default"'] }],
      output: null,
    },
    {
      name: 'port 53 without protocol is TCP only',
      code: policy('dns', '{}', '  egress:\n  - ports:\n    - port: 53\n'),
      errors: [{ messageId: 'tcpOnly', line: 10, column: 13, endLine: 10, endColumn: 15 }],
      output: null,
    },
  ],
});
