/**
 * @fileoverview RuleTester: runs one rule over valid and invalid YAML snippets, after ESLint's.
 * Every invalid case states each finding's messageId and exact 1-based range, and the text after
 * the rule's safe fixes (`output`, or null when nothing is fixed). The tester also checks that
 * fixed text still parses, keeps every comment, passes the schema and no longer triggers the rule.
 */
import * as assert from 'node:assert/strict';
import { lint, type LintInput } from '../../src/core/lint';
import { applyEdits } from '../../src/core/fix/fix-ops';
import { defaultConfig, type ResolvedConfig } from '../../src/core/config/config';
import type { Finding } from '../../src/core/finding';
import { LineIndex } from '../../src/core/source/parse';
import type { Rule } from '../../src/core/rules/types';
import { RULES } from '../../src/core/rules';

export interface ExpectedError {
  messageId: string;
  /** 1-based, as an editor shows them. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Substrings the message must contain (e.g. the container name). */
  messageIncludes?: string[];
  severity?: Finding['severity'];
  /** Text after applying each suggestion of this finding, in order. */
  suggestions?: string[];
}

interface CommonCase {
  /** Shown in the test title; defaults to the first lines of the code. */
  name?: string;
  code: string;
  /** Options for the rule under test. */
  options?: Record<string, unknown>;
  /** Other configuration (Pod Security level, Kubernetes version...). */
  config?: Partial<ResolvedConfig>;
  /** Other files linted together with the case (for rules that look across files). */
  files?: LintInput[];
}

export type ValidCase = string | CommonCase;

export interface InvalidCase extends CommonCase {
  errors: ExpectedError[];
  /** The text after the rule's safe fixes, or null when the rule must not fix this case. */
  output: string | null;
}

const FILE = 'test.yaml';

function configFor(rule: Rule<string, unknown>, c: CommonCase): ResolvedConfig {
  const config = { ...defaultConfig(), ...c.config };
  // Configured only when it must be (options, off by default), as a user would: a configured
  // rule has one severity, so the severity a rule gives each finding shows only when unconfigured.
  if (c.options || rule.enabledByDefault === false) {
    config.rules = { ...config.rules, [rule.id]: { severity: rule.severity, options: c.options ?? {} } };
  }
  return config;
}

function findingsOf(rule: Rule<string, unknown>, c: CommonCase, code = c.code): Finding[] {
  const results = lint([{ path: FILE, text: code }, ...(c.files ?? [])], { config: configFor(rule, c), rules: [rule] });
  return results[0]!.findings.filter((f) => f.ruleId === rule.id);
}

function title(c: ValidCase | InvalidCase): string {
  if (typeof c === 'string') return c.split('\n').slice(0, 4).join(' ⏎ ').slice(0, 90);
  return c.name ?? c.code.split('\n').slice(0, 4).join(' ⏎ ').slice(0, 90);
}

/** Applies every fix of `findings` to `text`, in passes, as `kubeplan lint --fix` does. */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  const edits = findings.flatMap((f) => f.fix?.edits ?? []);
  return applyEdits(text, edits).text;
}

function position(lines: LineIndex, offset: number): { line: number; column: number } {
  const p = lines.position(offset);
  return { line: p.line + 1, column: p.column + 1 };
}

/** Comments of a YAML text (every `# …` that starts a line or follows a space). */
function comments(text: string): string[] {
  return [...text.matchAll(/(?:^|\s)(#[^\n]*)/g)].map((m) => m[1]!.trim());
}

export function runRuleTests(rule: Rule<string, unknown>, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    const seen = new Set<string>();
    for (const c of [...cases.valid, ...cases.invalid]) {
      const key = JSON.stringify(c);
      if (seen.has(key)) throw new Error(`${rule.id}: duplicate test case ${title(c)}`);
      seen.add(key);
    }
    describe('valid', () => {
      for (const v of cases.valid) {
        const c: CommonCase = typeof v === 'string' ? { code: v } : v;
        it(title(v), () => {
          const found = findingsOf(rule, c);
          assert.deepEqual(found.map((f) => `${f.messageId}: ${f.message}`), [], 'expected no findings');
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(title(c), () => {
          assert.ok(c.errors.length > 0, 'an invalid case must expect at least one error');
          const found = findingsOf(rule, c);
          const lines = new LineIndex(c.code);
          const actual = found.map((f) => {
            const s = position(lines, f.range[0]);
            const e = position(lines, f.range[1]);
            return { messageId: f.messageId, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
          });
          const expected = c.errors.map(({ messageId, line, column, endLine, endColumn }) => ({ messageId, line, column, endLine, endColumn }));
          assert.deepEqual(actual, expected, 'findings (messageId and range)');
          c.errors.forEach((e, i) => {
            const f = found[i]!;
            for (const part of e.messageIncludes ?? []) assert.ok(f.message.includes(part), `message "${f.message}" should include "${part}"`);
            assert.doesNotMatch(f.message, /\{\{/, 'message has an unfilled placeholder');
            if (e.severity) assert.equal(f.severity, e.severity);
            if (e.suggestions) {
              const got = (f.suggestions ?? []).map((s) => applyEdits(c.code, s.edits).text);
              assert.deepEqual(got, e.suggestions, 'text after each suggestion');
            }
          });
          const fixable = found.filter((f) => f.fix);
          if (c.output === null) {
            assert.equal(fixable.length, 0, 'expected no safe fix');
            return;
          }
          assert.ok(rule.fixable === 'safe', `rule ${rule.id} fixes but does not declare fixable: 'safe'`);
          assert.ok(fixable.length > 0, 'expected a safe fix');
          assert.notEqual(c.output, c.code, 'output must differ from code');
          const output = applyFixes(c.code, found);
          assert.equal(output, c.output, 'text after the fix');
          checkFixedText(rule, c, output);
        });
      }
    });
  });
}

/** The fixed text parses, keeps its comments, passes the schema and no longer triggers the rule. */
function checkFixedText(rule: Rule<string, unknown>, c: CommonCase, output: string): void {
  for (const comment of comments(c.code)) {
    assert.ok(output.includes(comment), `the fix lost the comment "${comment}"`);
  }
  const all = lint([{ path: FILE, text: output }, ...(c.files ?? [])], { config: configFor(rule, c), rules: RULES.filter((r) => r.category === 'schema' || r.id === rule.id) });
  const broken = all[0]!.findings.filter((f) => (f.ruleId.startsWith('yaml-') || f.ruleId.startsWith('schema')) && f.severity === 'error');
  assert.deepEqual(broken.map((f) => f.message), [], 'the fixed text must parse and pass the schema');
  const again = findingsOf(rule, c, output).filter((f) => f.fix);
  assert.deepEqual(again.map((f) => f.message), [], 'the fixed text must not need the same fix again');
}
