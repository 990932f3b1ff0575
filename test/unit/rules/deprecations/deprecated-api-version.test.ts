import rule from '../../../../src/core/rules/deprecations/deprecated-api-version';
import { runRuleTests } from '../../../helpers/rule-tester';

const cronJob = (apiVersion: string): string => `apiVersion: ${apiVersion}
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: backup
            image: busybox:1.36
`;

runRuleTests(rule, {
  valid: [
    cronJob('batch/v1'),
    { name: 'not yet deprecated in 1.20', code: cronJob('batch/v1beta1'), config: { kubernetesVersion: '1.20' } },
    { name: 'removed (another rule) in the default 1.32', code: cronJob('batch/v1beta1') },
  ],
  invalid: [
    {
      name: 'deprecated in 1.21, still served in 1.23',
      code: cronJob('batch/v1beta1'),
      config: { kubernetesVersion: '1.23' },
      errors: [{ messageId: 'deprecated', line: 1, column: 13, endLine: 1, endColumn: 26, messageIncludes: ['deprecated since Kubernetes 1.21', 'removed in 1.25', 'works on 1.23', 'batch/v1'] }],
      output: cronJob('batch/v1'),
    },
    {
      name: 'PodSecurityPolicy deprecated with no replacement',
      code: 'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: restricted\nspec:\n  privileged: false\n',
      config: { kubernetesVersion: '1.24' },
      errors: [{ messageId: 'deprecatedNoReplacement', line: 1, column: 13, endLine: 1, endColumn: 27, messageIncludes: ['Pod Security Admission'] }],
      output: null,
    },
  ],
});
