/**
 * @fileoverview The `$kubeplan` problem matcher of package.json reads what `kubeplan lint` prints
 * (stylish, no colour) exactly as the JSON output reports it: file, line, column, severity, rule.
 */
import * as assert from 'node:assert/strict';
import { run } from '../../../src/cli/main';
import { fakeIo, pod, tempProject } from '../../cli/helpers';
import pkg from '../../../package.json';

interface Pattern { regexp: string; file?: number; line?: number; column?: number; severity?: number; message?: number; code?: number; loop?: boolean }

/** Applies a multi-line problem matcher the way VS Code does: the first pattern sets the file, the looping one reads problems. */
function match(output: string, patterns: Pattern[]): Array<{ file: string; line: number; column: number; severity: string; code: string; message: string }> {
  const [filePattern, problemPattern] = patterns as [Pattern, Pattern];
  const fileRe = new RegExp(filePattern.regexp);
  const problemRe = new RegExp(problemPattern.regexp);
  const out = [];
  let file: string | undefined;
  for (const line of output.split('\n')) {
    const problem = file ? problemRe.exec(line) : null;
    if (problem && file) {
      out.push({
        file, line: Number(problem[problemPattern.line!]), column: Number(problem[problemPattern.column!]),
        severity: problem[problemPattern.severity!]!, code: problem[problemPattern.code!]!, message: problem[problemPattern.message!]!,
      });
      continue;
    }
    const f = fileRe.exec(line);
    file = f ? f[filePattern.file!] : undefined;
  }
  return out;
}

describe('the $kubeplan problem matcher', () => {
  it('reads every finding of `kubeplan lint` with its position, severity and rule', async () => {
    const project = tempProject({
      'k8s/web.yaml': pod('web', 'nginx:latest'),
      'k8s/dup.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  A: "1"\n  A: "2"\n',
    });
    try {
      const stylish = fakeIo(project.dir);
      await run(['lint', '--no-color', 'k8s'], stylish);
      const json = fakeIo(project.dir);
      await run(['lint', '--format', 'json', 'k8s'], json);
      const matcher = (pkg.contributes.problemMatchers as Array<{ name: string; pattern: Pattern[] }>).find((m) => m.name === 'kubeplan')!;
      const matched = match(stylish.out, matcher.pattern);
      const report = JSON.parse(json.out) as Array<{ file: string; findings: Array<{ ruleId: string; severity: string; line: number; column: number }> }>;
      const expected = report.flatMap((f) => f.findings.map((x) => ({ file: f.file, line: x.line, column: x.column, severity: x.severity, code: x.ruleId })));
      assert.ok(matched.length >= 3, stylish.out);
      assert.ok(matched.some((m) => m.code === 'yaml-duplicate-key' && m.severity === 'error' && m.file.endsWith('dup.yaml') && m.line === 7 && m.column === 3));
      assert.ok(matched.some((m) => m.code === 'no-latest-image-tag' && m.severity === 'warning' && m.file.endsWith('web.yaml')));
      assert.deepEqual(matched.map(({ message: _m, ...rest }) => rest).sort(order), expected.sort(order));
    } finally {
      project.cleanup();
    }
  });
});

function order(a: { file: string; line: number; column: number; code: string }, b: { file: string; line: number; column: number; code: string }): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);
}
