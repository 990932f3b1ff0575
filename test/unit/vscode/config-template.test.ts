/**
 * @fileoverview The `.kubeplan.yaml` the editor creates is read without a problem, with the defaults.
 */
import * as assert from 'node:assert/strict';
import { defaultConfig, parseConfig } from '../../../src/core/config/config';
import { RULES_BY_ID } from '../../../src/core/rules';
import { CONFIG_TEMPLATE } from '../../../src/vscode/config-template';

describe('the .kubeplan.yaml template of "Create .kubeplan.yaml"', () => {
  it('is read without problems and says what the defaults are', () => {
    const { config, problems } = parseConfig(CONFIG_TEMPLATE, RULES_BY_ID);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, defaultConfig());
  });
});
