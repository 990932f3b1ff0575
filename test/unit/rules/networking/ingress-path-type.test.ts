import rule from '../../../../src/core/rules/networking/ingress-path-type';
import { runRuleTests } from '../../../helpers/rule-tester';

const ingress = (pathType: string): string => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: traefik
  rules:
  - http:
      paths:
      - path: /api # the API
${pathType}        backend:
          service:
            name: api
            port:
              number: 80
`;

runRuleTests(rule, {
  valid: [
    ingress('        pathType: Prefix\n'),
    ingress('        pathType: Exact\n'),
    { name: 'optional in v1beta1', code: ingress('').replace('networking.k8s.io/v1', 'networking.k8s.io/v1beta1') },
  ],
  invalid: [{
    code: ingress(''),
    errors: [{
      messageId: 'missing', line: 10, column: 15, endLine: 10, endColumn: 19, messageIncludes: ['"/api"'],
      suggestions: [ingress('        pathType: Prefix\n'), ingress('        pathType: Exact\n'), ingress('        pathType: ImplementationSpecific\n')],
    }],
    output: null,
  }],
});
