/**
 * Meta-tests of the rule registry: every rule is one file named by its id, registered, documented,
 * tested, and its documented examples do what they say.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../../src/core/config/config';
import { lint } from '../../../src/core/lint';
import { RULES, RULES_BY_ID } from '../../../src/core/rules';
import { CATEGORIES, type Rule } from '../../../src/core/rules/types';

const ROOT = path.resolve(__dirname, '../../..');
const RULES_DIR = path.join(ROOT, 'src/core/rules');

/**
 * Rules reported by the parser (no `check`): a parser test may cover them instead of a rule
 * test. Each must still be named in some test under test/unit (parse-rules.test.ts beside this
 * file names them all).
 */
const PARSE_RULES_TESTED_ELSEWHERE = new Set(['helm-template', 'input-too-large', 'yaml-duplicate-key', 'yaml-syntax']);
/** Categories whose references need not be on kubernetes.io (YAML itself, Helm). */
const NON_KUBERNETES_CATEGORIES = new Set(['syntax']);

type AnyRule = Rule<string, unknown>;

/** Every `.ts` module in a category folder that default-exports a rule-shaped object. */
function ruleModules(): Array<{ file: string; category: string; rule: AnyRule }> {
  const out: Array<{ file: string; category: string; rule: AnyRule }> = [];
  for (const category of fs.readdirSync(RULES_DIR)) {
    const dir = path.join(RULES_DIR, category);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir)) {
      if (!name.endsWith('.ts') || name === 'index.ts') continue;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(path.join(dir, name)) as { default?: unknown };
      const rule = mod.default as AnyRule | undefined;
      if (rule && typeof rule === 'object' && typeof rule.id === 'string' && rule.messages && rule.docs) {
        out.push({ file: path.join(category, name), category, rule });
      }
    }
  }
  return out;
}

/** All test files under test/unit, read once. */
let testTexts: Array<{ file: string; text: string }> | undefined;
function unitTests(): Array<{ file: string; text: string }> {
  if (testTexts) return testTexts;
  testTexts = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.test.ts') && e.name !== 'rules.test.ts') testTexts!.push({ file: full, text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(path.join(ROOT, 'test/unit'));
  return testTexts;
}

/** Findings of one rule on one YAML text, with the rule on at its default severity. */
function findingsOf(rule: AnyRule, text: string) {
  const config = defaultConfig();
  config.rules[rule.id] = { severity: rule.severity, options: {} };
  const [result] = lint([{ path: 'example.yaml', text }], { config, rules: [rule] });
  return result!.findings.filter((f) => f.ruleId === rule.id);
}

