import rule from '../../../../src/core/rules/networking/service-external-name';
import { runRuleTests } from '../../../helpers/rule-tester';

const service = (name: string): string => `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  type: ExternalName
${name}`;

runRuleTests(rule, {
  valid: [service('  externalName: db.example.com\n'), service('  externalName: db.example.com.\n'), service('  externalName: my-db\n')],
  invalid: [
    { code: service(''), errors: [{ messageId: 'missing', line: 6, column: 9, endLine: 6, endColumn: 21 }], output: null },
    { code: service('  externalName: 10.0.0.12\n'), errors: [{ messageId: 'ip', line: 7, column: 17, endLine: 7, endColumn: 26 }], output: null },
    { code: service('  externalName: fd00::12\n'), errors: [{ messageId: 'ip', line: 7, column: 17, endLine: 7, endColumn: 25 }], output: null },
    { code: service('  externalName: DB.example.com\n'), errors: [{ messageId: 'invalid', line: 7, column: 17, endLine: 7, endColumn: 31, messageIncludes: ['capital'] }], output: null },
    { code: service('  externalName: https://db.example.com\n'), errors: [{ messageId: 'invalid', messageIncludes: ['URL'], line: 7, column: 17, endLine: 7, endColumn: 39 }], output: null },
    { code: service('  externalName: db_1.example.com\n'), errors: [{ messageId: 'invalid', line: 7, column: 17, endLine: 7, endColumn: 33 }], output: null },
  ],
});
