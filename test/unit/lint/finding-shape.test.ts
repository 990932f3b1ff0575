/**
 * @fileoverview What a finding from `lint()` looks like to the adapters: plain data whose fix
 * and suggestions are built on first read, once, and kept in its JSON form.
 */
import * as assert from 'node:assert/strict';
import { lint } from '../../../src/core/lint';
import { RULES_BY_ID } from '../../../src/core/rules';
import { testRule } from '../../helpers/test-rule';
import { cron } from '../rules/jobs/fixtures';

/** A CronJob whose schedule carries its time zone: cronjob-time-zone moves it out (a safe fix). */
const CRONJOB = cron('').replace('"0 3 * * *"', '"CRON_TZ=Europe/Paris 0 3 * * *"');

function findingsOf(ruleId: string, text: string) {
  return lint([{ path: 'a.yaml', text }], { rules: [RULES_BY_ID.get(ruleId)!] })[0]!.findings;
}

describe('findings of lint()', () => {
  it('builds a fix on first read, once, and keeps it in the JSON form', () => {
    const [finding] = findingsOf('cronjob-time-zone', CRONJOB);
    const fix = finding!.fix;
    assert.ok(fix, 'a safe fix');
    assert.equal(finding!.fix, fix, 'the same fix object on the second read');
    const json = JSON.parse(JSON.stringify(finding)) as Record<string, unknown>;
    assert.deepEqual(json.fix, JSON.parse(JSON.stringify(fix)));
    assert.equal(json.ruleId, 'cronjob-time-zone');
    assert.deepEqual(json.range, [...finding!.range]);
  });

  it('has neither key when there is nothing to build, and spreading keeps the data', () => {
    const [finding] = findingsOf('cronjob-time-zone', CRONJOB.replace('Europe/Paris', 'Mars/Olympus'));
    assert.equal(finding!.fix, undefined);
    assert.equal(finding!.suggestions, undefined);
    const json = JSON.parse(JSON.stringify(finding)) as Record<string, unknown>;
    assert.deepEqual(Object.keys(json), ['ruleId', 'messageId', 'severity', 'message', 'file', 'range', 'docIndex', 'resource']);
    assert.deepEqual({ ...finding }, { ...json, range: finding!.range });
  });

  it('builds suggestions, behaviour-changing fixes, the same way', () => {
    const text = cron('');
    const [finding] = findingsOf('require-resource-limits', text);
    const suggestions = finding!.suggestions;
    assert.ok(suggestions?.length, 'a suggestion');
    assert.equal(finding!.suggestions, suggestions);
    assert.equal(finding!.fix, undefined);
    assert.equal((JSON.parse(JSON.stringify(finding)) as { suggestions: unknown[] }).suggestions.length, suggestions.length);
  });

  it('builds the fix without the suggestions (a report reads only the fix; suggestions cost a parse each)', () => {
    const read: string[] = [];
    const op = (what: string, value: string) => ({ title: what, get ops() { read.push(what); return [{ op: 'set' as const, path: ['data', 'k'], value }]; } });
    const both = testRule({
      id: 'test-fix-and-suggestion', fixable: 'safe',
      kinds: ['ConfigMap'], messages: { m: 'm' },
      check(ctx) {
        ctx.report({ path: ['data', 'k'], messageId: 'm', fix: op('fix', 'a'), suggestions: [op('suggestion', 'b')] });
      },
    });
    const [finding] = lint([{ path: 'a.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: v\n' }], { rules: [both] })[0]!.findings;
    assert.deepEqual(read, [], 'nothing built before it is read');
    assert.equal(finding!.fix?.edits[0]?.text.trim(), 'a');
    assert.deepEqual(read, ['fix']);
    assert.equal(finding!.suggestions?.[0]?.edits[0]?.text.trim(), 'b');
    assert.deepEqual(read, ['fix', 'suggestion']);
  });
});
