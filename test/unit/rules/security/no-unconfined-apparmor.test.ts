import rule from '../../../../src/core/rules/security/no-unconfined-apparmor';
import { runRuleTests } from '../../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    container.apparmor.security.beta.kubernetes.io/web: localhost/k8s-nginx
spec:
  securityContext:
    appArmorProfile: {type: RuntimeDefault}
  containers:
  - name: web
    image: nginx:1.27
    securityContext:
      appArmorProfile: {type: Localhost, localhostProfile: k8s-nginx}
`,
  ],
  invalid: [
    {
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
      annotations:
        container.apparmor.security.beta.kubernetes.io/web: unconfined
    spec:
      securityContext:
        appArmorProfile: {type: Unconfined}
      containers:
      - name: web
        image: nginx:1.27
        securityContext:
          appArmorProfile:
            type: Unconfined
`,
      errors: [
        { messageId: 'annotation', line: 11, column: 61, endLine: 11, endColumn: 71, messageIncludes: ['"web"', 'unconfined', 'AppArmor'] },
        { messageId: 'pod', line: 14, column: 33, endLine: 14, endColumn: 43 },
        { messageId: 'container', line: 20, column: 19, endLine: 20, endColumn: 29, messageIncludes: ['"web"'] },
      ],
      output: null,
    },
  ],
});
