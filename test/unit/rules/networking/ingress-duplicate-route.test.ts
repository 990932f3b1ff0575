import rule from '../../../../src/core/rules/networking/ingress-duplicate-route';
import { runRuleTests } from '../../../helpers/rule-tester';

const ingress = (name: string, cls: string, host: string, path: string): string => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
spec:
  ingressClassName: ${cls}
  rules:
  - host: ${host}
    http:
      paths:
      - path: ${path}
        pathType: Prefix
        backend:
          service:
            name: ${name}
            port:
              number: 80
`;

runRuleTests(rule, {
  valid: [
    { code: ingress('a', 'nginx', 'shop.example.com', '/'), files: [{ path: 'b.yaml', text: ingress('b', 'nginx', 'shop.example.com', '/api') }] },
    { name: 'other class', code: ingress('a', 'nginx', 'shop.example.com', '/'), files: [{ path: 'b.yaml', text: ingress('b', 'traefik', 'shop.example.com', '/') }] },
    { name: 'other host', code: ingress('a', 'nginx', 'shop.example.com', '/'), files: [{ path: 'b.yaml', text: ingress('b', 'nginx', 'blog.example.com', '/') }] },
  ],
  invalid: [{
    code: ingress('a', 'nginx', 'shop.example.com', '/'),
    files: [{ path: 'b.yaml', text: ingress('b', 'nginx', 'shop.example.com', '/') }],
    errors: [{ messageId: 'duplicate', line: 11, column: 15, endLine: 11, endColumn: 16, messageIncludes: ['shop.example.com/', 'Ingress "b"'] }],
    output: null,
  }],
});
