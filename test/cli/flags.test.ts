import * as assert from 'node:assert/strict';
import { parseFlags } from '../../src/cli/commands/flags';
import { UserError } from '../../src/cli/errors';

const OPTIONS = { jobs: { type: 'string' }, output: { type: 'string', short: 'o' }, quiet: { type: 'boolean', short: 'q' } } as const;

function failure(args: string[]): string {
  try {
    parseFlags(args, OPTIONS);
  } catch (error) {
    assert.ok(error instanceof UserError, String(error));
    return error.message;
  }
  assert.fail(`parsed: ${args.join(' ')}`);
}

describe('parseFlags: node:util parseArgs errors as one-line user errors', () => {
  it('parses values, booleans and positionals', () => {
    const { values, positionals } = parseFlags(['a.yaml', '--jobs', '2', '-q', '--output=-x'], OPTIONS);
    assert.deepEqual({ ...values }, { jobs: '2', quiet: true, output: '-x' });
    assert.deepEqual(positionals, ['a.yaml']);
  });

  it('says an option needs a value, whether it is last or followed by another option', () => {
    const expected = '--jobs needs a value (--jobs <value>; one that starts with "-" is written --jobs=<value>)';
    assert.equal(failure(['--jobs']), expected);
    assert.equal(failure(['--jobs', '--quiet']), expected);
    assert.equal(failure(['--jobs', '-1']), expected);
    assert.equal(failure(['-o']), '--output needs a value (--output <value>; one that starts with "-" is written --output=<value>)');
  });

  it('keeps the first sentence of the other errors', () => {
    assert.equal(failure(['--nope']), "Unknown option '--nope'");
    assert.equal(failure(['--quiet=1']), "Option '-q, --quiet' does not take an argument");
  });
});
