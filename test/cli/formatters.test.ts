import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { runLint } from '../../src/cli/commands/lint';
import { escapeData, escapeProperty } from '../../src/cli/formatters/github';
import type { JsonFileReport } from '../../src/cli/formatters/json';
import { RULES } from '../../src/core/rules';
import { testRule } from '../helpers/test-rule';
import { fakeIo, parseJson, tempProject } from './helpers';
import { configMap, TEST_RULES } from './test-rules';

const SARIF_SCHEMA = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

/** The official SARIF 2.1.0 schema (draft-04) compiled by ajv 8: `id` → `$id`, no `$schema`. */
function sarifValidator(): ReturnType<Ajv['compile']> {
  const schema = JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('formatters', () => {
  let project: ReturnType<typeof tempProject>;
  beforeEach(() => {
    project = tempProject({
      'cm.yaml': configMap('settings', { mode: 'debug' }) + '---\n' + configMap('note', { level: '1', target: '2' }),
      'dir with, odd: name%/b.yaml': configMap('settings', { mode: 'debug' }),
      'broken.yaml': 'a: [\n',
    });
  });
  afterEach(() => project.cleanup());

  it('json: the documented contract, 1-based, with fixes as positions', async () => {
    const io = fakeIo(project.dir);
    await runLint(['cm.yaml', '-f', 'json'], io, { rules: TEST_RULES });
    assert.deepEqual(parseJson<JsonFileReport[]>(io.out), [{
      file: 'cm.yaml',
      findings: [
        {
          ruleId: 'test-debug-mode', messageId: 'debug', severity: 'error', message: 'ConfigMap "settings" runs in debug mode.',
          line: 7, column: 9, endLine: 7, endColumn: 16,
          resource: { apiVersion: 'v1', kind: 'ConfigMap', name: 'settings', namespace: 'web' },
          fix: { title: 'Use production', edits: [{ line: 7, column: 9, endLine: 7, endColumn: 16, text: 'production' }] },
        },
        {
          ruleId: 'test-note', messageId: 'note', severity: 'info', message: 'Note about note.',
          line: 12, column: 9, endLine: 12, endColumn: 13,
          resource: { apiVersion: 'v1', kind: 'ConfigMap', name: 'note', namespace: 'web' },
        },
        {
          ruleId: 'test-level-up', messageId: 'low', severity: 'warning', message: 'Level 1 is below 2.',
          line: 15, column: 10, endLine: 15, endColumn: 13,
          resource: { apiVersion: 'v1', kind: 'ConfigMap', name: 'note', namespace: 'web' },
          fix: { title: 'Up', edits: [{ line: 15, column: 11, endLine: 15, endColumn: 12, text: '2' }] },
        },
      ],
    }]);
  });

  for (const format of ['stylish', 'json', 'github']) {
    it(`${format}: each file's part is written once it is linted, before the next file is checked`, async () => {
      fs.writeFileSync(`${project.dir}/other.yaml`, configMap('other', { mode: 'debug' }));
      const log: string[] = [];
      const probe = testRule({
        id: 'test-log',
        kinds: ['ConfigMap'], messages: { m: 'm' },
        check(ctx) {
          log.push(`check ${ctx.manifest.file}`);
        },
      });
      const io = fakeIo(project.dir, { stdout: (text) => { if (text.includes('.yaml')) log.push(`out ${/(cm|other)\.yaml/.exec(text)?.[0]}`); } });
      await runLint(['cm.yaml', 'other.yaml', '-f', format], io, { rules: [...TEST_RULES, probe] });
      assert.deepEqual(log, ['check cm.yaml', 'check cm.yaml', 'out cm.yaml', 'check other.yaml', 'out other.yaml']);
    });
  }

  it('json: the report is its own JSON indented by two spaces, however many findings a file has', async () => {
    // 70 findings: written 32 at a time, the pieces must join into exactly the whole report's text.
    fs.writeFileSync(`${project.dir}/many.yaml`, Array.from({ length: 70 }, (_, i) => configMap(`c${i}`, { mode: 'debug' })).join('---\n'));
    fs.writeFileSync(`${project.dir}/clean.yaml`, configMap('clean', {}));
    const io = fakeIo(project.dir);
    await runLint(['many.yaml', 'clean.yaml', 'cm.yaml', '-f', 'json'], io, { rules: TEST_RULES });
    const report = parseJson<JsonFileReport[]>(io.out);
    assert.deepEqual(report.map((f) => [f.file, f.findings.length]), [['clean.yaml', 0], ['cm.yaml', 3], ['many.yaml', 70]]);
    assert.deepEqual(report[2]!.findings.map((f) => f.resource?.name), Array.from({ length: 70 }, (_, i) => `c${i}`));
    assert.equal(io.out, `${JSON.stringify(report, null, 2)}\n`);
  });

  it('json: an empty array entry for a clean file, null resource for a YAML error', async () => {
    fs.writeFileSync(`${project.dir}/clean.yaml`, configMap('clean', {}));
    const io = fakeIo(project.dir);
    await runLint(['clean.yaml', 'broken.yaml', '-f', 'json'], io, { rules: TEST_RULES });
    const report = parseJson<JsonFileReport[]>(io.out);
    assert.deepEqual(report.map((f) => [f.file, f.findings.length]), [['broken.yaml', 1], ['clean.yaml', 0]]);
    assert.equal(report[0]!.findings[0]!.resource, null);
  });

  it('sarif: valid SARIF 2.1.0 against the official schema, with rule metadata and regions', async () => {
    const io = fakeIo(project.dir);
    assert.equal(await runLint(['.', '-f', 'sarif'], io, { rules: [...TEST_RULES, ...RULES.filter((r) => r.id === 'no-latest-image-tag')] }), 1);
    const log = parseJson<any>(io.out);
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.ok(!validate({ ...log, version: '2.0.0' }), 'the validator does reject invalid logs');
    const run = log.runs[0];
    assert.equal(log.version, '2.1.0');
    assert.equal(run.tool.driver.name, 'KubePlan');
    assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), RULES.map((r) => r.id), 'every registered rule is described');
    const latest = run.tool.driver.rules.find((r: { id: string }) => r.id === 'no-latest-image-tag');
    assert.equal(latest.name, 'NoLatestImageTag');
    assert.equal(latest.shortDescription.text, 'Images should be pinned to a version');
    assert.match(latest.helpUri, /^https:\/\/.*\/no-latest-image-tag$/);
    assert.equal(latest.defaultConfiguration.level, 'warning');
    const result = run.results.find((r: { ruleId: string; locations: any[] }) => r.ruleId === 'test-debug-mode' && r.locations[0].physicalLocation.artifactLocation.uri === 'cm.yaml');
    assert.deepEqual(result.locations[0].physicalLocation, {
      artifactLocation: { uri: 'cm.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 7, startColumn: 9, endLine: 7, endColumn: 16 },
    });
    assert.equal(result.level, 'error');
    assert.deepEqual(result.fixes, [{
      description: { text: 'Use production' },
      artifactChanges: [{
        artifactLocation: { uri: 'cm.yaml', uriBaseId: '%SRCROOT%' },
        replacements: [{ deletedRegion: { startLine: 7, startColumn: 9, endLine: 7, endColumn: 16 }, insertedContent: { text: 'production' } }],
      }],
    }]);
    assert.equal(run.results.find((r: { ruleId: string }) => r.ruleId === 'test-note').level, 'note');
    assert.ok(run.results.some((r: any) => r.locations[0].physicalLocation.artifactLocation.uri === 'dir%20with%2C%20odd%3A%20name%25/b.yaml'));
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${project.dir.split('/').map(encodeURIComponent).join('/')}/`);
  });

  it('sarif: the log is its own JSON indented by two spaces, results in file order, however many a file has', async () => {
    // 70 results in one file, then 3 in another: written 32 at a time, after the log's head.
    fs.writeFileSync(`${project.dir}/many.yaml`, Array.from({ length: 70 }, (_, i) => configMap(`c${i}`, { mode: 'debug' })).join('---\n'));
    fs.writeFileSync(`${project.dir}/clean.yaml`, configMap('clean', {}));
    const io = fakeIo(project.dir);
    await runLint(['many.yaml', 'clean.yaml', 'cm.yaml', '-f', 'sarif'], io, { rules: TEST_RULES });
    const log = parseJson<any>(io.out);
    assert.ok(sarifValidator()(log));
    const results = log.runs[0].results as Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
    assert.deepEqual(results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri), [...Array(3).fill('cm.yaml'), ...Array(70).fill('many.yaml')]);
    assert.equal(io.out, `${JSON.stringify(log, null, 2)}\n`);
  });

  it('sarif: an empty run is valid too', async () => {
    fs.writeFileSync(`${project.dir}/clean.yaml`, configMap('clean', {}));
    const io = fakeIo(project.dir);
    assert.equal(await runLint(['clean.yaml', '-f', 'sarif'], io, { rules: TEST_RULES }), 0);
    const validate = sarifValidator();
    assert.ok(validate(parseJson(io.out)), JSON.stringify(validate.errors));
    assert.deepEqual(parseJson<any>(io.out).runs[0].results, []);
    assert.equal(io.out, `${JSON.stringify(parseJson(io.out), null, 2)}\n`);
  });

  it('related locations in other files: json, sarif and stylish', async function () {
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: twin\n  namespace: web\n';
    fs.writeFileSync(`${project.dir}/d1.yaml`, cm);
    fs.writeFileSync(`${project.dir}/d2.yaml`, `# copy\n${cm}`);
    const rules = RULES.filter((r) => r.id === 'duplicate-resource');
    if (rules.length === 0) this.skip();
    let io = fakeIo(project.dir);
    await runLint(['d1.yaml', 'd2.yaml', '-f', 'json'], io, { rules });
    const report = parseJson<JsonFileReport[]>(io.out);
    assert.deepEqual(report[0]!.findings[0]!.related, [{ file: 'd2.yaml', line: 5, column: 9, endLine: 5, endColumn: 13, message: report[0]!.findings[0]!.related![0]!.message }]);
    io = fakeIo(project.dir);
    await runLint(['d1.yaml', 'd2.yaml', '-f', 'sarif'], io, { rules });
    const log = parseJson<any>(io.out);
    assert.ok(sarifValidator()(log));
    assert.deepEqual(log.runs[0].results[0].relatedLocations[0].physicalLocation.region, { startLine: 5, startColumn: 9, endLine: 5, endColumn: 13 });
    io = fakeIo(project.dir);
    await runLint(['d1.yaml', 'd2.yaml'], io, { rules });
    assert.match(io.out, /\n {2}4:9 {2}error {2}.*duplicate-resource\n {14}↳ d2\.yaml:5:9 /);
  });

  it('github: one workflow command per finding, notice for info, escaped', async () => {
    const io = fakeIo(project.dir);
    await runLint(['cm.yaml', 'dir with, odd: name%', '-f', 'github'], io, { rules: TEST_RULES });
    assert.equal(io.out, [
      '::error file=cm.yaml,line=7,col=9,endLine=7,endColumn=16,title=KubePlan test-debug-mode::ConfigMap "settings" runs in debug mode.',
      '::notice file=cm.yaml,line=12,col=9,endLine=12,endColumn=13,title=KubePlan test-note::Note about note.',
      '::warning file=cm.yaml,line=15,col=10,endLine=15,endColumn=13,title=KubePlan test-level-up::Level 1 is below 2.',
      '::error file=dir with%2C odd%3A name%25/b.yaml,line=7,col=9,endLine=7,endColumn=16,title=KubePlan test-debug-mode::ConfigMap "settings" runs in debug mode.',
      '',
    ].join('\n'));
  });

  it('json and sarif: C1 controls and bidirectional overrides are written as \\u escapes', async () => {
    // YAML escapes in a double-quoted name: the value holds U+009B (8-bit CSI), U+202E and U+2028.
    fs.writeFileSync(`${project.dir}/evil.yaml`, configMap('NAME', { a: 'b' }).replace('name: NAME', 'name: "note-\\u009b2J\\u202eevil\\u2028x"'));
    for (const format of ['json', 'sarif']) {
      const io = fakeIo(project.dir);
      await runLint(['evil.yaml', '-f', format], io, { rules: TEST_RULES });
      assert.doesNotMatch(io.out, /[\u009b\u202e\u2028]/, format);
      assert.ok(io.out.includes('\\u009b2J\\u202eevil\\u2028x'), format);
      assert.ok(JSON.stringify(JSON.parse(io.out)).includes('note-\u009b2J\u202eevil\u2028x'), `${format}: same value once parsed`);
    }
  });

  it('github: escaping of data and properties', () => {
    assert.equal(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
    assert.equal(escapeProperty('a,b:c%'), 'a%2Cb%3Ac%25');
  });

  it('stylish: the summary in French with --locale fr', async () => {
    const io = fakeIo(project.dir);
    await runLint(['cm.yaml', '--locale', 'fr'], io, { rules: TEST_RULES });
    assert.match(io.out, /\n✖ 3 problèmes \(1 erreur, 1 avertissement, 1 info\)\n {2}2 problèmes corrigeables avec l’option `--fix`\.\n$/);
  });

  it('stylish: grouped by file, with a summary and the fixable count', async () => {
    const io = fakeIo(project.dir);
    await runLint(['cm.yaml'], io, { rules: TEST_RULES });
    assert.equal(io.out, [
      '',
      'cm.yaml',
      '  7:9    error    ConfigMap "settings" runs in debug mode.  test-debug-mode',
      '  12:9   info     Note about note.  test-note',
      '  15:10  warning  Level 1 is below 2.  test-level-up',
      '',
      '✖ 3 problems (1 error, 1 warning, 1 info)',
      '  2 problems can be fixed with the `--fix` option.',
      '',
    ].join('\n'));
  });
});
