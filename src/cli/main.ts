/**
 * @fileoverview The CLI's entry: `run(argv, io)` dispatches to a command and returns the exit
 * code (it never exits the process); `main()` is what bin/kubeplan.js calls. User errors end
 * in one line on stderr and exit code 2; anything else is a bug and says so, with its stack.
 */
import { COMMANDS } from './commands';
import { EXIT, UserError } from './errors';
import { nodeIo, type Io } from './io';
import { escapeControl } from './terminal';
import { VERSION } from './version';

export type { Io } from './io';

function globalUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: kubeplan <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show this help (or `kubeplan <command> --help`)',
    '  -v, --version  print the version',
    '',
  ].join('\n');
}

/** Runs `kubeplan` with the arguments after the program name; resolves to the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    if (first === 'help' && rest[0]) return run([rest[0], '--help'], io);
    if (first === undefined) {
      io.stderr(globalUsage());
      return EXIT.usage;
    }
    io.stdout(globalUsage());
    return EXIT.ok;
  }
  if (first === '-v' || first === '--version' || first === 'version') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    io.stderr(`kubeplan: unknown command "${escapeControl(first)}"; expected one of ${COMMANDS.map((c) => c.name).join(', ')} (see kubeplan --help)\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr(`kubeplan ${command.name}: ${escapeControl(error.message)}\n`);
      return EXIT.usage;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`kubeplan ${command.name}: internal error, please report it:\n${detail}\n`);
    return EXIT.usage;
  }
}

/** The process entry: real I/O, exit code set (not forced) so pending output is flushed. */
export function main(): void {
  // `kubeplan lint … | head` closes the pipe early: that is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  run(process.argv.slice(2), nodeIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`kubeplan: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
