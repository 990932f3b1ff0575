import rule from '../../../../src/core/rules/reliability/no-blocking-pod-disruption-budget';
import { runRuleTests } from '../../../helpers/rule-tester';
import { deployment, hpa } from './fixtures';

const pdb = (budget: string): string => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
${budget}  selector:
    matchLabels: {app: web}
`;
const web = (replicas: number): { path: string; text: string } => ({ path: 'web.yaml', text: deployment(`  replicas: ${replicas}\n`) });

runRuleTests(rule, {
  valid: [
    pdb('  maxUnavailable: 1\n'),
    { code: pdb('  minAvailable: 2\n'), files: [web(3)] },
    { name: 'minAvailable with no known workload', code: pdb('  minAvailable: 2\n') },
    { name: 'an HPA changes the replica count', code: pdb('  minAvailable: 2\n'), files: [web(2), hpa(2)] },
  ],
  invalid: [
    {
      code: pdb('  maxUnavailable: 0 # never\n'),
      errors: [{ messageId: 'zeroUnavailable', line: 6, column: 19, endLine: 6, endColumn: 20, suggestions: [pdb('  maxUnavailable: 1 # never\n')] }],
      output: null,
    },
    {
      code: pdb('  minAvailable: 100%\n'),
      errors: [{ messageId: 'allAvailable', line: 6, column: 17, endLine: 6, endColumn: 21, suggestions: [pdb('  maxUnavailable: 1\n')] }],
      output: null,
    },
    {
      code: pdb('  minAvailable: 2\n'),
      files: [web(2)],
      errors: [{ messageId: 'minAtReplicas', line: 6, column: 17, endLine: 6, endColumn: 18, messageIncludes: ['Deployment "web"', 'only 2'] }],
      output: null,
    },
  ],
});
