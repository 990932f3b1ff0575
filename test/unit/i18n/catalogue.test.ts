/**
 * @fileoverview The translation catalogues: every key names an existing rule and message, every
 * translation keeps exactly the English placeholders, and the linter speaks French when asked.
 */
import * as assert from 'node:assert/strict';
import { catalogueFor, localizedMessage, localizedTitle, placeholdersOf } from '../../../src/core/i18n';
import { FR } from '../../../src/core/i18n/fr';
import { lint } from '../../../src/core/lint';
import { RULES_BY_ID } from '../../../src/core/rules';

/** The distinct placeholders of a template (a translation may repeat one, e.g. for plural agreement). */
const placeholders = placeholdersOf;

describe('i18n catalogue (fr)', () => {
  it('names only existing rules in its titles', () => {
    for (const id of Object.keys(FR.titles)) assert.ok(RULES_BY_ID.has(id), `unknown rule ${id}`);
  });

  it('names only existing messages and keeps their placeholders', () => {
    for (const [key, template] of Object.entries(FR.messages)) {
      const [ruleId, messageId] = key.split('/') as [string, string];
      const rule = RULES_BY_ID.get(ruleId);
      assert.ok(rule, `unknown rule ${ruleId}`);
      const english = (rule.messages as Record<string, string>)[messageId];
      assert.ok(english !== undefined, `rule ${ruleId} has no message ${messageId}`);
      assert.deepEqual(placeholders(template), placeholders(english), key);
    }
  });

  it('finds the catalogue from a region or underscore locale, and none for English', () => {
    assert.equal(catalogueFor('fr-CA'), FR);
    assert.equal(catalogueFor('fr_FR'), FR);
    assert.equal(catalogueFor('en'), undefined);
    assert.equal(catalogueFor(undefined), undefined);
    assert.equal(localizedTitle('fr', 'yaml-syntax'), FR.titles['yaml-syntax']);
    assert.equal(localizedMessage('de', 'yaml-syntax', 'syntax'), undefined);
  });

  it('falls back to English when a translation no longer has the English placeholders', () => {
    assert.equal(localizedMessage('fr', 'yaml-duplicate-key', 'duplicateKey', 'Key "{{key}}" twice.'), FR.messages['yaml-duplicate-key/duplicateKey']);
    assert.equal(localizedMessage('fr', 'yaml-duplicate-key', 'duplicateKey', 'Key "{{key}}" twice in {{where}}.'), undefined);
  });

  it('makes the linter report in French with the placeholders filled, English by default', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n';
    const fr = lint([{ path: 'a.yaml', text }], { locale: 'fr' })[0]!.findings.find((f) => f.ruleId === 'yaml-duplicate-key');
    const en = lint([{ path: 'a.yaml', text }])[0]!.findings.find((f) => f.ruleId === 'yaml-duplicate-key');
    assert.equal(fr?.message, 'La clé « name » apparaît deux fois dans ce mapping : une seule des valeurs serait utilisée. Supprimez ou fusionnez le doublon.');
    assert.match(en!.message, /^Key "name" appears twice/);
  });
});
