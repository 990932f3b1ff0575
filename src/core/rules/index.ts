/**
 * @fileoverview The rule registry: every rule, grouped by category folder. A category's
 * `index.ts` lists its rules; this file only concatenates the categories.
 */
import deprecations from './deprecations';
import images from './images';
import jobs from './jobs';
import labels from './labels';
import networking from './networking';
import rbac from './rbac';
import references from './references';
import reliability from './reliability';
import resources from './resources';
import schema from './schema';
import security from './security';
import syntax from './syntax';
import type { Rule } from './types';

export const RULES: ReadonlyArray<Rule<string, unknown>> = ([
  ...syntax,
  ...schema,
  ...deprecations,
  ...reliability,
  ...images,
  ...resources,
  ...security,
  ...rbac,
  ...networking,
  ...jobs,
  ...references,
  ...labels,
] as ReadonlyArray<Rule<string, unknown>>).slice().sort((a, b) => (a.id < b.id ? -1 : 1));

export const RULES_BY_ID: ReadonlyMap<string, Rule<string, unknown>> = new Map(RULES.map((r) => [r.id, r]));
