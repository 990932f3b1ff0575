import rule from '../../../../src/core/rules/rbac/no-rbac-wildcard';
import { runRuleTests } from '../../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: read-pods
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list", "watch"]
`,
  ],
  invalid: [
    {
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: too-much
rules:
- apiGroups: ["*"]
  resources: ["pods", "*"]
  verbs:
  - get
  - "*"
`,
      errors: [
        { messageId: 'apiGroups', line: 6, column: 15, endLine: 6, endColumn: 18 },
        { messageId: 'resources', line: 7, column: 23, endLine: 7, endColumn: 26 },
        { messageId: 'verbs', line: 10, column: 5, endLine: 10, endColumn: 8, messageIncludes: ['pods, *'] },
      ],
      output: null,
    },
  ],
});
