import rule from '../../../../src/core/rules/security/no-privilege-escalation';
import { runRuleTests } from '../../../helpers/rule-tester';

const restricted = { podSecurity: 'restricted' as const };
const pod = (sc: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext: {runAsNonRoot: true}
  containers:
  - name: web
    image: nginx:1.27
${sc}`;

runRuleTests(rule, {
  valid: [
    { name: 'not checked at baseline', code: pod('') },
    { code: pod('    securityContext:\n      allowPrivilegeEscalation: false\n'), config: restricted },
    { name: 'Windows pods are exempt', code: pod('') + '  os: {name: windows}\n', config: restricted },
  ],
  invalid: [
    {
      code: pod(''),
      config: restricted,
      errors: [{
        messageId: 'notSet', line: 8, column: 11, endLine: 8, endColumn: 14, messageIncludes: ['"web"', 'restricted: "Privilege Escalation"'],
        suggestions: [pod('    securityContext:\n      allowPrivilegeEscalation: false\n'), `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  containers:
  - name: web
    image: nginx:1.27
    securityContext:
      allowPrivilegeEscalation: false
      capabilities:
        drop:
        - ALL
`],
      }],
      output: null,
    },
    {
      code: pod('    securityContext:\n      allowPrivilegeEscalation: true  # sudo inside\n'),
      config: restricted,
      errors: [{
        messageId: 'allowed', line: 11, column: 33, endLine: 11, endColumn: 37,
        suggestions: [pod('    securityContext:\n      allowPrivilegeEscalation: false  # sudo inside\n'), `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  containers:
  - name: web
    image: nginx:1.27
    securityContext:
      allowPrivilegeEscalation: false  # sudo inside
      capabilities:
        drop:
        - ALL
`],
      }],
      output: null,
    },
    {
      name: 'a privileged container: the fix also clears privileged (the API rejects the pair)',
      code: pod('    securityContext: {privileged: true}\n'),
      config: restricted,
      errors: [{
        messageId: 'notSet', line: 8, column: 11, endLine: 8, endColumn: 14,
        suggestions: [pod('    securityContext:\n      privileged: false\n      allowPrivilegeEscalation: false\n'), `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  containers:
  - name: web
    image: nginx:1.27
    securityContext:
      privileged: false
      allowPrivilegeEscalation: false
      capabilities:
        drop:
        - ALL
`],
      }],
      output: null,
    },
  ],
});
