import rule from '../../../../src/core/rules/security/no-restricted-volume-types';
import { runRuleTests } from '../../../helpers/rule-tester';

const restricted = { podSecurity: 'restricted' as const };
const pod = (volumes: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
  volumes:
${volumes}`;
const nfs = '  - name: shared\n    nfs:\n      server: nfs.example.com\n      path: /exports\n';

runRuleTests(rule, {
  valid: [
    { name: 'not checked at baseline', code: pod(nfs) },
    { code: pod('  - name: a\n    emptyDir: {}\n  - name: b\n    projected: {sources: []}\n  - name: c\n    ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}}\n'), config: restricted },
    { name: 'hostPath is left to no-host-path-volume', code: pod('  - name: h\n    hostPath: {path: /srv}\n'), config: restricted },
  ],
  invalid: [
    {
      code: pod(nfs),
      config: restricted,
      errors: [{ messageId: 'restricted', line: 11, column: 5, endLine: 11, endColumn: 8, messageIncludes: ['"shared"', 'nfs', 'restricted: "Volume Types"'] }],
      output: null,
    },
  ],
});
