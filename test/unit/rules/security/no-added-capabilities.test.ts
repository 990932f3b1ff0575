import rule from '../../../../src/core/rules/security/no-added-capabilities';
import { runRuleTests } from '../../../helpers/rule-tester';

const pod = (add: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    securityContext:
      capabilities:
        add: ${add}
`;

runRuleTests(rule, {
  valid: [
    pod('[NET_BIND_SERVICE]'),
    { name: 'baseline allows the runtime defaults', code: pod('[CHOWN, SETUID]') },
    { name: 'restricted allows NET_BIND_SERVICE', code: pod('[NET_BIND_SERVICE]') + '    # restricted\n', config: { podSecurity: 'restricted' } },
  ],
  invalid: [
    {
      code: pod('[NET_BIND_SERVICE, SYS_ADMIN]'),
      errors: [{
        messageId: 'baseline', line: 11, column: 33, endLine: 11, endColumn: 42, messageIncludes: ['"web"', 'SYS_ADMIN', 'baseline: "Capabilities"'],
        suggestions: [pod('[NET_BIND_SERVICE]'), `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    securityContext:
      capabilities:
        add:
        - NET_BIND_SERVICE
        drop:
        - ALL
      allowPrivilegeEscalation: false
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
`],
      }],
      output: null,
    },
    {
      name: 'restricted reports the runtime defaults too',
      code: pod('[CHOWN]'),
      config: { podSecurity: 'restricted' },
      errors: [{ messageId: 'restricted', line: 11, column: 15, endLine: 11, endColumn: 20, messageIncludes: ['CHOWN', 'restricted: "Capabilities"'] }],
      output: null,
    },
  ],
});
