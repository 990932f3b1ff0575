import rule from '../../../../src/core/rules/security/no-secret-in-env';
import { runRuleTests } from '../../../helpers/rule-tester';

const pod = (env: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: app:1.0
${env}`;

runRuleTests(rule, {
  valid: [
    pod('    env:\n    - name: LEVEL\n      valueFrom:\n        configMapKeyRef: {name: settings, key: level}\n    envFrom:\n    - configMapRef: {name: settings}\n'),
  ],
  invalid: [
    {
      code: pod('    env:\n    - name: DB_PASSWORD\n      valueFrom:\n        secretKeyRef: {name: db, key: password}\n    envFrom:\n    - secretRef:\n        name: api\n'),
      errors: [
        { messageId: 'env', line: 12, column: 9, endLine: 12, endColumn: 21, severity: 'info', messageIncludes: ['"web"', '"password"', '"db"', 'DB_PASSWORD'] },
        { messageId: 'envFrom', line: 14, column: 7, endLine: 14, endColumn: 16, messageIncludes: ['"api"'] },
      ],
      output: null,
    },
  ],
});
