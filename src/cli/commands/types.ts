/**
 * @fileoverview The shape of a CLI command. Each command is one file in this folder and one
 * line in `index.ts`.
 */
import type { Io } from '../io';

export interface Command {
  /** The word after `kubeplan`. */
  name: string;
  /** One line for `kubeplan --help`. */
  summary: string;
  /** The full `kubeplan <name> --help` text. */
  usage: string;
  /** Runs the command with the arguments after its name; returns the exit code (never exits). */
  run(args: string[], io: Io): Promise<number>;
}
