import rule from '../../../../src/core/rules/reliability/require-matching-selector';
import { runRuleTests } from '../../../helpers/rule-tester';
import { deployment } from './fixtures';

runRuleTests(rule, {
  valid: [
    deployment(),
    deployment().replace('matchLabels: {app: web}', 'matchExpressions: [{key: app, operator: In, values: [web, api]}]'),
    { name: 'Jobs generate their own selector', code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  selector: {matchLabels: {x: y}}\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - {name: a, image: a:1}\n' },
  ],
  invalid: [
    {
      code: deployment().replace('labels: {app: web}', 'labels: {app: frontend}'),
      errors: [{ messageId: 'mismatch', line: 6, column: 3, endLine: 6, endColumn: 11, severity: 'error', messageIncludes: ['app=web', 'app=frontend', 'Deployment'] }],
      output: null,
    },
    {
      code: 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: rc\nspec:\n  selector: {app: a}\n  template:\n    metadata: {labels: {app: b}}\n    spec:\n      containers:\n      - {name: a, image: a:1}\n',
      errors: [{ messageId: 'mismatch', line: 6, column: 3, endLine: 6, endColumn: 11 }],
      output: null,
    },
  ],
});
