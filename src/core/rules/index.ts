/**
 * @fileoverview The rule registry: every rule, grouped by category folder. A category's
 * `index.ts` lists its rules; this file only concatenates the categories.
 */
import images from './images';
import rbac from './rbac';
import reliability from './reliability';
import syntax from './syntax';
import type { Rule } from './types';

export const RULES: ReadonlyArray<Rule<string, unknown>> = ([
  ...syntax,
  ...images,
  ...rbac,
  ...reliability,
] as ReadonlyArray<Rule<string, unknown>>).slice().sort((a, b) => (a.id < b.id ? -1 : 1));

export const RULES_BY_ID: ReadonlyMap<string, Rule<string, unknown>> = new Map(RULES.map((r) => [r.id, r]));
