import rule from '../../../../src/core/rules/security/require-run-as-non-root';
import { runRuleTests } from '../../../helpers/rule-tester';

const restricted = { podSecurity: 'restricted' as const };
const pod = (podSc: string, containers: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${podSc}  containers:
${containers}`;
const web = '  - name: web\n    image: nginx:1.27\n';

runRuleTests(rule, {
  valid: [
    { name: 'not checked at baseline', code: pod('', web) },
    { code: pod('  securityContext:\n    runAsNonRoot: true\n    runAsUser: 101\n', web), config: restricted },
    { name: 'every container sets it', code: pod('', '  - name: web\n    image: nginx:1.27\n    securityContext: {runAsNonRoot: true}\n'), config: restricted },
  ],
  invalid: [
    {
      name: 'no setting anywhere: one finding on the pod spec',
      code: pod('', web),
      config: restricted,
      errors: [{
        messageId: 'missingPod', line: 5, column: 1, endLine: 5, endColumn: 5, messageIncludes: ['runAsNonRoot', 'restricted: "Running as Non-root"'],
        suggestions: [`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    securityContext:
      allowPrivilegeEscalation: false
      capabilities:
        drop:
        - ALL
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
`],
      }],
      output: null,
    },
    {
      name: 'one container without it when the other sets it; runAsUser 0',
      code: pod('', '  - name: web\n    image: nginx:1.27\n    securityContext: {runAsNonRoot: true}\n  - name: debug\n    image: busybox:1.36\n    securityContext:\n      runAsUser: 0\n'),
      config: restricted,
      errors: [
        { messageId: 'missingContainer', line: 10, column: 11, endLine: 10, endColumn: 16, messageIncludes: ['"debug"'] },
        { messageId: 'rootUserContainer', line: 13, column: 18, endLine: 13, endColumn: 19, messageIncludes: ['"debug"', 'Running as Non-root user'] },
      ],
      output: null,
    },
    {
      name: 'explicit false at pod and container level',
      code: pod('  securityContext:\n    runAsNonRoot: false\n    runAsUser: 0\n', '  - name: web\n    image: nginx:1.27\n  - name: side\n    image: envoy:1.30\n    securityContext: {runAsNonRoot: false}\n'),
      config: restricted,
      errors: [
        { messageId: 'podFalse', line: 7, column: 19, endLine: 7, endColumn: 24 },
        { messageId: 'rootUserPod', line: 8, column: 16, endLine: 8, endColumn: 17 },
        { messageId: 'containerFalse', line: 14, column: 37, endLine: 14, endColumn: 42, messageIncludes: ['"side"'] },
      ],
      output: null,
    },
  ],
});
