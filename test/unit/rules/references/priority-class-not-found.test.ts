import rule from '../../../../src/core/rules/references/priority-class-not-found';
import { runRuleTests } from '../../../helpers/rule-tester';

const pod = (name: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  priorityClassName: ${name}
  containers:
  - name: web
    image: nginx:1.27
`;

runRuleTests(rule, {
  valid: [
    pod('system-node-critical'),
    { code: pod('high'), files: [{ path: 'pc.yaml', text: 'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: high\nvalue: 1000\n' }] },
  ],
  invalid: [
    {
      code: pod('high'),
      errors: [{ messageId: 'notFound', line: 6, column: 22, endLine: 6, endColumn: 26, severity: 'info', messageIncludes: ['"high"'] }],
      output: null,
    },
  ],
});
