/**
 * @fileoverview `.kubeplan.yaml`: which rules run at which severity, their options, the
 * Kubernetes version, the Pod Security level, ignored paths. Pure: the CLI and the editor
 * find and read the file; this module turns its text into a resolved configuration and
 * says precisely what is wrong with it.
 */
import { parseDocument } from 'yaml';
import type { Severity, SeverityOrOff } from '../finding';
import { isRecord } from '../source/parse';
import type { Rule } from '../rules/types';

export type PodSecurityLevel = 'baseline' | 'restricted';

export interface RuleSetting {
  severity: SeverityOrOff;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  /** `major.minor`, e.g. `1.32`: decides which API versions are removed. */
  kubernetesVersion: string;
  podSecurity: PodSecurityLevel;
  /** Namespace of manifests that set none (kubectl's context namespace). */
  defaultNamespace: string;
  /** False leaves schema validation to another tool (the Red Hat YAML extension, kubeconform). */
  schemaValidation: boolean;
  /** Glob patterns (relative to the config file) of files not to lint. */
  ignore: string[];
  /** Per-rule settings from the file; rules not named keep their defaults. */
  rules: Record<string, RuleSetting>;
  /** The `cluster:` section, read by the simulator. */
  cluster?: unknown;
}

export const DEFAULT_KUBERNETES_VERSION = '1.32';

export function defaultConfig(): ResolvedConfig {
  return {
    kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
    podSecurity: 'baseline',
    defaultNamespace: 'default',
    schemaValidation: true,
    ignore: [],
    rules: {},
  };
}

const SEVERITIES: readonly SeverityOrOff[] = ['off', 'info', 'warning', 'error'];
const TOP_LEVEL_KEYS = ['kubernetesVersion', 'podSecurity', 'defaultNamespace', 'schemaValidation', 'ignore', 'rules', 'cluster'];

export interface ConfigProblem {
  /** Where in the file, as a dotted path (`rules.latest-tag`). */
  path: string;
  message: string;
}

/**
 * Reads `.kubeplan.yaml` text. Unknown keys, unknown rule ids and bad values are problems; the
 * configuration returned keeps every valid part.
 */
export function parseConfig(text: string, rules: ReadonlyMap<string, Rule<string, unknown>>): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const doc = parseDocument(text, { version: '1.1', prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return { config: defaultConfig(), problems: [{ path: '', message: `not valid YAML: ${e.message.split('\n')[0]}` }] };
  }
  return resolveConfig(doc.toJS() ?? {}, rules);
}

/** Validates and resolves a configuration object (already parsed, from YAML or JSON). */
export function resolveConfig(raw: unknown, rules: ReadonlyMap<string, Rule<string, unknown>>): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const config = defaultConfig();
  const problems: ConfigProblem[] = [];
  if (!isRecord(raw)) {
    return { config, problems: [{ path: '', message: 'expected a mapping at the top level' }] };
  }
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      problems.push({ path: key, message: `unknown setting${suggest(key, TOP_LEVEL_KEYS)}; known: ${TOP_LEVEL_KEYS.join(', ')}` });
    }
  }
  if (raw.kubernetesVersion !== undefined) {
    const v = normalizeVersion(raw.kubernetesVersion);
    if (v) config.kubernetesVersion = v;
    else problems.push({ path: 'kubernetesVersion', message: `expected a version like "1.32", got ${JSON.stringify(raw.kubernetesVersion)}` });
  }
  if (raw.podSecurity !== undefined) {
    if (raw.podSecurity === 'baseline' || raw.podSecurity === 'restricted') config.podSecurity = raw.podSecurity;
    else problems.push({ path: 'podSecurity', message: `expected "baseline" or "restricted", got ${JSON.stringify(raw.podSecurity)}` });
  }
  if (raw.defaultNamespace !== undefined) {
    if (typeof raw.defaultNamespace === 'string' && raw.defaultNamespace) config.defaultNamespace = raw.defaultNamespace;
    else problems.push({ path: 'defaultNamespace', message: 'expected a namespace name' });
  }
  if (raw.schemaValidation !== undefined) {
    if (typeof raw.schemaValidation === 'boolean') config.schemaValidation = raw.schemaValidation;
    else problems.push({ path: 'schemaValidation', message: 'expected true or false' });
  }
  if (raw.ignore !== undefined) {
    if (Array.isArray(raw.ignore) && raw.ignore.every((g) => typeof g === 'string')) config.ignore = raw.ignore as string[];
    else problems.push({ path: 'ignore', message: 'expected a list of glob patterns' });
  }
  if (raw.cluster !== undefined) config.cluster = raw.cluster;
  if (raw.rules !== undefined) {
    if (!isRecord(raw.rules)) {
      problems.push({ path: 'rules', message: 'expected a mapping of rule id to severity' });
    } else {
      for (const [id, value] of Object.entries(raw.rules)) {
        const rule = rules.get(id);
        if (!rule) {
          problems.push({ path: `rules.${id}`, message: `unknown rule${suggest(id, [...rules.keys()])}` });
          continue;
        }
        const setting = readRuleSetting(value, rule, `rules.${id}`, problems);
        if (setting) config.rules[id] = setting;
      }
    }
  }
  return { config, problems };
}

