/**
 * @fileoverview The command table of `kubeplan`. A command is one file in this folder that
 * default-exports a `Command` ({ name, summary, usage, run }); add it here with one import and
 * one entry, in the order `kubeplan --help` lists them.
 */
import lint from './lint';
import render from './render';
import rules from './rules';
import simulate from './simulate';
import type { Command } from './types';

export const COMMANDS: readonly Command[] = [
  lint,
  rules,
  simulate,
  render,
];

export type { Command };
