import rule from '../../../../src/core/rules/networking/service-node-port';
import { runRuleTests } from '../../../helpers/rule-tester';

const service = (type: string, nodePort: number): string => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ${type}
  selector:
    app: web
  ports:
  - port: 80
    nodePort: ${nodePort} # fixed for the firewall
`;

runRuleTests(rule, {
  valid: [service('NodePort', 30080), service('LoadBalancer', 32767), { code: service('NodePort', 8080), options: { range: '8000-9000' } }],
  invalid: [
    {
      code: service('NodePort', 8080),
      errors: [{
        messageId: 'outOfRange', line: 11, column: 15, endLine: 11, endColumn: 19, messageIncludes: ['8080', '30000-32767'],
        suggestions: ['apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n  - port: 80\n'],
      }],
      output: null,
    },
    {
      code: service('ClusterIP', 30080),
      errors: [{ messageId: 'wrongType', line: 11, column: 15, endLine: 11, endColumn: 20, messageIncludes: ['ClusterIP'] }],
      output: null,
    },
  ],
});
