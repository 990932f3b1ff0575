/**
 * The generated docs (docs/rules/<id>.md and the README's rule table) match the rules. The rule
 * set grows all the time: when this fails, run `npm run docs` and commit the result.
 */
import * as assert from 'node:assert/strict';
import { staleFiles } from '../../../scripts/generate-docs';
import { generatedPages, readmeRulesSection, replaceReadmeSection, rulePage } from '../../../src/cli/docs';
import { RULES } from '../../../src/core/rules';

describe('generated docs', () => {
  it('are current (otherwise run `npm run docs`)', () => {
    const stale = staleFiles();
    assert.deepEqual(stale, [], `Stale generated docs: run \`npm run docs\` and commit the result. Stale: ${stale.join(', ')}`);
  });

  it('have one page per rule, with what, why, how to fix and references', () => {
    const pages = generatedPages(RULES);
    assert.equal(pages.size, RULES.length);
    for (const rule of RULES) {
      const page = pages.get(`docs/rules/${rule.id}.md`)!;
      for (const heading of ['## What it checks', '## Why it matters', '## How to fix', '## Options', '## References']) {
        assert.ok(page.includes(heading), `${rule.id}: ${heading}`);
      }
      for (const ref of rule.docs.references) assert.ok(page.includes(ref));
      assert.ok(page.includes(rule.docs.remediation));
    }
  });

  it('show the examples of a rule as incorrect and correct YAML', () => {
    const rule = RULES.find((r) => r.docs.examples?.invalid?.length && r.docs.examples.valid?.length)!;
    const page = rulePage(rule);
    assert.ok(page.indexOf('### Incorrect') < page.indexOf('### Correct'));
    assert.ok(page.includes(`\`\`\`yaml\n${rule.docs.examples!.invalid![0]!.trimEnd()}\n\`\`\``));
  });

  it('replace only the README section between the markers', () => {
    const readme = 'intro\n<!-- rules:begin -->\nold\n<!-- rules:end -->\noutro\n';
    const out = replaceReadmeSection(readme, readmeRulesSection(RULES));
    assert.ok(out.startsWith('intro\n<!-- rules:begin -->\n'));
    assert.ok(out.endsWith('<!-- rules:end -->\noutro\n'));
    assert.ok(!out.includes('\nold\n'));
    assert.throws(() => replaceReadmeSection('no markers', 'x'), /markers/);
  });
});
