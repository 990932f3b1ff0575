/**
 * @fileoverview The shape of a rule and of the context it checks a manifest with.
 * A rule is one file exporting one `Rule`, its id equal to the file name.
 */
import type { Severity } from '../finding';
import type { FixOp } from '../fix/fix-ops';
import type { WorkspaceIndex } from '../model/workspace-index';
import type { Manifest } from '../source/parse';
import type { Path, Target } from '../source/path';
import type { ResolvedConfig } from '../config/config';

export type Category =
  | 'syntax' // YAML and input limits
  | 'schema' // the Kubernetes API schemas, API versions
  | 'reliability' // probes, replicas, disruption budgets, rollouts
  | 'images'
  | 'resources'
  | 'security' // Pod Security Standards, service accounts, secrets
  | 'rbac'
  | 'networking' // Services, Ingress, NetworkPolicy
  | 'jobs' // Jobs and CronJobs
  | 'references' // references between resources
  | 'deprecations'
  | 'labels';

export const CATEGORIES: readonly Category[] = [
  'syntax', 'schema', 'reliability', 'images', 'resources', 'security', 'rbac', 'networking', 'jobs', 'references', 'deprecations', 'labels',
];

export interface RuleDocs {
  /** What the rule checks, in one or two sentences. */
  description: string;
  /** Why it matters. */
  rationale: string;
  /** What to do about a finding; ends with a period. */
  remediation: string;
  /** Links to the Kubernetes documentation (and other references). */
  references: string[];
  /** YAML examples the meta test runs: `invalid` ones must trigger the rule, `valid` ones must not. */
  examples?: { valid?: string[]; invalid?: string[] };
}

/** A place in a manifest a finding or related location points at. */
export interface At {
  /** Path from the manifest's root. */
  path: Path;
  /** Which part of the entry: its key, its value (default) or both. */
  target?: Target;
  /**
   * Characters `[start, end)` of a string value to point at (one field of a cron schedule, say);
   * the whole value when the text cannot be mapped one to one (escapes, folded lines).
   */
  slice?: readonly [number, number];
}

/** A fix proposed by a rule: operations on the same manifest, or on another one (`manifest`). */
export interface RuleFix {
  title: string;
  ops: FixOp[];
  /** The manifest the operations apply to; the checked one when omitted. */
  manifest?: Manifest;
}

export interface Report<M extends string> extends At {
  messageId: M;
  /** Values for the `{{placeholders}}` of the message. */
  data?: Record<string, string | number>;
  /** Other places that explain the finding (the Service a pod is missing from, say). */
  related?: Array<At & { manifest: Manifest; message: string }>;
  /** A safe fix (`--fix` and fix-all apply it). Requires `fixable: 'safe'` in the rule. */
  fix?: RuleFix;
  /** Fixes that change behaviour: offered in the editor only. */
  suggestions?: RuleFix[];
  /** Overrides the configured severity for this one finding (e.g. an error for a sensitive hostPath). */
  severity?: Severity;
  tags?: Array<'deprecated' | 'unnecessary'>;
}

export interface RuleContext<M extends string = string, O = Record<string, unknown>> {
  /** The manifest being checked. */
  readonly manifest: Manifest;
  /** The text of the manifest's file (to quote a value as written). */
  readonly text: string;
  /** Every manifest of the inputs, for rules that look across resources. */
  readonly index: WorkspaceIndex;
  /** The rule's options: its defaults merged with the configuration's. */
  readonly options: O;
  /** The configuration in force for this file (Kubernetes version, Pod Security level...). */
  readonly config: ResolvedConfig;
  /** The namespace the manifest lands in, or undefined when its kind is cluster-scoped. */
  readonly namespace: string | undefined;
  report(report: Report<M>): void;
}

export interface Rule<M extends string = string, O = Record<string, unknown>> {
  /** Stable kebab-case id, equal to the file name. */
  id: string;
  category: Category;
  /** Severity when the configuration says nothing. */
  severity: Severity;
  /** False for rules that are off unless the configuration turns them on. */
  enabledByDefault?: boolean;
  /** One line, sentence case, no final period. */
  title: string;
  docs: RuleDocs;
  /** Kinds the rule looks at; `'*'` for all. Parse rules list none (the parser reports them). */
  kinds: readonly string[] | '*';
  /** messageId → message template with `{{placeholders}}`: what is wrong, why, what to do. */
  messages: Record<M, string>;
  /** `safe`: its fixes can be applied without review; `suggestion`: editor only. */
  fixable?: 'safe' | 'suggestion';
  /** JSON Schema of the options, with defaults. */
  options?: { schema: Record<string, unknown>; defaults: O };
  /** Checks one manifest. Parse rules have none. */
  check?(ctx: RuleContext<M, O>): void;
}

/** Identity function that gives a rule literal its types (message ids checked by the compiler). */
export function defineRule<M extends string, O = Record<string, unknown>>(rule: Rule<M, O>): Rule<M, O> {
  return rule;
}
