/**
 * @fileoverview The CLI on broken and hostile trees: mutated corpus files, binary files, a FIFO,
 * a symbolic-link loop, files that vanish or cannot be written; manifest strings with HTML,
 * ANSI escapes and control characters. It always exits 0, 1 or 2, never prints a stack trace,
 * never hangs, and prints what comes from the manifests inert.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { run } from '../../../src/cli/main';
import { fakeIo, tempProject } from '../../cli/helpers';
import { FUZZ, fcParams, mutate, mutationArb, samples, windowOf } from './helpers';

const STACK = /\n\s+at .+:\d+:\d+\)?/;

async function lintDir(dir: string, args: string[] = [], overrides: Parameters<typeof fakeIo>[1] = {}) {
  const io = fakeIo(dir, overrides);
  const code = await Promise.race([
    run(['lint', '--no-color', ...args], io),
    new Promise<number>((_, reject) => setTimeout(() => reject(new Error('kubeplan lint did not finish in 60 s')), 60_000)),
  ]);
  return { code, out: io.out, err: io.err };
}

function assertClean(r: { code: number; out: string; err: string }, what: string): void {
  assert.ok([0, 1, 2].includes(r.code), `${what}: exit ${r.code}`);
  assert.ok(!STACK.test(r.err) && !STACK.test(r.out), `${what}: a stack trace was printed:\n${r.err.slice(0, 2000)}`);
  assert.ok(!/internal error/i.test(r.err), `${what}: internal error:\n${r.err.slice(0, 2000)}`);
}

describe('robustness: the CLI on broken and hostile trees', function () {
  this.timeout(FUZZ > 0 ? 0 : 180_000);

  it('mutated manifests: exit 0, 1 or 2, no stack trace, every format', async () => {
    const all = samples();
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: all.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('stylish', 'json', 'sarif', 'github'), async (i, where, mutations, format) => {
          let text = windowOf(all[i]!.text, where, 4_000);
          for (const m of mutations) text = mutate(text, m);
          const project = tempProject({ 'm.yaml': text });
          try {
            const r = await lintDir(project.dir, ['--format', format, '.']);
            assertClean(r, `${format} on a mutation of ${all[i]!.name}`);
            if (format === 'json' || format === 'sarif') JSON.parse(r.out);
          } finally {
            project.cleanup();
          }
        }),
      fcParams(25),
    );
  });

  it('a binary file, a FIFO and a symbolic-link loop in the tree: bounded, and the manifests beside them are linted', async function () {
    if (process.platform === 'win32') this.skip();
    const project = tempProject({ 'ok.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n', 'sub/keep.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: keep}\n' });
    try {
      fs.writeFileSync(path.join(project.dir, 'binary.yaml'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 131) % 256)));
      execFileSync('mkfifo', [path.join(project.dir, 'pipe.yaml')]);
      fs.symlinkSync(project.dir, path.join(project.dir, 'sub', 'loop'));
      const r = await lintDir(project.dir, ['--format', 'json', '.']);
      assertClean(r, 'binary + FIFO + loop');
      const files = (JSON.parse(r.out) as Array<{ file: string }>).map((f) => f.file);
      assert.ok(files.includes('ok.yaml') && files.includes('sub/keep.yaml'), files.join(', '));
    } finally {
      project.cleanup();
    }
  });

  it('a --format named like one of Object\'s own properties is an unknown format (exit 2), not a crash', async () => {
    const project = tempProject({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n' });
    try {
      for (const format of ['constructor', 'toString', '__proto__']) {
        const r = await lintDir(project.dir, ['--format', format, '.']);
        assertClean(r, format);
        assert.equal(r.code, 2);
        assert.match(r.err, /unknown format/);
      }
    } finally {
      project.cleanup();
    }
  });

  it('a FIFO named on the command line is refused, not read (which would hang)', async function () {
    if (process.platform === 'win32') this.skip();
    const project = tempProject({});
    try {
      execFileSync('mkfifo', [path.join(project.dir, 'pipe.yaml')]);
      const r = await lintDir(project.dir, ['pipe.yaml']);
      assertClean(r, 'explicit FIFO');
      assert.equal(r.code, 2);
      assert.match(r.err, /pipe\.yaml/);
    } finally {
      project.cleanup();
    }
  });

  // Owner: src/cli/commands/lint.ts (loadFiles turns one unreadable file into a UserError for the whole run).
  it('a file that vanishes while the tree is read: one clear error, and the rest of the tree is still linted', async () => {
    const project = tempProject({ 'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n', 'b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n' });
    try {
      const gone = Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
      const r = await lintDir(project.dir, ['--format', 'json', '.'], {
        fsOverrides: { readFile: async (file: string) => { if (file.endsWith('a.yaml')) throw gone; return fs.readFileSync(file, 'utf8'); } },
      });
      assertClean(r, 'vanishing file');
      assert.match(r.err, /a\.yaml/);
      assert.deepEqual((JSON.parse(r.out) as Array<{ file: string }>).map((f) => f.file), ['b.yaml']);
    } finally {
      project.cleanup();
    }
  });

  it('--fix when the disk write fails (full disk, read-only file): exit 2, one clear line, the original intact', async () => {
    const original = 'apiVersion: v1\nkind: configmap\nmetadata: {name: a}\n'; // misspelt kind: a safe fix
    for (const code of ['ENOSPC', 'EACCES', 'EROFS']) {
      const project = tempProject({ 'a.yaml': original });
      try {
        const failure = Object.assign(new Error(`${code}: write failed`), { code });
        const r = await lintDir(project.dir, ['--fix', 'a.yaml'], { fsOverrides: { writeFileAtomic: async () => { throw failure; } } });
        assertClean(r, `--fix with ${code}`);
        assert.equal(r.code, 2, `${code}: ${r.err}`);
        assert.match(r.err, /a\.yaml/);
        assert.equal(project.read('a.yaml'), original);
      } finally {
        project.cleanup();
      }
    }
  });

  it('--fix never writes a file that does not parse, and keeps the file mode', async () => {
    const project = tempProject({ 'broken.yaml': 'apiVersion: v1\nkind: configmap\nmetadata: {name: a\n', 'ok.yaml': 'apiVersion: v1\nkind: configmap\nmetadata: {name: b}\n' });
    try {
      fs.chmodSync(path.join(project.dir, 'ok.yaml'), 0o640);
      const before = project.read('broken.yaml');
      const r = await lintDir(project.dir, ['--fix', '.']);
      assertClean(r, '--fix on a broken file');
      assert.equal(project.read('broken.yaml'), before);
      assert.match(project.read('ok.yaml'), /kind: ConfigMap/);
      assert.equal(fs.statSync(path.join(project.dir, 'ok.yaml')).mode & 0o777, 0o640);
    } finally {
      project.cleanup();
    }
  });

  const EVIL = '<script>alert(1)</script>\u001b[31mred\u001b]0;title\u0007\u009b2J\u202eevil\r\u0000';
  const EVIL_MANIFEST = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${JSON.stringify(EVIL)}\n  labels: {app: ${JSON.stringify(EVIL)}}\n  annotations: {note: ${JSON.stringify(EVIL)}}\nspec:\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: y}}\n    spec:\n      containers:\n        - name: ${JSON.stringify(EVIL)}\n          image: ${JSON.stringify(`nginx${EVIL}:latest`)}\n`;

  async function assertInert(format: string): Promise<void> {
    const project = tempProject({ 'evil.yaml': EVIL_MANIFEST });
    try {
      const r = await lintDir(project.dir, ['--format', format, 'evil.yaml']);
      assertClean(r, format);
      assert.ok(r.out.includes('evil.yaml'), `${format}: nothing reported`);
      // No raw control character (C0 but newline, DEL, C1) nor bidirectional override reaches the output.
      // eslint-disable-next-line no-control-regex
      const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.exec(r.out);
      assert.equal(raw, null, `${format}: raw U+${raw?.[0].charCodeAt(0).toString(16).padStart(4, '0')} in the output`);
      if (format === 'json' || format === 'sarif') assert.ok(JSON.stringify(JSON.parse(r.out)).includes('<script>'), `${format}: the text is kept, escaped`);
    } finally {
      project.cleanup();
    }
  }

  it('HTML, script, ANSI escapes and control characters from manifests are inert in the terminal formats (stylish, github)', async () => {
    await assertInert('stylish');
    await assertInert('github');
  });

  // Owners: src/cli/formatters/json.ts and src/cli/formatters/sarif.ts. JSON.stringify leaves C1
  // controls (U+009B is an 8-bit CSI) and bidirectional overrides raw; `cat report.json` in a
  // terminal then runs them. Fix: escape [\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]
  // as \uXXXX in the stringified report (valid JSON: they only occur inside strings).
  it('the same strings are escaped in JSON and SARIF (C1 controls, bidirectional overrides)', async () => {
    await assertInert('json');
    await assertInert('sarif');
  });
});
