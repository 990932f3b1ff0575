import rule from '../../../../src/core/rules/networking/ingress-tls-secret';
import { runRuleTests } from '../../../helpers/rule-tester';

const ingress = (annotations: string, tls: string): string => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
${annotations}spec:
  ingressClassName: nginx
  tls:
${tls}  defaultBackend:
    service:
      name: web
      port:
        number: 80
`;
const TLS = '  - hosts: [shop.example.com]\n    secretName: shop-tls\n';
const SECRET = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: shop-tls\ntype: kubernetes.io/tls\ndata: {}\n';

runRuleTests(rule, {
  valid: [
    { code: ingress('', TLS), files: [{ path: 's.yaml', text: SECRET }] },
    ingress('  annotations:\n    cert-manager.io/cluster-issuer: letsencrypt\n', TLS),
  ],
  invalid: [
    {
      code: ingress('', TLS),
      errors: [{ messageId: 'notFound', line: 9, column: 17, endLine: 9, endColumn: 25, severity: 'info', messageIncludes: ['"shop-tls"', 'shop.example.com'] }],
      output: null,
    },
    {
      code: ingress('', '  - hosts: [shop.example.com]\n'),
      errors: [{ messageId: 'noSecretName', line: 8, column: 5, endLine: 8, endColumn: 10, severity: 'info' }],
      output: null,
    },
  ],
});
