import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { MAX_FIX_PASSES, runLint } from '../../src/cli/commands/lint';
import type { JsonFileReport } from '../../src/cli/formatters/json';
import { RULES_BY_ID } from '../../src/core/rules';
import { nodeFs } from '../../src/cli/io';
import { fakeIo, parseJson, pod, tempProject, WILDCARD_ROLE } from './helpers';
import { configMap, TEST_RULES, TEST_RULES_WITH_VERSION } from './test-rules';

const SYNTAX_ERROR = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\n  labels: [a, b\n';

function ids(report: JsonFileReport[]): string[] {
  return report.flatMap((f) => f.findings.map((x) => x.ruleId));
}

describe('kubeplan (global)', () => {
  it('prints the version', async () => {
    const io = fakeIo('/');
    assert.equal(await run(['--version'], io), 0);
    assert.match(io.out, /^\d+\.\d+\.\d+\n$/);
  });

  it('prints help listing the commands', async () => {
    const io = fakeIo('/');
    assert.equal(await run(['--help'], io), 0);
    assert.match(io.out, /lint\s+lint Kubernetes manifests/);
    assert.match(io.out, /rules\s+list every rule/);
  });

  it('prints each command\'s help', async () => {
    for (const argv of [['lint', '--help'], ['rules', '-h'], ['help', 'lint']]) {
      const io = fakeIo('/');
      assert.equal(await run(argv, io), 0, argv.join(' '));
      assert.match(io.out, /^Usage: kubeplan (lint|rules)/, argv.join(' '));
    }
  });

  it('reports an unexpected failure as an internal error with exit 2', async () => {
    const io = fakeIo('/', { stdout: () => { throw new Error('disk on fire'); } });
    assert.equal(await run(['rules'], io), 2);
    assert.match(io.err, /^kubeplan rules: internal error, please report it:\nError: disk on fire\n/);
  });

  it('exits 2 with one line for an unknown command or no command', async () => {
    let io = fakeIo('/');
    assert.equal(await run(['lnit'], io), 2);
    assert.equal(io.err.trim().split('\n').length, 1);
    assert.match(io.err, /unknown command "lnit"/);
    io = fakeIo('/');
    assert.equal(await run([], io), 2);
    assert.match(io.err, /^Usage: kubeplan/);
  });
});

describe('kubeplan lint: inputs', () => {
  let project: ReturnType<typeof tempProject>;
  beforeEach(() => {
    project = tempProject({
      'app/web.yaml': pod('web', 'nginx:latest'),
      'app/nested/role.yml': WILDCARD_ROLE,
      'app/readme.md': '# not yaml',
      'app/node_modules/dep/x.yaml': pod('dep', 'nginx:latest'),
      'app/.git/x.yaml': pod('git', 'nginx:latest'),
      'broken.yaml': SYNTAX_ERROR,
    });
  });
  afterEach(() => project.cleanup());

  it('walks directories recursively for .yaml and .yml, skipping node_modules and .git', async () => {
    const io = fakeIo(project.dir);
    await run(['lint', 'app', '--format', 'json'], io);
    assert.deepEqual(parseJson<JsonFileReport[]>(io.out).map((f) => f.file), ['app/nested/role.yml', 'app/web.yaml']);
  });

  it('follows symbolic links to files, not to directories', async () => {
    fs.symlinkSync(path.join(project.dir, 'app/web.yaml'), path.join(project.dir, 'app/nested/link.yaml'));
    fs.symlinkSync(path.join(project.dir, 'app'), path.join(project.dir, 'app/nested/loop'));
    const io = fakeIo(project.dir);
    await run(['lint', 'app', '--format', 'json'], io);
    assert.deepEqual(parseJson<JsonFileReport[]>(io.out).map((f) => f.file), ['app/nested/link.yaml', 'app/nested/role.yml', 'app/web.yaml']);
  });

  it('reports a finding at its exact 1-based range with its resource', async () => {
    const io = fakeIo(project.dir);
    await run(['lint', 'app/web.yaml', '--format', 'json'], io);
    const finding = parseJson<JsonFileReport[]>(io.out)[0]!.findings.find((f) => f.ruleId === 'no-latest-image-tag');
    assert.ok(finding, io.out);
    assert.deepEqual(
      { line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn, severity: finding.severity, messageId: finding.messageId },
      { line: 9, column: 12, endLine: 9, endColumn: 24, severity: 'warning', messageId: 'latest' },
    );
    assert.deepEqual(finding.resource, { apiVersion: 'v1', kind: 'Pod', name: 'web', namespace: 'web' });
  });

  it('expands glob patterns', async () => {
    const io = fakeIo(project.dir);
    await run(['lint', 'app/**/*.yml', '--format', 'json'], io);
    assert.deepEqual(parseJson<JsonFileReport[]>(io.out).map((f) => f.file), ['app/nested/role.yml']);
  });

  it('lints a file named twice once', async () => {
    const io = fakeIo(project.dir);
    await run(['lint', 'app/web.yaml', './app/web.yaml', 'app', '--format', 'json'], io);
    assert.deepEqual(parseJson<JsonFileReport[]>(io.out).map((f) => f.file), ['app/nested/role.yml', 'app/web.yaml']);
  });

  it('exits 1 on a YAML syntax error and reports it at its position', async () => {
    const io = fakeIo(project.dir);
    assert.equal(await run(['lint', 'broken.yaml', '--format', 'json'], io), 1);
    const [file] = parseJson<JsonFileReport[]>(io.out);
    assert.equal(file!.findings[0]!.ruleId, 'yaml-syntax');
    assert.equal(file!.findings[0]!.severity, 'error');
    assert.equal(file!.findings[0]!.resource, null);
    assert.ok(file!.findings[0]!.line >= 5, JSON.stringify(file));
  });

  it('exits 2 with one line, and no stack, for a missing file', async () => {
    const io = fakeIo(project.dir);
    assert.equal(await run(['lint', 'nope.yaml'], io), 2);
    assert.equal(io.err, 'kubeplan lint: no such file or directory: nope.yaml\n');
    assert.equal(io.out, '');
  });

  it('exits 2 when a glob matches nothing or a directory holds no YAML', async () => {
    fs.mkdirSync(path.join(project.dir, 'empty'));
    for (const arg of ['nothing/**/*.yaml', 'empty']) {
      const io = fakeIo(project.dir);
      assert.equal(await run(['lint', arg], io), 2, arg);
      assert.match(io.err, /^kubeplan lint: no \.yaml or \.yml files (match|in) /, arg);
    }
  });

  it('exits 2 when a directory cannot be read', async () => {
    const io = fakeIo(project.dir, {
      fsOverrides: { readDir: async () => { throw Object.assign(new Error('EACCES: permission denied, scandir'), { code: 'EACCES' }); } },
    });
    assert.equal(await run(['lint', 'app'], io), 2);
    assert.match(io.err, /^kubeplan lint: cannot read directory .*app: permission denied\n$/);
  });

  it('a file that cannot be read is reported, the others are still linted, exit 2', async () => {
    const io = fakeIo(project.dir, {
      fsOverrides: { readFile: async (file) => { if (file.endsWith('web.yaml')) throw Object.assign(new Error('gone'), { code: 'ENOENT' }); return fs.readFileSync(file, 'utf8'); } },
    });
    assert.equal(await run(['lint', 'app', '-f', 'json'], io), 2);
    assert.equal(io.err, 'kubeplan lint: cannot read app/web.yaml: no such file or directory\n');
    assert.deepEqual(parseJson<JsonFileReport[]>(io.out).map((f) => f.file), ['app/nested/role.yml']);
  });

  it('exits 2 when a file cannot be read', async () => {
    const io = fakeIo(project.dir, {
      fsOverrides: { readFile: async () => { throw Object.assign(new Error('EACCES'), { code: 'EACCES' }); } },
    });
    assert.equal(await run(['lint', 'app/web.yaml'], io), 2);
    assert.equal(io.err, 'kubeplan lint: cannot read app/web.yaml: permission denied\n');
  });

  it('reads stdin with -, named by --stdin-filename', async () => {
    let io = fakeIo(project.dir, { stdin: pod('web', 'nginx') });
    await run(['lint', '-', '--format', 'json'], io);
    let report = parseJson<JsonFileReport[]>(io.out);
    assert.equal(report[0]!.file, '<stdin>');
    assert.ok(ids(report).includes('no-latest-image-tag'));
    io = fakeIo(project.dir, { stdin: pod('web', 'nginx') });
    await run(['lint', '-', '--stdin-filename', 'app/stdin.yaml', '--format', 'json'], io);
    report = parseJson<JsonFileReport[]>(io.out);
    assert.equal(report[0]!.file, 'app/stdin.yaml');
  });

  it('finds the configuration of stdin from --stdin-filename', async () => {
    fs.writeFileSync(path.join(project.dir, 'app/.kubeplan.yaml'), 'rules:\n  no-latest-image-tag: error\n');
    const io = fakeIo(project.dir, { stdin: pod('web', 'nginx') });
    assert.equal(await run(['lint', '-', '--stdin-filename', 'app/x.yaml', '--format', 'json'], io), 1);
    assert.equal(parseJson<JsonFileReport[]>(io.out)[0]!.findings.find((f) => f.ruleId === 'no-latest-image-tag')?.severity, 'error');
  });

  it('rejects two stdins and --fix on stdin', async () => {
    for (const argv of [['lint', '-', '-'], ['lint', '-', '--fix']]) {
      const io = fakeIo(project.dir);
      assert.equal(await run(argv, io), 2, argv.join(' '));
      assert.match(io.err, /^kubeplan lint: .*stdin/);
    }
  });

  it('lints the working directory when no path is given', async () => {
    const io = fakeIo(path.join(project.dir, 'app'));
    await run(['lint', '-f', 'json'], io);
    assert.deepEqual(parseJson<JsonFileReport[]>(io.out).map((f) => f.file), ['nested/role.yml', 'web.yaml']);
  });
});

describe('kubeplan lint: flags', () => {
  let project: ReturnType<typeof tempProject>;
  beforeEach(() => {
    project = tempProject({
      'web.yaml': pod('web', 'nginx:latest'),
      'cm.yaml': configMap('settings', { mode: 'debug' }) + '---\n' + configMap('tuning', { level: '1', target: '2' }) + '---\n' + configMap('note', { a: 'b' }),
      'clean.yaml': configMap('clean', { a: 'b' }),
    });
  });
  afterEach(() => project.cleanup());

  it('rejects unknown flags and formats with exit 2', async () => {
    for (const argv of [['lint', '--bogus'], ['lint', '--format', 'xml', '.'], ['lint', '--max-warnings', 'x', '.'], ['lint', '--max-warnings', '-1', '.']]) {
      const io = fakeIo(project.dir);
      assert.equal(await run(argv, io), 2, argv.join(' '));
      assert.equal(io.err.split('\n').length, 2, io.err);
    }
  });

  it('exits 0 when nothing is found', async () => {
    const io = fakeIo(project.dir);
    assert.equal(await runLint(['clean.yaml'], io, { rules: TEST_RULES }), 0);
    assert.equal(io.out, '');
  });

  it('exits 1 on errors, 0 on warnings and info alone', async () => {
    let io = fakeIo(project.dir);
    assert.equal(await runLint(['cm.yaml', '-f', 'json'], io, { rules: TEST_RULES }), 1);
    assert.deepEqual(ids(parseJson(io.out)), ['test-debug-mode', 'test-level-up', 'test-note']);
    io = fakeIo(project.dir);
    assert.equal(await runLint(['cm.yaml', '--rule', 'no-latest-image-tag=error', '-f', 'json'], io, { rules: TEST_RULES.filter((r) => r.id !== 'test-debug-mode') }), 0);
  });

  it('--max-warnings fails when warnings exceed it', async () => {
    const rules = TEST_RULES.filter((r) => r.id !== 'test-debug-mode');
    let io = fakeIo(project.dir);
    assert.equal(await runLint(['cm.yaml', '--max-warnings', '1'], io, { rules }), 0);
    io = fakeIo(project.dir);
    assert.equal(await runLint(['cm.yaml', '--max-warnings', '0'], io, { rules }), 1);
    assert.equal(io.err, 'kubeplan lint: too many warnings (1; --max-warnings is 0)\n');
  });

  it('--quiet reports errors only, and exit codes stay the same', async () => {
    const io = fakeIo(project.dir);
    assert.equal(await runLint(['cm.yaml', '--quiet', '-f', 'json'], io, { rules: TEST_RULES }), 1);
    assert.deepEqual(ids(parseJson(io.out)), ['test-debug-mode']);
  });

  it('--quiet hides warnings but --max-warnings still counts them', async () => {
    const rules = TEST_RULES.filter((r) => r.id !== 'test-debug-mode');
    const io = fakeIo(project.dir);
    assert.equal(await runLint(['cm.yaml', '--quiet', '--max-warnings', '0'], io, { rules }), 1);
    assert.equal(io.out, '');
    assert.match(io.err, /too many warnings \(1;/);
  });

  it('--rule sets a severity, or turns a rule off', async () => {
    let io = fakeIo(project.dir);
    assert.equal(await run(['lint', 'web.yaml', '--rule', 'no-latest-image-tag=error', '-f', 'json'], io), 1);
    assert.equal(parseJson<JsonFileReport[]>(io.out)[0]!.findings.find((f) => f.ruleId === 'no-latest-image-tag')?.severity, 'error');
    io = fakeIo(project.dir);
    await run(['lint', 'web.yaml', '--rule', 'no-latest-image-tag=off', '-f', 'json'], io);
    assert.ok(!ids(parseJson(io.out)).includes('no-latest-image-tag'));
  });

  it('--rule is repeatable, the last word on a rule wins', async () => {
    fs.writeFileSync(path.join(project.dir, 'role.yaml'), WILDCARD_ROLE);
    const io = fakeIo(project.dir);
    await run(['lint', 'web.yaml', 'role.yaml', '--rule', 'no-latest-image-tag=info', '--rule', 'no-rbac-wildcard=error', '--rule', 'no-latest-image-tag=error', '-f', 'json'], io);
    const severity = (id: string): string[] => parseJson<JsonFileReport[]>(io.out).flatMap((f) => f.findings.filter((x) => x.ruleId === id).map((x) => x.severity));
    assert.deepEqual(severity('no-latest-image-tag'), ['error']);
    assert.ok(severity('no-rbac-wildcard').length > 0 && severity('no-rbac-wildcard').every((x) => x === 'error'));
  });

  it('--rule rejects unknown rules (with a suggestion), severities and shapes', async () => {
    const cases: Array<[string, RegExp]> = [
      ['no-latest-image-tags=error', /unknown rule "no-latest-image-tags" \(did you mean "no-latest-image-tag"\?\)/],
      ['no-latest-image-tag=loud', /expected one of off, info, warning, error, got "loud"/],
      ['no-latest-image-tag', /expected id=severity/],
    ];
    for (const [spec, message] of cases) {
      const io = fakeIo(project.dir);
      assert.equal(await run(['lint', 'web.yaml', '--rule', spec], io), 2, spec);
      assert.match(io.err, message);
    }
  });

  it('--kubernetes-version reaches the rules, and a bad one exits 2', async () => {
    fs.writeFileSync(path.join(project.dir, 'version.yaml'), configMap('version', {}));
    let io = fakeIo(project.dir);
    await runLint(['version.yaml', '--kubernetes-version', 'v1.29.3', '-f', 'json'], io, { rules: TEST_RULES_WITH_VERSION });
    assert.match(parseJson<JsonFileReport[]>(io.out)[0]!.findings[0]!.message, /Kubernetes 1\.29\./);
    io = fakeIo(project.dir);
    await runLint(['version.yaml', '-f', 'json'], io, { rules: TEST_RULES_WITH_VERSION });
    assert.match(parseJson<JsonFileReport[]>(io.out)[0]!.findings[0]!.message, /Kubernetes 1\.32\./);
    io = fakeIo(project.dir);
    assert.equal(await run(['lint', 'version.yaml', '--kubernetes-version', 'latest'], io), 2);
    assert.match(io.err, /--kubernetes-version: expected a version like 1\.32, got "latest"/);
  });

  it('--output writes the report to a file', async () => {
    const io = fakeIo(project.dir);
    assert.equal(await runLint(['cm.yaml', '-f', 'json', '-o', 'report.json'], io, { rules: TEST_RULES }), 1);
    assert.equal(io.out, '');
    assert.deepEqual(ids(parseJson(project.read('report.json'))), ['test-debug-mode', 'test-level-up', 'test-note']);
  });

  it('--output exits 2 when the file cannot be written', async () => {
    const io = fakeIo(project.dir);
    assert.equal(await runLint(['cm.yaml', '-o', 'missing/dir/report.txt'], io, { rules: TEST_RULES }), 2);
    assert.match(io.err, /^kubeplan lint: cannot write missing\/dir\/report\.txt: no such file or directory\n$/);
  });

  it('--output is opened before the lint and given the report as it is made, piece by piece, the same text as stdout', async () => {
    const events: string[] = [];
    const pieces: string[] = [];
    const io = fakeIo(project.dir, {
      fsOverrides: {
        readFile: async (file) => {
          events.push(`read ${path.basename(file)}`);
          return nodeFs.readFile(file);
        },
        openForWriting: async (file) => {
          events.push(`open ${path.basename(file)}`);
          return { write: (text) => void pieces.push(text), close: async () => void events.push('close') };
        },
      },
    });
    const lint = (): void => void events.push('lint');
    const rules = TEST_RULES.map((r) => ({ ...r, check: (ctx: Parameters<NonNullable<typeof r.check>>[0]) => (lint(), r.check!(ctx)) }));
    assert.equal(await runLint(['cm.yaml', '-f', 'json', '-o', 'report.json'], io, { rules }), 1);
    assert.deepEqual([...new Set(events)], ['read cm.yaml', 'open report.json', 'lint', 'close']);
    assert.ok(pieces.length > 2, `${pieces.length} pieces`);
    const stdout = fakeIo(project.dir);
    await runLint(['cm.yaml', '-f', 'json'], stdout, { rules: TEST_RULES });
    assert.equal(pieces.join(''), stdout.out);
  });

  it('--output: a write that fails halfway exits 2 with the reason, and the file is closed', async () => {
    let closed = false;
    const io = fakeIo(project.dir, {
      fsOverrides: {
        openForWriting: async () => ({
          write: () => {
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          },
          close: async () => void (closed = true),
        }),
      },
    });
    assert.equal(await runLint(['cm.yaml', '-o', 'report.txt'], io, { rules: TEST_RULES }), 2);
    assert.equal(io.err, 'kubeplan lint: cannot write report.txt: ENOSPC: no space left on device, write\n');
    assert.ok(closed);
  });

  it('--locale fr translates messages that have a translation, and rejects unknown languages', async () => {
    let io = fakeIo(project.dir);
    assert.equal(await run(['lint', 'web.yaml', '--locale', 'xx'], io), 2);
    assert.match(io.err, /--locale: unknown language "xx"/);
    io = fakeIo(project.dir);
    assert.notEqual(await run(['lint', 'web.yaml', '--locale', 'fr', '-f', 'json'], io), 2);
    assert.ok(ids(parseJson(io.out)).includes('no-latest-image-tag'));
  });
});

describe('kubeplan lint --jobs and --shard', () => {
  let project: ReturnType<typeof tempProject>;
  beforeEach(() => {
    project = tempProject({
      'a/web.yaml': pod('web', 'nginx:latest'),
      'a/role.yaml': WILDCARD_ROLE,
      'b/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: web}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers:\n      - name: api\n        image: nginx:1.27\n        envFrom: [{configMapRef: {name: settings}}]\n',
      'c/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: web}\n',
      'c/broken.yaml': 'a: [\n',
    });
  });
  afterEach(() => project.cleanup());

  it('--jobs gives the same report as one thread, references across files included', async function () {
    this.timeout(60000);
    const one = fakeIo(project.dir);
    const four = fakeIo(project.dir);
    const codeOne = await run(['lint', '.', '-f', 'json'], one);
    const codeFour = await run(['lint', '.', '-f', 'json', '--jobs', '3'], four);
    assert.equal(codeFour, codeOne);
    assert.equal(four.out, one.out);
    assert.ok(!ids(parseJson(one.out)).includes('configmap-not-found'), 'the ConfigMap in another folder is seen');
  });

  it('--shard i/n: every file in exactly one shard, a folder\'s files together', async () => {
    const all = fakeIo(project.dir);
    await run(['lint', '.', '-f', 'json'], all);
    const seen: string[] = [];
    for (const i of [1, 2, 3]) {
      const io = fakeIo(project.dir);
      await run(['lint', '.', '-f', 'json', '--shard', `${i}/3`], io);
      const files = parseJson<JsonFileReport[]>(io.out).map((f) => f.file);
      seen.push(...files);
      const folders = new Set(files.map((f) => f.split('/')[0]));
      for (const folder of folders) {
        assert.deepEqual(files.filter((f) => f.startsWith(`${folder}/`)), parseJson<JsonFileReport[]>(all.out).map((f) => f.file).filter((f) => f.startsWith(`${folder}/`)));
      }
    }
    assert.deepEqual(seen.sort(), parseJson<JsonFileReport[]>(all.out).map((f) => f.file).sort());
  });

  it('rejects bad --jobs and --shard values with exit 2', async () => {
    for (const [flag, value, message] of [['--jobs', '0', /--jobs: expected a whole number/], ['--jobs', 'many', /--jobs: expected/], ['--shard', '3/2', /--shard: expected 1 ≤ i ≤ n/], ['--shard', 'half', /--shard: expected i\/n/]] as const) {
      const io = fakeIo(project.dir);
      assert.equal(await run(['lint', '.', flag, value], io), 2, `${flag} ${value}`);
      assert.match(io.err, message);
    }
  });
});

describe('kubeplan lint: colors and escaping', () => {
  let project: ReturnType<typeof tempProject>;
  beforeEach(() => {
    project = tempProject({ 'cm.yaml': configMap('note-\u001b]0;pwned\u0007\u001b[2J', { mode: 'debug' }).replace(/name: (.*)/, (_, n: string) => `name: "${n.replace(/\u001b/g, '\\e').replace(/\u0007/g, '\\a')}"`) });
  });
  afterEach(() => project.cleanup());

  it('colors a terminal, not a pipe, not with --no-color or NO_COLOR', async () => {
    const tty = fakeIo(project.dir, { stdoutIsTTY: true });
    await runLint(['cm.yaml'], tty, { rules: TEST_RULES });
    assert.ok(tty.out.includes('\u001b[31m'), tty.out);
    for (const [argv, overrides] of [[['--no-color'], { stdoutIsTTY: true }], [[], { stdoutIsTTY: true, env: { NO_COLOR: '1' } }], [[], {}]] as const) {
      const io = fakeIo(project.dir, overrides);
      await runLint(['cm.yaml', ...argv], io, { rules: TEST_RULES });
      assert.ok(!io.out.includes('\u001b'), JSON.stringify(io.out));
      assert.match(io.out, /error/);
    }
    const forced = fakeIo(project.dir, { env: { FORCE_COLOR: '1' } });
    await runLint(['cm.yaml'], forced, { rules: TEST_RULES });
    assert.ok(forced.out.includes('\u001b[31m'));
  });

  it('escapes control characters that come from the manifests', async () => {
    for (const format of ['stylish', 'github']) {
      const io = fakeIo(project.dir, { stdoutIsTTY: true });
      await runLint(['cm.yaml', '-f', format], io, { rules: TEST_RULES });
      assert.ok(!io.out.includes('\u001b]0;') && !io.out.includes('\u0007') && !io.out.includes('\u001b[2J'), JSON.stringify(io.out));
      assert.ok(io.out.includes('\\x1b]0;pwned\\x07\\x1b[2J'), JSON.stringify(io.out));
    }
  });
});

describe('kubeplan lint --fix', () => {
  let project: ReturnType<typeof tempProject>;
  afterEach(() => project.cleanup());

  it('applies safe fixes, keeps comments and permissions, and reports what remains', async () => {
    project = tempProject({ 'cm.yaml': `# settings of the app\n${configMap('settings', { mode: 'debug', other: 'x' }, 'keep me')}---\n${configMap('note', { a: 'b' })}` });
    fs.chmodSync(path.join(project.dir, 'cm.yaml'), 0o640);
    const io = fakeIo(project.dir);
    assert.equal(await runLint(['cm.yaml', '--fix', '-f', 'json'], io, { rules: TEST_RULES }), 0);
    assert.equal(project.read('cm.yaml'), `# settings of the app\n${configMap('settings', { mode: 'production', other: 'x' }, 'keep me').replace('"production"', 'production')}---\n${configMap('note', { a: 'b' })}`.replace(/mode: production/, (m) => m));
    assert.equal(fs.statSync(path.join(project.dir, 'cm.yaml')).mode & 0o777, 0o640);
    assert.deepEqual(ids(parseJson(io.out)), ['test-note']);
    assert.deepEqual(fs.readdirSync(project.dir), ['cm.yaml'], 'no temporary file left');
  });

  it('with the real rules: rewrites a removed Ingress API version, comments kept', async function () {
    if (!RULES_BY_ID.get('removed-api-version')?.fixable) this.skip();
    const before = '# the ingress of the app\napiVersion: extensions/v1beta1   # old\nkind: Ingress\nmetadata:\n  name: web\n  namespace: web\nspec:\n  ingressClassName: traefik\n  rules:\n  - host: web.example.com\n    http:\n      paths:\n      - path: /\n        backend:\n          serviceName: web\n          servicePort: 80\n';
    project = tempProject({ 'ing.yaml': before });
    const io = fakeIo(project.dir);
    await run(['lint', 'ing.yaml', '--fix', '-f', 'json'], io);
    const after = project.read('ing.yaml');
    assert.match(after, /^# the ingress of the app\napiVersion: networking\.k8s\.io\/v1 {3}# old\n/);
    assert.ok(!ids(parseJson(io.out)).includes('removed-api-version'), 'nothing left for the fixed rule');
  });

  it('runs passes until no fix is left', async () => {
    project = tempProject({ 'cm.yaml': configMap('tuning', { level: '0', target: '3' }) });
    const io = fakeIo(project.dir);
    assert.equal(await runLint(['cm.yaml', '--fix'], io, { rules: TEST_RULES }), 0);
    assert.match(project.read('cm.yaml'), /level: "3"/);
    assert.match(io.out, /Fixed 3 problems in 1 file\./);
  });

  it(`stops after ${MAX_FIX_PASSES} passes`, async () => {
    project = tempProject({ 'cm.yaml': configMap('tuning', { level: '0' }) });
    const io = fakeIo(project.dir);
    await runLint(['cm.yaml', '--fix', '-f', 'json'], io, { rules: TEST_RULES });
    assert.match(project.read('cm.yaml'), new RegExp(`level: "${MAX_FIX_PASSES}"`));
    assert.deepEqual(ids(parseJson(io.out)), ['test-level-up'], 'what remains is reported');
  });

  it('never writes a file that failed to parse', async () => {
    const text = `${configMap('settings', { mode: 'debug' })}---\n${SYNTAX_ERROR}`;
    project = tempProject({ 'cm.yaml': text });
    const writes: string[] = [];
    const io = fakeIo(project.dir, { fsOverrides: { writeFileAtomic: async (file) => { writes.push(file); } } });
    assert.equal(await runLint(['cm.yaml', '--fix', '-f', 'json'], io, { rules: TEST_RULES }), 1);
    assert.deepEqual(writes, []);
    assert.equal(project.read('cm.yaml'), text);
    assert.deepEqual(ids(parseJson(io.out)).sort(), ['test-debug-mode', 'yaml-syntax']);
  });

  it('writes through the atomic writer, with the file\'s mode, and only files that changed', async () => {
    project = tempProject({ 'a.yaml': configMap('settings', { mode: 'debug' }), 'b.yaml': configMap('clean', {}) });
    fs.chmodSync(path.join(project.dir, 'a.yaml'), 0o600);
    const writes: Array<[string, number | undefined]> = [];
    const io = fakeIo(project.dir, { fsOverrides: { writeFileAtomic: async (file, _text, mode) => { writes.push([path.basename(file), mode]); } } });
    await runLint(['.', '--fix'], io, { rules: TEST_RULES });
    assert.deepEqual(writes, [['a.yaml', 0o600]]);
  });

  it('exits 2 when a fixed file cannot be written', async () => {
    project = tempProject({ 'a.yaml': configMap('settings', { mode: 'debug' }) });
    const io = fakeIo(project.dir, { fsOverrides: { writeFileAtomic: async () => { throw Object.assign(new Error('EROFS'), { code: 'EACCES' }); } } });
    assert.equal(await runLint(['a.yaml', '--fix'], io, { rules: TEST_RULES }), 2);
    assert.equal(io.err, 'kubeplan lint: cannot write a.yaml: permission denied\n');
  });
});

describe('the atomic writer', () => {
  let project: ReturnType<typeof tempProject>;
  afterEach(() => project.cleanup());

  it('replaces the file whole, with the mode asked', async () => {
    project = tempProject({ 'a.yaml': 'old\n' });
    await nodeFs.writeFileAtomic(path.join(project.dir, 'a.yaml'), 'new\n', 0o604);
    assert.equal(project.read('a.yaml'), 'new\n');
    assert.equal(fs.statSync(path.join(project.dir, 'a.yaml')).mode & 0o777, 0o604);
    assert.deepEqual(fs.readdirSync(project.dir), ['a.yaml']);
  });

  it('leaves no temporary file when the rename fails', async () => {
    project = tempProject({ 'dir/inside.yaml': 'x\n' });
    await assert.rejects(nodeFs.writeFileAtomic(path.join(project.dir, 'dir'), 'new\n', 0o644));
    assert.deepEqual(fs.readdirSync(project.dir), ['dir']);
    assert.equal(project.read('dir/inside.yaml'), 'x\n');
  });
});

describe('kubeplan lint: configuration', () => {
  let project: ReturnType<typeof tempProject>;
  beforeEach(() => {
    project = tempProject({
      '.kubeplan.yaml': 'rules:\n  no-latest-image-tag: off\nignore:\n  - vendor\n  - "**/*.generated.yaml"\n',
      'web.yaml': pod('web', 'nginx:latest'),
      'team/.kubeplan.yml': 'rules:\n  no-latest-image-tag: error\n',
      'team/web.yaml': pod('web', 'nginx:latest'),
      'vendor/chart.yaml': SYNTAX_ERROR,
      'gen/x.generated.yaml': SYNTAX_ERROR,
    });
  });
  afterEach(() => project.cleanup());

  it('uses the nearest .kubeplan.yaml or .kubeplan.yml upward from each file, and honours ignore', async () => {
    const io = fakeIo(project.dir);
    assert.equal(await run(['lint', '.', '-f', 'json'], io), 1);
    const report = parseJson<JsonFileReport[]>(io.out);
    assert.deepEqual(report.map((f) => f.file), ['team/web.yaml', 'web.yaml'], 'vendor/ and *.generated.yaml are ignored');
    const latest = (file: string): string | undefined => report.find((f) => f.file === file)!.findings.find((x) => x.ruleId === 'no-latest-image-tag')?.severity;
    assert.equal(latest('web.yaml'), undefined);
    assert.equal(latest('team/web.yaml'), 'error');
  });

  it('says so when a file named on the command line is ignored', async () => {
    const io = fakeIo(project.dir);
    await run(['lint', 'vendor/chart.yaml', 'web.yaml'], io);
    assert.equal(io.err, 'kubeplan lint: vendor/chart.yaml is ignored by the configuration\'s ignore patterns\n');
  });

  it('--print-config shows the file and the settings that apply, overrides included', async () => {
    const io = fakeIo(project.dir);
    assert.equal(await run(['lint', '--print-config', 'team/web.yaml', '--kubernetes-version', '1.30'], io), 0);
    const shown = parseJson<{ configFile: string; ignored: boolean; kubernetesVersion: string; rules: Record<string, { severity: string }> }>(io.out);
    assert.equal(shown.configFile, 'team/.kubeplan.yml');
    assert.equal(shown.ignored, false);
    assert.equal(shown.kubernetesVersion, '1.30');
    assert.equal(shown.rules['no-latest-image-tag']!.severity, 'error');
    const ignored = fakeIo(project.dir);
    await run(['lint', '--print-config', 'vendor/chart.yaml'], ignored);
    assert.equal(parseJson<{ configFile: string; ignored: boolean }>(ignored.out).configFile, '.kubeplan.yaml');
    assert.equal(parseJson<{ ignored: boolean }>(ignored.out).ignored, true);
  });

  it('--config replaces discovery for every file', async () => {
    fs.writeFileSync(path.join(project.dir, 'strict.yaml'), 'rules:\n  no-latest-image-tag: info\n');
    const io = fakeIo(project.dir);
    await run(['lint', 'web.yaml', 'team/web.yaml', '--config', 'strict.yaml', '-f', 'json'], io);
    const severities = parseJson<JsonFileReport[]>(io.out).map((f) => f.findings.find((x) => x.ruleId === 'no-latest-image-tag')?.severity);
    assert.deepEqual(severities, ['info', 'info']);
  });

  it('exits 2 naming the file and the setting when a configuration is wrong', async () => {
    fs.writeFileSync(path.join(project.dir, 'team/.kubeplan.yml'), 'rules:\n  no-latest-image-tag: loud\n');
    let io = fakeIo(project.dir);
    assert.equal(await run(['lint', '.'], io), 2);
    assert.equal(io.err, 'kubeplan lint: invalid configuration team/.kubeplan.yml: rules.no-latest-image-tag: expected one of off, info, warning, error, got "loud"\n');
    fs.writeFileSync(path.join(project.dir, 'team/.kubeplan.yml'), 'rules: [\n');
    io = fakeIo(project.dir);
    assert.equal(await run(['lint', 'team/web.yaml'], io), 2);
    assert.match(io.err, /^kubeplan lint: invalid configuration team\/\.kubeplan\.yml: not valid YAML/);
    io = fakeIo(project.dir);
    assert.equal(await run(['lint', 'web.yaml', '--config', 'missing.yaml'], io), 2);
    assert.equal(io.err, 'kubeplan lint: --config: no such file: missing.yaml\n');
  });
});

describe('kubeplan lint on the shared corpus', () => {
  const corpus = path.resolve(__dirname, '../../../shared/corpus');
  it('lints every file without crashing (exit 0 or 1)', async function () {
    this.timeout(120000);
    if (!fs.existsSync(corpus)) this.skip();
    const io = fakeIo(path.resolve(__dirname, '../..'));
    const code = await run(['lint', corpus, '-f', 'json'], io);
    assert.ok(code === 0 || code === 1, `exit ${code}: ${io.err}`);
    const report = parseJson<JsonFileReport[]>(io.out);
    assert.ok(report.length > 10);
    assert.ok(!ids(report).includes('internal-error'));
    assert.ok(!report.some((f) => f.findings.some((x) => x.messageId === 'internalError')), 'no rule crashed');
  });
});
