import rule from '../../../../src/core/rules/security/no-custom-selinux-options';
import { runRuleTests } from '../../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    seLinuxOptions: {level: "s0:c123,c456", type: container_t}
  containers:
  - name: web
    image: nginx:1.27
    securityContext:
      seLinuxOptions: {type: container_init_t, user: ""}
`,
  ],
  invalid: [
    {
      code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    seLinuxOptions:
      type: spc_t
  containers:
  - name: web
    image: nginx:1.27
    securityContext:
      seLinuxOptions: {user: system_u, role: system_r}
`,
      errors: [
        { messageId: 'type', line: 8, column: 13, endLine: 8, endColumn: 18, messageIncludes: ['spc_t', 'this pod', 'SELinux'] },
        { messageId: 'userOrRole', line: 13, column: 30, endLine: 13, endColumn: 38, messageIncludes: ['user', 'system_u', 'container "web"'] },
        { messageId: 'userOrRole', line: 13, column: 46, endLine: 13, endColumn: 54, messageIncludes: ['role', 'system_r'] },
      ],
      output: null,
    },
  ],
});
