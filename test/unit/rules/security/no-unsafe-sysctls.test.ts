import rule from '../../../../src/core/rules/security/no-unsafe-sysctls';
import { runRuleTests } from '../../../helpers/rule-tester';

const pod = (sysctls: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    sysctls:
${sysctls}  containers:
  - name: web
    image: nginx:1.27
`;

runRuleTests(rule, {
  valid: [
    pod('    - name: net.ipv4.ip_local_port_range\n      value: "1024 65535"\n    - name: net/ipv4/tcp_syncookies\n      value: "1"\n'),
  ],
  invalid: [
    {
      code: pod('    - name: kernel.shm_rmid_forced\n      value: "1"\n    - name: net.core.somaxconn\n      value: "1024"\n'),
      errors: [{ messageId: 'unsafe', line: 10, column: 13, endLine: 10, endColumn: 31, messageIncludes: ['net.core.somaxconn', 'Sysctls'] }],
      output: null,
    },
  ],
});
