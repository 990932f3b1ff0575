import rule from '../../../../src/core/rules/networking/service-exposure';
import { runRuleTests } from '../../../helpers/rule-tester';

const service = (type: string, extra = ''): string => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
${extra}  ports:
  - port: 80
`;

runRuleTests(rule, {
  valid: [service('ClusterIP'), service('ExternalName', '  externalName: a.example.com\n')],
  invalid: [
    { code: service('NodePort'), errors: [{ messageId: 'nodePort', line: 6, column: 9, endLine: 6, endColumn: 17, severity: 'info' }], output: null },
    {
      code: service('LoadBalancer', '  loadBalancerSourceRanges: [10.0.0.0/8]\n'),
      errors: [{ messageId: 'loadBalancer', line: 6, column: 9, endLine: 6, endColumn: 21, messageIncludes: ['limited to 10.0.0.0/8'] }],
      output: null,
    },
  ],
});
