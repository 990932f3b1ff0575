import rule from '../../../../src/core/rules/images/require-image-registry';
import { runRuleTests } from '../../../helpers/rule-tester';

const pod = (image: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: ${image}
`;

runRuleTests(rule, {
  valid: [
    pod('nginx:1.27'),
    pod('bitnami/redis:7.2'),
    pod('registry.acme.example/billing/api:1.2'),
    pod('k3d-registry.localhost:5000/api:1.2'),
    { name: 'namespaces declared public by the option', code: pod('acme/api:1.2'), options: { publicNamespaces: ['acme'] } },
  ],
  invalid: [
    {
      code: pod('acme-internal/billing:1.2'),
      errors: [{ messageId: 'unqualified', line: 8, column: 12, endLine: 8, endColumn: 37, severity: 'info', messageIncludes: ['"web"', '"acme-internal"'] }],
      output: null,
    },
  ],
});
