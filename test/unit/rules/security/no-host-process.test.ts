import rule from '../../../../src/core/rules/security/no-host-process';
import { runRuleTests } from '../../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  securityContext:\n    windowsOptions: {hostProcess: false}\n  containers:\n  - name: app\n    image: app:1\n',
  ],
  invalid: [
    {
      code: `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  hostNetwork: true
  securityContext:
    windowsOptions:
      hostProcess: true
  containers:
  - name: agent
    image: agent:1
    securityContext:
      windowsOptions: {hostProcess: true}
`,
      errors: [
        { messageId: 'pod', line: 9, column: 20, endLine: 9, endColumn: 24, messageIncludes: ['HostProcess'] },
        { messageId: 'container', line: 14, column: 37, endLine: 14, endColumn: 41, messageIncludes: ['"agent"'] },
      ],
      output: null,
    },
  ],
});
