import * as assert from 'node:assert/strict';
import rule from '../../../../src/core/rules/security/no-secret-literals';
import { nameTokens, secretLiteral } from '../../../../src/core/rules/security/secret-patterns';
import { runRuleTests } from '../../../helpers/rule-tester';

const pod = (env: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: app:1.0
    env:
${env}`;
const configMap = (data: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
${data}`;

runRuleTests(rule, {
  valid: [
    pod('    - name: DB_PASSWORD\n      valueFrom:\n        secretKeyRef: {name: db, key: password}\n    - name: DB_PASSWORD_FILE\n      value: /run/secrets/db\n    - name: TOKEN_URL\n      value: https://auth.example.com/token\n    - name: CACHE_KEY\n      value: sessions\n    - name: PASSWORD\n      value: $(DB_PASSWORD)\n'),
    configMap('  tls.crt: |\n    -----BEGIN CERTIFICATE-----\n    MIIB\n    -----END CERTIFICATE-----\n  log_level: debug\n  app.properties: |\n    password.min-length=12\n    db.password=${DB_PASSWORD}\n'),
  ],
  invalid: [
    {
      code: pod('    - name: DB_PASSWORD\n      value: s3cr3t-P4ss\n    - name: stripeApiKey\n      value: "sk_live_51Habc"\n    - name: SIGNATURE_KEY\n      value: dGhpcyBpcyBhIHZlcnkgc2VjcmV0IGtleQ==\n'),
      errors: [
        { messageId: 'envName', line: 11, column: 14, endLine: 11, endColumn: 25, messageIncludes: ['"web"', 'DB_PASSWORD', 'Pod'] },
        { messageId: 'envName', line: 13, column: 14, endLine: 13, endColumn: 30, messageIncludes: ['stripeApiKey'] },
        { messageId: 'envBlob', line: 15, column: 14, endLine: 15, endColumn: 50, messageIncludes: ['SIGNATURE_KEY'] },
      ],
      output: null,
    },
    {
      code: configMap('  redis-password: hunter2-hunter2\n  tls.key: |\n    -----BEGIN RSA PRIVATE KEY-----\n    MIIE\n    -----END RSA PRIVATE KEY-----\n  app.properties: |\n    db.url=jdbc:postgresql://db/app\n    db.password=correct-horse\n'),
      errors: [
        { messageId: 'dataName', line: 6, column: 19, endLine: 6, endColumn: 34, messageIncludes: ['"redis-password"'] },
        { messageId: 'dataPem', line: 7, column: 3, endLine: 7, endColumn: 10, messageIncludes: ['"tls.key"'] },
        { messageId: 'dataFile', line: 11, column: 3, endLine: 11, endColumn: 17, messageIncludes: ['"app.properties"', 'db.password'] },
      ],
      output: null,
    },
    {
      name: 'a private key in an env value, a key blob in a ConfigMap',
      code: pod('    - name: TLS_KEY_PEM\n      value: "-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----"\n') + '---\n' + configMap('  cache.key: 3f9a1c0d2b7e4f6a8c1d3e5f7a9b0c2d\n'),
      errors: [
        { messageId: 'envPem', line: 11, column: 14, endLine: 11, endColumn: 76, messageIncludes: ['"web"', 'TLS_KEY_PEM'] },
        { messageId: 'dataBlob', line: 18, column: 14, endLine: 18, endColumn: 46, messageIncludes: ['"cache.key"'] },
      ],
      output: null,
    },
  ],
});

describe('secret patterns', () => {
  it('splits names the way people write them', () => {
    assert.deepEqual(nameTokens('DB_PASSWORD'), ['db', 'password']);
    assert.deepEqual(nameTokens('stripeApiKey'), ['stripe', 'api', 'key']);
    assert.deepEqual(nameTokens('tls.key'), ['tls', 'key']);
  });
  it('tells secret names from names about secrets', () => {
    assert.equal(secretLiteral('SECRET_KEY', 'abcdef12'), 'name');
    assert.equal(secretLiteral('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI'), 'name');
    assert.equal(secretLiteral('PASSWORD_MIN_LENGTH', '12'), undefined);
    assert.equal(secretLiteral('SESSION_TOKEN_TTL', '3600s'), undefined);
    assert.equal(secretLiteral('MONKEY', 'bananas-bananas'), undefined);
    assert.equal(secretLiteral('password', 'no'), undefined);
  });
});

describe('secret patterns: names of Secret objects', () => {
  it('does not take the name of a Secret object for a secret', () => {
    assert.equal(secretLiteral('WEBHOOK_SECRET', 'elastic-webhook-server-cert'), undefined);
    assert.equal(secretLiteral('CLIENT_SECRET', 'Xk9-fj2kLq0'), 'name');
  });
});
