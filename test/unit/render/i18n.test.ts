import * as assert from 'node:assert/strict';
import { FRENCH, STRING_IDS, toLocale, translator } from '../../../webview/diagram/i18n';

describe('diagram strings', () => {
  it('has a French translation of every string, with the same placeholders', () => {
    for (const id of STRING_IDS) {
      const fr = FRENCH[id];
      assert.ok(fr, `missing French for ${id}`);
      const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
      assert.deepEqual(placeholders(fr), placeholders(translator('en')(id)), id);
    }
  });

  it('picks French for fr, fr-CA and fr_FR, English otherwise', () => {
    assert.equal(toLocale('fr'), 'fr');
    assert.equal(toLocale('fr-CA'), 'fr');
    assert.equal(toLocale('fr_FR'), 'fr');
    assert.equal(toLocale('en-US'), 'en');
    assert.equal(toLocale('frisian'), 'en');
    assert.equal(toLocale(undefined), 'en');
  });

  it('fills placeholders', () => {
    assert.equal(translator('fr')('findings', { errors: 2, warnings: 0 }), '2 erreur(s), 0 avertissement(s)');
    assert.equal(translator('en')('findings', { errors: 1 }), '1 error(s), {{warnings}} warning(s)');
  });
});
