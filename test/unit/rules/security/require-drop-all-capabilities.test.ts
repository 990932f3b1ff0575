import rule from '../../../../src/core/rules/security/require-drop-all-capabilities';
import { runRuleTests } from '../../../helpers/rule-tester';

const restricted = { podSecurity: 'restricted' as const };
const pod = (sc: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  containers:
  - name: web
    image: nginx:1.27
${sc}`;

runRuleTests(rule, {
  valid: [
    { name: 'not checked at baseline', code: pod('') },
    { code: pod('    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop: [ALL]\n        add: [NET_BIND_SERVICE]\n'), config: restricted },
  ],
  invalid: [
    {
      name: 'a drop list without ALL: ALL is appended',
      code: pod('    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop:\n        - NET_RAW # no raw sockets\n'),
      config: restricted,
      errors: [{
        messageId: 'notDropped', line: 13, column: 9, endLine: 13, endColumn: 13, messageIncludes: ['"web"', 'restricted: "Capabilities"'],
        suggestions: [
          pod('    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop:\n        - NET_RAW # no raw sockets\n        - ALL\n'),
          pod('    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop:\n        - NET_RAW # no raw sockets\n        - ALL\n'),
        ],
      }],
      output: null,
    },
    {
      name: 'no capabilities at all',
      code: pod('    securityContext:\n      allowPrivilegeEscalation: false\n'),
      config: restricted,
      errors: [{
        messageId: 'notDropped', line: 8, column: 11, endLine: 8, endColumn: 14,
        suggestions: [
          pod('    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop:\n        - ALL\n'),
          pod('    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop:\n        - ALL\n'),
        ],
      }],
      output: null,
    },
  ],
});
