import rule from '../../../../src/core/rules/reliability/require-pod-anti-affinity';
import { runRuleTests } from '../../../helpers/rule-tester';
import { deployment } from './fixtures';

runRuleTests(rule, {
  valid: [
    deployment('  replicas: 1\n'),
    deployment('  replicas: 3\n').replace('      containers:\n', '      topologySpreadConstraints:\n      - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: web}}}\n      containers:\n'),
    deployment('  replicas: 3\n').replace('      containers:\n', '      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution: []\n      containers:\n'),
  ],
  invalid: [
    {
      code: deployment('  replicas: 3\n'),
      errors: [{
        messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 12, severity: 'info', messageIncludes: ['3 replicas'],
        suggestions: [`${deployment('  replicas: 3\n')}      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: kubernetes.io/hostname
        whenUnsatisfiable: ScheduleAnyway
        labelSelector:
          matchLabels:
            app: web
`],
      }],
      output: null,
    },
  ],
});
