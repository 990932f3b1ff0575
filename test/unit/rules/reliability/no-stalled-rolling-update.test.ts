import rule from '../../../../src/core/rules/reliability/no-stalled-rolling-update';
import { runRuleTests } from '../../../helpers/rule-tester';
import { deployment } from './fixtures';

const strategy = (ru: string, replicas = 3): string => deployment(`  replicas: ${replicas}\n  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n${ru}`);

runRuleTests(rule, {
  valid: [
    strategy('      maxUnavailable: 0\n      maxSurge: 1\n'),
    strategy('      maxUnavailable: 10%\n      maxSurge: 0\n', 10),
    { name: 'the defaults (25%/25%) always progress', code: deployment('  replicas: 1\n') },
    { name: 'Recreate has no rolling update', code: deployment('  strategy: {type: Recreate}\n') },
  ],
  invalid: [
    {
      code: strategy('      maxUnavailable: 0\n      maxSurge: 0 # no extra pods\n'),
      errors: [{
        messageId: 'bothZero', line: 11, column: 17, endLine: 11, endColumn: 18, severity: 'error',
        suggestions: [strategy('      maxUnavailable: 0\n      maxSurge: 1 # no extra pods\n')],
      }],
      output: null,
    },
    {
      name: 'a percentage that rounds down to 0',
      code: strategy('      maxUnavailable: 10%\n      maxSurge: 0%\n', 3),
      errors: [{ messageId: 'roundsToZero', line: 11, column: 17, endLine: 11, endColumn: 19, messageIncludes: ['3 replicas', '10%'] }],
      output: null,
    },
  ],
});
