/**
 * @fileoverview The extension speaks English and French everywhere: every `%key%` of package.json
 * is in package.nls.json and package.nls.fr.json, and every runtime string `t('…')` of src/vscode
 * has its French in l10n/bundle.l10n.fr.json.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');
const json = (file: string): Record<string, string> => JSON.parse(read(file)) as Record<string, string>;

describe('localisation of the extension', () => {
  it('has every %key% of package.json in English and French, and no unused key', () => {
    const used = [...new Set([...read('package.json').matchAll(/%([\w.]+)%/g)].map((m) => m[1]!))].sort();
    const en = json('package.nls.json');
    const fr = json('package.nls.fr.json');
    assert.deepEqual(used.filter((k) => !(k in en)), [], 'missing in package.nls.json');
    assert.deepEqual(Object.keys(en).filter((k) => !(k in fr)), [], 'missing in package.nls.fr.json');
    assert.deepEqual(Object.keys(en).filter((k) => !used.includes(k)), [], 'unused in package.nls.json');
  });

  it('has the French of every runtime string of src/vscode, with the same {n} arguments', () => {
    const bundle = json('l10n/bundle.l10n.fr.json');
    const strings = new Set<string>();
    for (const file of fs.readdirSync(path.join(ROOT, 'src/vscode')).filter((f) => f.endsWith('.ts'))) {
      for (const m of read(`src/vscode/${file}`).matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g)) strings.add(m[1]!.replace(/\\'/g, "'"));
    }
    assert.ok(strings.size > 20, `found only ${strings.size} strings: is the pattern still right?`);
    assert.deepEqual([...strings].filter((s) => !(s in bundle)), [], 'missing in l10n/bundle.l10n.fr.json');
    const args = (s: string): string => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort().join();
    assert.deepEqual([...strings].filter((s) => s in bundle && args(bundle[s]!) !== args(s)), [], 'arguments differ');
  });
});
