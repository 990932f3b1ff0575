/**
 * The examples the README promises: examples/dockercoins shows its deliberate mistakes (each
 * marked in the YAML by a `# MISTAKE (rule-id, ...)` comment), examples/hardened shows no
 * warning and no error.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import type { JsonFileReport } from '../../src/cli/formatters/json';
import { parseConfig } from '../../src/core/config/config';
import { RULES_BY_ID } from '../../src/core/rules';
import { fakeIo, parseJson } from './helpers';

const ROOT = path.resolve(__dirname, '../..');

/** `file → rule ids` announced by the MISTAKE comments of the example's files. */
function announcedMistakes(dir: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const name of fs.readdirSync(path.join(ROOT, dir)).filter((n) => n.endsWith('.yaml'))) {
    const text = fs.readFileSync(path.join(ROOT, dir, name), 'utf8');
    const ids = [...text.matchAll(/# MISTAKE \(([^)]*)\)/g)].flatMap((m) => m[1]!.split(',').map((s) => s.trim())).filter((s) => /^[a-z0-9]+(-[a-z0-9]+)+$/.test(s));
    if (ids.length) out.set(`${dir}/${name}`, ids);
  }
  return out;
}

describe('examples', () => {
  it('dockercoins: every deliberate mistake is reported by its rule, in its file', async () => {
    const io = fakeIo(ROOT);
    assert.equal(await run(['lint', 'examples/dockercoins', '--format', 'json'], io), 1, io.err);
    const report = parseJson<JsonFileReport[]>(io.out);
    const found = new Map(report.map((f) => [f.file, new Set(f.findings.map((x) => x.ruleId))]));
    const mistakes = announcedMistakes('examples/dockercoins');
    const all = [...mistakes.values()].flat();
    for (const id of ['no-latest-image-tag', 'require-liveness-probe', 'require-readiness-probe', 'no-rbac-wildcard']) {
      assert.ok(all.includes(id), `the example announces a ${id} mistake`);
    }
    for (const [file, ids] of mistakes) {
      for (const id of ids.filter((i) => RULES_BY_ID.has(i))) {
        assert.ok(found.get(file)?.has(id), `${file}: expected a ${id} finding; got ${[...(found.get(file) ?? [])].join(', ')}`);
      }
    }
  });

  it('dockercoins: the worker\'s suppression comment is honoured', async () => {
    const io = fakeIo(ROOT);
    await run(['lint', 'examples/dockercoins/worker.yaml', '--format', 'json'], io);
    assert.ok(!parseJson<JsonFileReport[]>(io.out)[0]!.findings.some((f) => f.ruleId === 'require-readiness-probe'));
  });

  it('README: the JSON output example is what kubeplan prints', async () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /## JSON output[\s\S]*?```json\n([\s\S]*?)```/.exec(readme);
    assert.ok(block, 'README has a JSON output example');
    const example = JSON.parse(block[1]!) as JsonFileReport[];
    const io = fakeIo(ROOT);
    await run(['lint', example[0]!.file, '--format', 'json'], io);
    const actual = parseJson<JsonFileReport[]>(io.out)[0]!;
    for (const shown of example[0]!.findings) {
      const match = actual.findings.find((f) => f.ruleId === shown.ruleId && f.line === shown.line && f.column === shown.column);
      assert.ok(match, `no ${shown.ruleId} finding at ${shown.line}:${shown.column}`);
      const { message, ...rest } = shown;
      const { message: actualMessage, fix: _fix, ...actualRest } = match;
      assert.deepEqual(actualRest, rest);
      assert.ok(actualMessage.startsWith(message.replace(/…$/, '')), actualMessage);
    }
  });

  it('both folders lint together without duplicate objects', async () => {
    const io = fakeIo(ROOT);
    await run(['lint', 'examples', '--format', 'json'], io);
    const ids = parseJson<JsonFileReport[]>(io.out).flatMap((f) => f.findings.map((x) => x.ruleId));
    assert.ok(ids.length > 0);
    assert.ok(!ids.includes('duplicate-resource'));
  });

  it('README: the configuration example is a valid .kubeplan.yaml', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /## Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme);
    assert.ok(block, 'README has a configuration example');
    const { config, problems } = parseConfig(block[1]!, RULES_BY_ID);
    assert.deepEqual(problems, []);
    assert.equal(config.rules['require-read-only-root-filesystem']?.severity, 'off');
  });

  it('hardened: no warning and no error', async () => {
    const io = fakeIo(ROOT);
    const code = await run(['lint', 'examples/hardened', '--format', 'json'], io);
    const loud = parseJson<JsonFileReport[]>(io.out).flatMap((f) => f.findings.filter((x) => x.severity !== 'info').map((x) => `${f.file}:${x.line}:${x.column} ${x.ruleId}: ${x.message}`));
    assert.deepEqual(loud, []);
    assert.equal(code, 0, io.err);
  });
});
