import rule from '../../../../src/core/rules/networking/ingress-class-name';
import { runRuleTests } from '../../../helpers/rule-tester';

const ingress = (metadata: string, cls: string): string => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
${metadata}spec:
${cls}  defaultBackend:
    service:
      name: web
      port:
        number: 80
`;
const DEFAULT_CLASS = 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: traefik\n  annotations:\n    ingressclass.kubernetes.io/is-default-class: "true"\nspec:\n  controller: traefik.io/ingress-controller\n';

runRuleTests(rule, {
  valid: [
    ingress('', '  ingressClassName: nginx\n'),
    { name: 'a default IngressClass among the inputs', code: ingress('', ''), files: [{ path: 'c.yaml', text: DEFAULT_CLASS }] },
  ],
  invalid: [
    {
      code: ingress('', ''),
      errors: [{
        messageId: 'missing', line: 5, column: 1, endLine: 5, endColumn: 5, messageIncludes: ['traefik on k3s'],
        suggestions: [`${ingress('', '')}  ingressClassName: traefik\n`, `${ingress('', '')}  ingressClassName: nginx\n`],
      }],
      output: null,
    },
    {
      name: 'the deprecated annotation',
      code: ingress('  annotations:\n    kubernetes.io/ingress.class: nginx\n', ''),
      errors: [{
        messageId: 'annotation', line: 6, column: 5, endLine: 6, endColumn: 32, severity: 'info',
        suggestions: [`${ingress('', '')}  ingressClassName: nginx\n`],
      }],
      output: null,
    },
    {
      name: 'the deprecated annotation among others',
      code: ingress('  annotations:\n    kubernetes.io/ingress.class: nginx\n    team: front\n', ''),
      errors: [{
        messageId: 'annotation', line: 6, column: 5, endLine: 6, endColumn: 32,
        suggestions: [`${ingress('  annotations:\n    team: front\n', '')}  ingressClassName: nginx\n`],
      }],
      output: null,
    },
  ],
});