describe('rule registry', () => {
  const modules = ruleModules();

  it('registers every rule module, once', () => {
    const registered = new Set(RULES.map((r) => r.id));
    const unregistered = modules.filter((m) => !registered.has(m.rule.id)).map((m) => m.file);
    assert.deepEqual(unregistered, [], 'add these rules to their category index.ts');
    assert.equal(RULES_BY_ID.size, RULES.length, 'two rules share an id');
  });

  it('has at least one rule', () => {
    assert.ok(RULES.length > 0);
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has a kebab-case id equal to its file name, in its category folder', () => {
        assert.match(rule.id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
        assert.ok(CATEGORIES.includes(rule.category), `unknown category ${rule.category}`);
        const file = path.join(RULES_DIR, rule.category, `${rule.id}.ts`);
        assert.ok(fs.existsSync(file), `expected the rule in src/core/rules/${rule.category}/${rule.id}.ts`);
        assert.ok(modules.some((m) => m.rule === rule && m.file === path.join(rule.category, `${rule.id}.ts`)), 'the file default-exports this rule');
      });

      it('is documented: title, description, rationale, remediation ending with a period, references', () => {
        assert.ok(rule.title.trim().length > 0 && !rule.title.endsWith('.'), 'title: one line, no final period');
        assert.ok(!rule.title.includes('\n'));
        assert.ok(rule.docs.description.trim().length > 10, 'docs.description');
        assert.ok(rule.docs.rationale.trim().length > 10, 'docs.rationale');
        assert.match(rule.docs.remediation.trim(), /\.$/, 'docs.remediation ends with a period');
        assert.ok(rule.docs.references.length > 0, 'docs.references');
        for (const ref of rule.docs.references) assert.match(ref, /^https:\/\/\S+$/, `reference ${ref}`);
        if (!NON_KUBERNETES_CATEGORIES.has(rule.category)) {
          assert.ok(rule.docs.references.some((r) => r.startsWith('https://kubernetes.io/')), 'at least one kubernetes.io reference');
        }
      });

      it('has messages that say what is wrong, with well-formed placeholders', () => {
        const messages = Object.entries(rule.messages as Record<string, string>);
        assert.ok(messages.length > 0);
        for (const [id, template] of messages) {
          assert.match(id, /^[a-z][a-zA-Z0-9]*$/, `messageId ${id} is camelCase`);
          assert.ok(template.trim().length > 10, `message ${id}`);
          const opened = template.split('{{').length - 1;
          const wellFormed = template.match(/\{\{\s*\w+\s*\}\}/g)?.length ?? 0;
          assert.equal(opened, wellFormed, `message ${id} has a malformed placeholder`);
        }
      });

      it('declares fixes consistently', () => {
        assert.ok(rule.fixable === undefined || rule.fixable === 'safe' || rule.fixable === 'suggestion');
        if (rule.options) {
          assert.equal(typeof rule.options.schema, 'object');
          assert.equal(typeof rule.options.defaults, 'object');
        }
        if (!rule.check) assert.ok(PARSE_RULES_TESTED_ELSEWHERE.has(rule.id), 'only the parse rules have no check()');
      });

      it('has every message with placeholders exercised by its test (the tester checks they are filled)', function () {
        const own = path.join(ROOT, 'test/unit/rules', rule.category, `${rule.id}.test.ts`);
        if (!fs.existsSync(own)) this.skip(); // 'has a test file' says what is missing
        const text = fs.readFileSync(own, 'utf8');
        const untested = Object.entries(rule.messages as Record<string, string>)
          .filter(([, template]) => /\{\{\s*\w+\s*\}\}/.test(template))
          .map(([id]) => id)
          .filter((id) => !new RegExp(`['"\`]${id}['"\`]`).test(text));
        assert.deepEqual(untested, [], `messages never expected by test/unit/rules/${rule.category}/${rule.id}.test.ts`);
      });

      it('has a test file', () => {
        const own = path.join(ROOT, 'test/unit/rules', rule.category, `${rule.id}.test.ts`);
        if (fs.existsSync(own)) return;
        assert.ok(PARSE_RULES_TESTED_ELSEWHERE.has(rule.id), `missing test/unit/rules/${rule.category}/${rule.id}.test.ts`);
        const covering = unitTests().filter((t) => t.text.includes(`'${rule.id}'`) || t.text.includes(`"${rule.id}"`));
        assert.ok(covering.length > 0, `no test under test/unit names the parse rule '${rule.id}'`);
      });

      const examples = rule.docs.examples ?? {};
      (examples.invalid ?? []).forEach((example, i) => {
        it(`invalid example ${i + 1} triggers the rule, with every placeholder filled`, () => {
          const found = findingsOf(rule, example);
          assert.ok(found.length > 0, `the example does not trigger ${rule.id}:\n${example}`);
          for (const f of found) assert.doesNotMatch(f.message, /\{\{\s*\w+\s*\}\}/, `unfilled placeholder in: ${f.message}`);
        });
      });
      (examples.valid ?? []).forEach((example, i) => {
        it(`valid example ${i + 1} does not trigger the rule`, () => {
          assert.deepEqual(findingsOf(rule, example).map((f) => f.message), []);
        });
      });
    });
  }
});
