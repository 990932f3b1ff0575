import rule from '../../../../src/core/rules/rbac/no-rbac-escalation';
import { runRuleTests } from '../../../helpers/rule-tester';

const role = (rules: string): string => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: r
rules:
${rules}`;

runRuleTests(rule, {
  valid: [
    role('- apiGroups: [""]\n  resources: ["pods", "pods/log"]\n  verbs: ["get", "list"]\n'),
    { name: 'escalate on something other than roles', code: role('- apiGroups: ["example.com"]\n  resources: ["widgets"]\n  verbs: ["escalate"]\n') },
  ],
  invalid: [
    {
      code: role('- apiGroups: [""]\n  resources: ["pods", "pods/exec", "pods/attach"]\n  verbs: ["get", "create"]\n- apiGroups: [""]\n  resources: ["nodes/proxy"]\n  verbs: ["get"]\n'),
      errors: [
        { messageId: 'exec', line: 7, column: 23, endLine: 7, endColumn: 34 },
        { messageId: 'attach', line: 7, column: 36, endLine: 7, endColumn: 49 },
        { messageId: 'createPods', line: 8, column: 18, endLine: 8, endColumn: 26 },
        { messageId: 'nodesProxy', line: 10, column: 15, endLine: 10, endColumn: 28 },
      ],
      output: null,
    },
    {
      code: role('- apiGroups: ["rbac.authorization.k8s.io"]\n  resources: ["clusterroles"]\n  verbs: ["bind", "escalate"]\n- apiGroups: [""]\n  resources: ["serviceaccounts"]\n  verbs: ["impersonate"]\n'),
      errors: [
        { messageId: 'bind', line: 8, column: 11, endLine: 8, endColumn: 17 },
        { messageId: 'escalate', line: 8, column: 19, endLine: 8, endColumn: 29 },
        { messageId: 'impersonate', line: 11, column: 11, endLine: 11, endColumn: 24 },
      ],
      output: null,
    },
  ],
});
