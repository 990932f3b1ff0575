import * as assert from 'node:assert/strict';
import { run } from '../../src/cli/main';
import { rulePage, rulesMarkdownTable } from '../../src/cli/docs';
import { RULES, RULES_BY_ID } from '../../src/core/rules';
import { localizedTitle } from '../../src/core/i18n';
import { fakeIo, parseJson } from './helpers';

describe('kubeplan rules', () => {
  it('lists every rule in a table by default', async () => {
    const io = fakeIo('/');
    assert.equal(await run(['rules'], io), 0);
    const lines = io.out.split('\n');
    assert.match(lines[0]!, /^RULE\s+CATEGORY\s+DEFAULT\s+FIX\s+TITLE$/);
    for (const rule of RULES) {
      assert.ok(lines.some((l) => l.startsWith(`${rule.id} `) && l.includes(rule.category) && l.endsWith(rule.title)), rule.id);
    }
    assert.match(io.out, new RegExp(`\\n${RULES.length} rules\\.`));
  });

  it('--format json gives id, category, severity, title, fixable and docs of every rule', async () => {
    const io = fakeIo('/');
    assert.equal(await run(['rules', '--format', 'json'], io), 0);
    const list = parseJson<Array<Record<string, unknown>>>(io.out);
    assert.deepEqual(list.map((r) => r.id).sort(), RULES.map((r) => r.id).sort());
    const latest = list.find((r) => r.id === 'no-latest-image-tag')!;
    assert.deepEqual(
      { category: latest.category, severity: latest.severity, title: latest.title, fixable: latest.fixable },
      { category: 'images', severity: 'warning', title: 'Images should be pinned to a version', fixable: 'suggestion' },
    );
    assert.match(String(latest.docs), /^https:\/\/.+\/no-latest-image-tag$/);
    assert.ok(Array.isArray(latest.references) && (latest.references as string[]).length > 0);
  });

  it('--format markdown prints the README table', async () => {
    const io = fakeIo('/');
    assert.equal(await run(['rules', '-f', 'markdown'], io), 0);
    assert.equal(io.out, rulesMarkdownTable(RULES));
    assert.match(io.out, /\| \[`no-latest-image-tag`\]\(docs\/rules\/no-latest-image-tag\.md\) \| images \| warning \| suggestion \| Images should be pinned to a version \|/);
  });

  it('--locale fr translates the titles that have a translation', async function () {
    const translated = RULES.find((r) => localizedTitle('fr', r.id));
    if (!translated) this.skip();
    const io = fakeIo('/');
    await run(['rules', '--locale', 'fr'], io);
    const line = io.out.split('\n').find((l) => l.startsWith(`${translated!.id} `));
    assert.ok(line?.endsWith(localizedTitle('fr', translated!.id)!), line);
  });

  it('prints the documentation page of the rules named', async () => {
    const io = fakeIo('/');
    assert.equal(await run(['rules', 'no-latest-image-tag'], io), 0);
    assert.equal(io.out, rulePage(RULES_BY_ID.get('no-latest-image-tag')!));
    const json = fakeIo('/');
    await run(['rules', 'no-latest-image-tag', 'no-rbac-wildcard', '-f', 'json'], json);
    assert.deepEqual(parseJson<Array<{ id: string }>>(json.out).map((r) => r.id).sort(), ['no-latest-image-tag', 'no-rbac-wildcard']);
    const bad = fakeIo('/');
    assert.equal(await run(['rules', 'no-latest-image-tags'], bad), 2);
    assert.match(bad.err, /^kubeplan rules: unknown rule "no-latest-image-tags" \(did you mean "no-latest-image-tag"/);
  });

  it('rejects an unknown format with exit 2', async () => {
    const io = fakeIo('/');
    assert.equal(await run(['rules', '--format', 'csv'], io), 2);
    assert.equal(io.err, 'kubeplan rules: --format: unknown format "csv"; expected one of table, markdown, json\n');
  });
});
