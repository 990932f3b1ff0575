import rule from '../../../../src/core/rules/networking/ingress-backend-service';
import { runRuleTests } from '../../../helpers/rule-tester';

const ingress = (service: string, port: string): string => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
spec:
  ingressClassName: traefik
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: ${service}
            port:
              ${port}
`;
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    app: web\n  ports:\n  - name: http\n    port: 80\n    targetPort: 8080\n';
const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';

runRuleTests(rule, {
  valid: [
    { code: ingress('web', 'number: 80'), files: [{ path: 's.yaml', text: SERVICE }] },
    { code: ingress('web', 'name: http'), files: [{ path: 's.yaml', text: SERVICE }] },
  ],
  invalid: [
    {
      name: 'the container port instead of the Service port',
      code: ingress('web', 'number: 8080'),
      files: [{ path: 's.yaml', text: SERVICE }],
      errors: [{
        messageId: 'portNotFound', line: 18, column: 23, endLine: 18, endColumn: 27, messageIncludes: ['no port 8080', 'shop.example.com/', '80 (http)', 'targetPort of port 80'],
        suggestions: [ingress('web', 'number: 80')],
      }],
      output: null,
    },
    {
      name: 'unknown port name',
      code: ingress('web', 'name: https'),
      files: [{ path: 's.yaml', text: SERVICE }],
      errors: [{ messageId: 'portNotFound', line: 18, column: 21, endLine: 18, endColumn: 26, messageIncludes: ['no port "https"'] }],
      output: null,
    },
    {
      name: 'Service missing in a described namespace',
      code: ingress('api', 'number: 80'),
      files: [{ path: 's.yaml', text: SERVICE }, { path: 'ns.yaml', text: NAMESPACE }],
      errors: [{ messageId: 'serviceNotFound', line: 16, column: 19, endLine: 16, endColumn: 22, severity: 'error', messageIncludes: ['"api"'] }],
      output: null,
    },
  ],
});
