/**
 * @fileoverview User errors: a bad flag, a missing file, a bad configuration. They end the
 * command with exit code 2 and one line on stderr, never a stack trace.
 */
import { escapeControl } from './terminal';

/** An error the user can fix; its message is printed as is after `kubeplan: `. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** Runs a command body; a user error becomes one line on stderr (`kubeplan <command>: …`) and exit code 2. */
export async function withUserErrors(command: string, io: { stderr(text: string): void }, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    io.stderr(`kubeplan ${command}: ${escapeControl(error.message)}\n`);
    return EXIT.usage;
  }
}

/** Exit codes of every command. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** A short reason for a Node file-system error (`no such file or directory`), without the stack. */
export function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'not a directory';
    case 'EMFILE': return 'too many open files';
    default: return e instanceof Error ? e.message.split('\n')[0]! : String(error);
  }
}
