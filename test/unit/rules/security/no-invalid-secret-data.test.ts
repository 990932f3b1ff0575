import * as assert from 'node:assert/strict';
import rule, { isValidBase64 } from '../../../../src/core/rules/security/no-invalid-secret-data';
import { runRuleTests } from '../../../helpers/rule-tester';

const secret = (body: string): string => `apiVersion: v1
kind: Secret
metadata:
  name: db
${body}`;

runRuleTests(rule, {
  valid: [
    secret('data:\n  password: bXkgcGFzc3dvcmQ=\n  empty: ""\n  long: |-\n    bXkgcGFzc3dv\n    cmQ=\nstringData:\n  user: admin\n'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  plain: not base64 at all\nbinaryData:\n  logo: iVBORw0KGgo=\n',
  ],
  invalid: [
    {
      name: 'plain text in data, with a suggestion to move it to stringData',
      code: secret('type: Opaque\ndata:\n  user: YWRtaW4=\n  password: my password # oops\n'),
      errors: [{
        messageId: 'invalid', line: 8, column: 13, endLine: 8, endColumn: 24, severity: 'error', messageIncludes: ['"password"', 'stringData'],
        suggestions: [secret('type: Opaque\ndata:\n  user: YWRtaW4=\nstringData:\n  password: my password\n')],
      }],
      output: null,
    },
    {
      name: 'missing padding, and a number',
      code: secret('data:\n  token: YWJj\n  short: YWI\n  pin: 1234\n'),
      errors: [
        { messageId: 'invalid', line: 7, column: 10, endLine: 7, endColumn: 13, messageIncludes: ['"short"'] },
        { messageId: 'notString', line: 8, column: 8, endLine: 8, endColumn: 12, messageIncludes: ['"pin"'] },
      ],
      output: null,
    },
  ],
});

describe('isValidBase64', () => {
  it('accepts padded standard base64, split over lines', () => {
    for (const v of ['', 'YQ==', 'YWI=', 'YWJj', 'bXkgcGFzc3dv\ncmQ=', 'a+b/cd==']) assert.ok(isValidBase64(v), JSON.stringify(v));
  });
  it('rejects missing padding, spaces (a folded scalar) and the URL alphabet', () => {
    for (const v of ['YQ', 'YWI', 'bXkgcGFzc3dv cmQ=', 'a-b_cd==', 'my password', '====']) assert.ok(!isValidBase64(v), JSON.stringify(v));
  });
});
