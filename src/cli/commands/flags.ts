/**
 * @fileoverview Flag parsing shared by the commands: node:util's parseArgs, strict, with its
 * errors turned into one-line user errors.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../errors';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags(args: string[], options: Options): { values: Record<string, string | boolean | string[] | boolean[] | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | string[] | boolean[] | undefined>, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // An option whose value is missing, or taken for another option (`--jobs --format json`):
    // parseArgs calls the second "ambiguous"; both mean the same to the user.
    const missing = /^Option '(?:-\w, )?(--[\w-]+)(?: <value>)?' argument (?:missing|is ambiguous)/.exec(message);
    if (missing) throw new UserError(`${missing[1]} needs a value (${missing[1]} <value>; one that starts with "-" is written ${missing[1]}=<value>)`);
    // parseArgs explains at length how to pass a positional starting with '-': keep the first sentence.
    throw new UserError(message.split(/\.\s/)[0]!.replace(/\.$/, ''));
  }
}