/** `warning`, `[warning, {options}]` or `{severity, options}`. */
function readRuleSetting(value: unknown, rule: Rule<string, unknown>, path: string, problems: ConfigProblem[]): RuleSetting | null {
  let severity: unknown = value;
  let options: unknown = {};
  if (Array.isArray(value)) [severity, options = {}] = value;
  else if (isRecord(value)) ({ severity = rule.severity, options = {} } = value);
  // YAML 1.1 reads a bare `off` as the boolean false: it still means off.
  if (severity === false) severity = 'off';
  if (typeof severity !== 'string' || !SEVERITIES.includes(severity as SeverityOrOff)) {
    problems.push({ path, message: `expected one of ${SEVERITIES.join(', ')}, got ${JSON.stringify(severity)}` });
    return null;
  }
  if (!isRecord(options)) {
    problems.push({ path: `${path}.options`, message: 'expected a mapping of options' });
    return null;
  }
  const known = rule.options ? Object.keys(rule.options.defaults as object) : [];
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      problems.push({ path: `${path}.options.${key}`, message: known.length ? `unknown option${suggest(key, known)}; known: ${known.join(', ')}` : `rule ${rule.id} takes no options` });
      return null;
    }
    const expected = typeof (rule.options!.defaults as Record<string, unknown>)[key];
    const got = Array.isArray(options[key]) ? 'object' : typeof options[key];
    if (expected !== got) {
      problems.push({ path: `${path}.options.${key}`, message: `expected a ${expected === 'object' ? 'list or mapping' : expected}, got ${JSON.stringify(options[key])}` });
      return null;
    }
  }
  return { severity: severity as SeverityOrOff, options };
}

/** Applies `--rule id=severity` style overrides on top of a configuration. */
export function withRuleOverrides(config: ResolvedConfig, overrides: Record<string, SeverityOrOff>): ResolvedConfig {
  const rules = { ...config.rules };
  for (const [id, severity] of Object.entries(overrides)) rules[id] = { severity, options: rules[id]?.options ?? {} };
  return { ...config, rules };
}

/** The severity a rule runs at under a configuration (`off` when disabled). */
export function effectiveSeverity(rule: Rule<string, unknown>, config: ResolvedConfig): SeverityOrOff {
  const setting = config.rules[rule.id];
  if (setting) return setting.severity;
  return rule.enabledByDefault === false ? 'off' : rule.severity;
}

/** The options a rule runs with: its defaults, overridden by the configuration. */
export function effectiveOptions<O>(rule: Rule<string, O>, config: ResolvedConfig): O {
  const defaults = (rule.options?.defaults ?? {}) as O;
  const setting = config.rules[rule.id];
  return setting ? { ...defaults, ...(setting.options as Partial<O>) } : defaults;
}

/** `1.32`, `v1.32.2`, `1.32.0` and the number 1.32 all mean `1.32`. */
export function normalizeVersion(value: unknown): string | null {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(typeof value === 'number' ? value.toFixed(2).replace(/0$/, '') : String(value));
  return m ? `${Number(m[1])}.${Number(m[2])}` : null;
}

/** Compares `major.minor` versions: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}

/** ` (did you mean "x"?)` when a known name is close to `name`, else an empty string. */
export function suggest(name: string, known: readonly string[]): string {
  const best = closest(name, known);
  return best ? ` (did you mean "${best}"?)` : '';
}

/** The known name closest to `name` by edit distance, when it is close enough to be a typo. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const candidate of known) {
    if (candidate.toLowerCase() === lower) return candidate;
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  const threshold = Math.max(1, Math.floor(name.length / 3));
  return bestDistance <= threshold ? best : undefined;
}

/** Levenshtein distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Math.abs(a.length - b.length);
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[rows - 1]![cols - 1]!;
}

export type { Severity };
