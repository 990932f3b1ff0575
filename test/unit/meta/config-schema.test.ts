/**
 * schemas/kubeplan-config.schema.json agrees with the configuration reader (src/core/config):
 * what one accepts the other accepts, what one refuses the other refuses.
 */
import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { configSchema } from '../../../src/cli/config-schema';
import { parseConfig } from '../../../src/core/config/config';
import { RULES, RULES_BY_ID } from '../../../src/core/rules';

const validate = new Ajv({ strict: false, allErrors: true }).compile(configSchema(RULES));
const withOptions = RULES.find((r) => r.options && Object.keys(r.options.defaults as object).length > 0);
const plain = RULES.find((r) => !r.options)!;

function agree(text: string, expected: boolean): void {
  const schemaOk = validate(parse(text, { version: '1.1' }) ?? {}) as boolean;
  const readerOk = parseConfig(text, RULES_BY_ID).problems.length === 0;
  assert.equal(readerOk, expected, `config reader on:\n${text}\n${JSON.stringify(parseConfig(text, RULES_BY_ID).problems)}`);
  assert.equal(schemaOk, expected, `schema on:\n${text}\n${JSON.stringify(validate.errors)}`);
}

describe('.kubeplan.yaml JSON schema', () => {
  it('accepts what the reader accepts', () => {
    agree('kubernetesVersion: "1.29"\npodSecurity: restricted\ndefaultNamespace: apps\nschemaValidation: false\nignore: ["charts/**"]\n', true);
    agree(`rules:\n  ${plain.id}: off\n  ${RULES.find((r) => r !== plain)!.id}: error\n`, true);
    agree(`rules:\n  ${plain.id}: [warning]\n`, true);
    agree(`rules:\n  ${plain.id}: {severity: info}\n`, true);
    agree('cluster:\n  servers: 1\n  agents: 2\n  cpu: 4\n  memory: 8Gi\n', true);
    agree('{}\n', true);
  });

  it('refuses what the reader refuses', () => {
    agree('kubernetesVersoin: "1.29"\n', false);
    agree('podSecurity: strict\n', false);
    agree('ignore: "charts/**"\n', false);
    agree('schemaValidation: "no"\n', false);
    agree('rules:\n  no-such-rule: error\n', false);
    agree(`rules:\n  ${plain.id}: loud\n`, false);
    agree(`rules:\n  ${plain.id}: [warning, {nope: 1}]\n`, false);
  });

  it('knows each rule\'s options', function () {
    if (!withOptions) this.skip();
    const key = Object.keys(withOptions!.options!.defaults as object)[0]!;
    const value = (withOptions!.options!.defaults as Record<string, unknown>)[key];
    agree(`rules:\n  ${withOptions!.id}:\n    severity: warning\n    options: ${JSON.stringify({ [key]: value })}\n`, true);
    agree(`rules:\n  ${withOptions!.id}:\n    severity: warning\n    options: {notAnOption: 1}\n`, false);
  });

  it('lists every rule', () => {
    const properties = (configSchema(RULES).properties as { rules: { properties: Record<string, unknown> } }).rules.properties;
    assert.deepEqual(Object.keys(properties).sort(), RULES.map((r) => r.id).sort());
  });
});
