import rule from '../../../../src/core/rules/security/require-seccomp-profile';
import { runRuleTests } from '../../../helpers/rule-tester';

const restricted = { podSecurity: 'restricted' as const };

runRuleTests(rule, {
  valid: [
    {
      name: 'baseline does not require a profile',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n',
    },
    {
      name: 'a pod-level profile covers every container',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    seccompProfile: {type: RuntimeDefault}\n  containers:\n  - name: web\n    image: nginx:1.27\n',
      config: restricted,
    },
    {
      name: 'container-level profiles on every container',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    securityContext:\n      seccompProfile: {type: Localhost, localhostProfile: profiles/web.json}\n',
      config: restricted,
    },
  ],
  invalid: [
    {
      name: 'Unconfined is reported at baseline',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    securityContext:\n      seccompProfile: {type: Unconfined}\n',
      errors: [{ messageId: 'unconfinedContainer', line: 10, column: 30, endLine: 10, endColumn: 40, messageIncludes: ['"web"', 'baseline: "Seccomp"'] }],
      output: null,
    },
    {
      name: 'restricted: no profile anywhere is one finding on the pod spec, with the restricted fix',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n',
      config: restricted,
      errors: [{
        messageId: 'missingPod', line: 5, column: 1, endLine: 5, endColumn: 5, messageIncludes: ['restricted: "Seccomp"'],
        suggestions: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop:\n        - ALL\n  securityContext:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n'],
      }],
      output: null,
    },
    {
      name: 'restricted: the container that sets none when another does',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  initContainers:\n  - name: init\n    image: busybox:1.36\n  containers:\n  - name: web\n    image: nginx:1.27\n    securityContext:\n      seccompProfile: {type: RuntimeDefault}\n',
      config: restricted,
      errors: [{ messageId: 'missingContainer', line: 7, column: 11, endLine: 7, endColumn: 15, messageIncludes: ['"init"'] }],
      output: null,
    },
  ],
});
