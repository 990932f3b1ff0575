import rule from '../../../../src/core/rules/jobs/job-ttl-after-finished';
import { runRuleTests } from '../../../helpers/rule-tester';

const job = (meta: string, extra: string): string => `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
${meta}spec:
${extra}  template:
    spec:
      restartPolicy: Never
      containers:
      - name: migrate
        image: app:1.0
`;

runRuleTests(rule, {
  valid: [
    { name: 'a Helm hook with a delete policy', code: job('  annotations:\n    helm.sh/hook: pre-install\n    helm.sh/hook-delete-policy: hook-succeeded\n', '') },
    job('', '  ttlSecondsAfterFinished: 3600\n'),
    { name: 'owned by a CronJob', code: job('  ownerReferences:\n  - apiVersion: batch/v1\n    kind: CronJob\n    name: nightly\n    uid: 0e4b0b5e-0000-0000-0000-000000000000\n', '') },
    { name: 'CronJobs use history limits', code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: c\n            image: app:1.0\n' },
  ],
  invalid: [
    {
      code: job('', '  backoffLimit: 2 # fail fast\n'),
      errors: [{
        messageId: 'missing', line: 5, column: 1, endLine: 5, endColumn: 5,
        suggestions: [job('', '  backoffLimit: 2 # fail fast\n  ttlSecondsAfterFinished: 86400\n')],
      }],
      output: null,
    },
  ],
});
