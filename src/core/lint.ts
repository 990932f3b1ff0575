/**
 * @fileoverview The one entry point adapters call: files in, findings out. Pure and
 * synchronous. `Linter` keeps parsed files and the workspace index between calls, so the
 * editor re-parses only the file that changed; `lint()` is the one-shot form the CLI uses.
 */
import { effectiveOptions, effectiveSeverity, type ResolvedConfig, defaultConfig } from './config/config';
import { compareFindings, type Finding, type Fix, type OffsetRange, type RelatedLocation, type ResourceRef, type Severity } from './finding';
import { opsToEdit } from './fix/fix-ops';
import { WorkspaceIndex, type IndexReads } from './model/workspace-index';
import { sameData } from './model/same-data';
import { RULES, RULES_BY_ID } from './rules';
import type { At, Report, Rule, RuleContext, RuleFix } from './rules/types';
import { DEFAULT_LIMITS, LineIndex, manifestHeadRange, parseFile, type Manifest, type ParseLimits, type SourceFile } from './source/parse';
import { locate, resolvePath } from './source/path';
import { annotationSuppressions, DISABLE_NEXT_LINE, isSuppressed, readLineSuppressions } from './suppression';
import { localizedMessage } from './i18n';

export interface LintInput {
  path: string;
  text: string;
}

export interface LintOptions {
  /** The configuration for every file, or a function giving each file its own (nearest `.kubeplan.yaml`). */
  config?: ResolvedConfig | ((path: string) => ResolvedConfig);
  limits?: ParseLimits;
  /** The rules to run; every registered rule by default (tests pass one). */
  rules?: ReadonlyArray<Rule<string, unknown>>;
  /** Language of the messages (`fr`); English, the rules' own text, by default. */
  locale?: string;
  /**
   * Keep what each manifest's checks reported and read of the index, and keep the manifests an
   * edit leaves as they were, so that the next lint of a changed file re-checks only what the
   * change can affect (the editor). True by default; `lint()` turns it off.
   */
  incremental?: boolean;
}

export interface FileResult {
  path: string;
  findings: Finding[];
  source: SourceFile;
}

/** Lints a set of files together (references between them resolve). */
export function lint(files: readonly LintInput[], options: LintOptions = {}): FileResult[] {
  return [...lintEach(files, options)];
}

/**
 * `lint()` one file at a time: each file's result as soon as it is checked, so that a caller
 * that reports and drops it (the CLI) never holds every finding of a big tree at once.
 */
export function* lintEach(files: readonly LintInput[], options: LintOptions = {}): Generator<FileResult, void, undefined> {
  const linter = new Linter({ incremental: false, ...options });
  for (const f of files) linter.setFile(f.path, f.text);
  for (const f of files) yield linter.lintFile(f.path);
}

export class Linter {
  readonly index: WorkspaceIndex;
  private readonly sources = new Map<string, { source: SourceFile; lines: LineIndex | null }>();
  private readonly rules: ReadonlyArray<Rule<string, unknown>>;
  private readonly configFor: (path: string) => ResolvedConfig;
  private readonly limits: ParseLimits;
  private readonly locale: string | undefined;
  private readonly activeByConfig = new WeakMap<ResolvedConfig, (kind: string) => readonly ActiveRule[]>();
  private readonly incremental: boolean;
  /** What the rules reported on each manifest, and what they read of the index (incremental mode). */
  private readonly checks = new WeakMap<Manifest, ManifestChecks>();

  constructor(options: LintOptions = {}) {
    const config = options.config ?? defaultConfig();
    this.configFor = typeof config === 'function' ? config : () => config;
    this.rules = options.rules ?? RULES;
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.locale = options.locale;
    this.incremental = options.incremental ?? true;
    this.index = new WorkspaceIndex(this.configFor('').defaultNamespace);
  }

  /** Parses a file (new or changed) and updates the index. */
  setFile(path: string, text: string): SourceFile {
    const previous = this.sources.get(path);
    if (previous && previous.source.text === text) return previous.source;
    const source = parseFile(path, text, this.limits);
    if (previous && this.incremental) keepUnchangedManifests(previous.source, source);
    this.sources.set(path, { source, lines: null });
    this.index.setFile(path, source.manifests);
    return source;
  }

  deleteFile(path: string): void {
    this.sources.delete(path);
    this.index.deleteFile(path);
  }

  getSource(path: string): SourceFile | undefined {
    return this.sources.get(path)?.source;
  }

  get paths(): string[] {
    return [...this.sources.keys()];
  }

  /** Line index of a file (built on first use). */
  lines(path: string): LineIndex {
    const entry = this.sources.get(path);
    if (!entry) throw new Error(`not a file of this linter: ${path}`);
    entry.lines ??= new LineIndex(entry.source.text);
    return entry.lines;
  }

  /** Every finding of one file, sorted, suppressions applied. */
  lintFile(path: string): FileResult {
    const entry = this.sources.get(path);
    if (!entry) throw new Error(`not a file of this linter: ${path}`);
    const { source } = entry;
    const config = this.configFor(path);
    const findings: Finding[] = [];

    for (const problem of source.problems) {
      const rule = RULES_BY_ID.get(problem.ruleId);
      if (!rule) continue;
      const severity = effectiveSeverity(rule, config);
      if (severity === 'off') continue;
      const finding: Finding = {
        ruleId: rule.id, messageId: problem.messageId, severity,
        message: formatMessage(rule, problem.messageId, problem.data, this.locale), file: path, range: problem.range,
      };
      if (problem.docIndex !== undefined) finding.docIndex = problem.docIndex;
      findings.push(finding);
    }

    const rulesFor = this.activeRules(config);
    for (const manifest of source.manifests) {
      let reports: CheckedReport[];
      if (this.incremental) {
        let checks = this.checks.get(manifest);
        if (!checks || checks.config !== config || this.index.isStale(checks.reads)) {
          const { value, reads } = this.index.recordReads(() => this.checkManifest(source.text, manifest, config, rulesFor(manifest.kind)));
          checks = { config, reports: value, reads };
          this.checks.set(manifest, checks);
        }
        reports = checks.reports;
      } else {
        reports = this.checkManifest(source.text, manifest, config, rulesFor(manifest.kind));
      }
      for (const checked of reports) {
        const { rule, severity } = checked.active;
        if ('report' in checked) {
          findings.push(this.toFinding(rule, severity, config, manifest, source, checked.report));
        } else {
          // A rule that throws on odd input must not take the others down: say so, once, on the resource.
          findings.push({
            ruleId: rule.id, messageId: 'internalError', severity: 'info', file: path, range: manifestHeadRange(manifest),
            message: `KubePlan could not check this resource with ${rule.id} (internal error: ${checked.error}). Please report it.`,
            docIndex: manifest.docIndex, resource: manifest.ref,
          });
        }
      }
    }

    // The line index is built only when a file has suppression comments (the CLI builds it for
    // its output anyway; a one-shot lint() of a big tree does not need it).
    const suppressions = source.text.includes(DISABLE_NEXT_LINE) ? readLineSuppressions(source.text, this.lines(path)) : undefined;
    const kept = !suppressions?.size ? findings
      : findings.filter((f) => !isSuppressed(suppressions.get(this.lines(path).position(f.range[0]).line), f.ruleId));
    kept.sort(compareFindings);
    return { path, findings: kept, source };
  }

  /** Runs the rules in force on one manifest; what they report, in order. */
  private checkManifest(text: string, manifest: Manifest, config: ResolvedConfig, rules: readonly ActiveRule[]): CheckedReport[] {
    const reports: CheckedReport[] = [];
    const ignored = annotationSuppressions(manifest);
    const anyIgnored = ignored.size > 0;
    // One context for every rule of this manifest: only the rule in force changes.
    const run = new RuleRun(text, this.index, config, manifest, this.index.namespaceOf(manifest), reports);
    for (const active of rules) {
      if (anyIgnored && isSuppressed(ignored, active.rule.id)) continue;
      run.active = active;
      run.options = active.options;
      try {
        active.rule.check!(run);
      } catch (error) {
        reports.push({ active, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return reports;
  }

  /**
   * The rules that check a manifest of a kind under `config`, in registry order, with their
   * severity and options: worked out once per configuration and kind, not per manifest.
   */
  private activeRules(config: ResolvedConfig): (kind: string) => readonly ActiveRule[] {
    let cached = this.activeByConfig.get(config);
    if (!cached) {
      const all: ActiveRule[] = [];
      for (const rule of this.rules) {
        if (!rule.check) continue;
        const severity = effectiveSeverity(rule, config);
        if (severity !== 'off') all.push({ rule, severity, options: effectiveOptions(rule, config) });
      }
      const byKind = new Map<string, ActiveRule[]>();
      cached = (kind) => {
        let list = byKind.get(kind);
        if (!list) byKind.set(kind, list = all.filter((a) => a.rule.kinds === '*' || a.rule.kinds.includes(kind)));
        return list;
      };
      this.activeByConfig.set(config, cached);
    }
    return cached;
  }

  /** @internal Turns a rule's report into a finding. */
  toFinding(rule: Rule<string, unknown>, severity: Severity, config: ResolvedConfig, manifest: Manifest, source: SourceFile, report: Report<string>): Finding {
    const { fix, suggestions } = report;
    const hasFix = fix !== undefined && (fix.manifest ?? manifest).file === manifest.file;
    const finding = new LintFinding(
      rule.id, report.messageId, config.rules[rule.id] ? severity : report.severity ?? severity,
      formatMessage(rule, report.messageId, report.data, this.locale), manifest, rangeOf(manifest, report),
      hasFix || suggestions?.length ? { source, manifest, fix: hasFix ? fix : undefined, suggestions } : undefined,
    );
    if (report.related?.length) {
      finding.related = report.related.map((r) => ({ file: r.manifest.file, range: rangeOf(r.manifest, r), message: r.message }));
    }
    if (report.tags?.length) finding.tags = report.tags;
    return finding;
  }
}

/** A rule in force, with its severity and options under one configuration. */
interface ActiveRule {
  rule: Rule<string, unknown>;
  severity: Severity;
  options: unknown;
}

/** What one rule reported on one manifest (or the error it threw). */
type CheckedReport = { active: ActiveRule; report: Report<string> } | { active: ActiveRule; error: string };

/** A manifest's checks: under which configuration, what they reported, what they read of the index. */
interface ManifestChecks {
  config: ResolvedConfig;
  reports: CheckedReport[];
  reads: IndexReads;
}

/**
 * The context the rules check one manifest with (a class: no closure made per rule and
 * manifest); `active` and `options` are those of the rule being run.
 */
class RuleRun implements RuleContext<string, unknown> {
  active!: ActiveRule;
  options: unknown;

  constructor(
    readonly text: string,
    readonly index: WorkspaceIndex,
    readonly config: ResolvedConfig,
    readonly manifest: Manifest,
    readonly namespace: string | undefined,
    private readonly reports: CheckedReport[],
  ) {}

  report(report: Report<string>): void {
    this.reports.push({ active: this.active, report });
  }
}

/**
 * Keeps, in the new version of a file, the manifest objects of the previous one whose content
 * is the same (same identity and equal objects), with their new positions: the index then sees
 * only the manifests that really changed, and their checks can be reused.
 */
function keepUnchangedManifests(before: SourceFile, after: SourceFile): void {
  const pool = new Map<string, Manifest[]>();
  const identity = (m: Manifest): string => `${m.apiVersion}\u0000${m.kind}\u0000${m.namespace ?? ''}\u0000${m.name}\u0000${m.base.join('\u0000')}`;
  for (const m of before.manifests) {
    const list = pool.get(identity(m));
    if (list) list.push(m);
    else pool.set(identity(m), [m]);
  }
  const kept = new Map<Manifest, Manifest>();
  for (const m of after.manifests) {
    const candidates = pool.get(identity(m));
    const i = candidates ? candidates.findIndex((old) => sameData(old.object, m.object)) : -1;
    if (i < 0) continue;
    const old = candidates!.splice(i, 1)[0]!;
    old.tree = m.tree;
    old.docIndex = m.docIndex;
    kept.set(m, old);
  }
  if (kept.size === 0) return;
  after.manifests = after.manifests.map((m) => kept.get(m) ?? m);
  for (const doc of after.documents) doc.manifests = doc.manifests.map((m) => kept.get(m) ?? m);
}

function rangeOf(manifest: Manifest, at: At): OffsetRange {
  if (at.path.length === 0) return manifestHeadRange(manifest);
  const range = locate(manifest.tree, at.path, at.target ?? 'value');
  return at.slice ? sliceOf(manifest, at, range) : range;
}

/** The part `at.slice` of a string scalar's range, when its source text maps one to one onto its value. */
function sliceOf(manifest: Manifest, at: At, range: OffsetRange): OffsetRange {
  const { node, depth } = resolvePath(manifest.tree, at.path);
  let value: unknown = manifest.object;
  for (const segment of at.path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  if (depth !== at.path.length || node?.type !== 'scalar' || typeof value !== 'string') return range;
  const quoted = node.style === 'QUOTE_DOUBLE' || node.style === 'QUOTE_SINGLE';
  if (!quoted && node.style !== 'PLAIN') return range;
  const start = range[0] + (quoted ? 1 : 0);
  if (range[1] - range[0] - (quoted ? 2 : 0) !== value.length) return range;
  const [from, to] = at.slice!;
  if (from < 0 || to < from || to > value.length) return range;
  return [start + from, start + to];
}

/** A rule's fix (ops at paths of `manifest`) as text edits of its file. */
function toFix(source: SourceFile, fix: RuleFix, manifest: Manifest): Fix | undefined {
  const docRange = source.documents[manifest.docIndex]?.range;
  if (!docRange) return undefined;
  const ops = manifest.base.length === 0 ? fix.ops : fix.ops.map((op) => ({ ...op, path: [...manifest.base, ...op.path] }));
  const edit = opsToEdit(source.text, docRange, ops);
  return edit ? { title: fix.title, edits: [edit] } : undefined;
}

/** What a finding's fix and suggestions are built from, when first read. */
interface PendingFixes {
  source: SourceFile;
  manifest: Manifest;
  fix: RuleFix | undefined;
  suggestions: readonly RuleFix[] | undefined;
}

/**
 * A finding of a rule: plain data, except that its fix and suggestions are built when first read
 * (the editor, `--fix`, JSON output), not for every finding of a big run. Spreading one drops
 * them (they live on the prototype); `JSON.stringify` keeps them.
 */
class LintFinding implements Finding {
  readonly ruleId: string;
  readonly messageId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly range: OffsetRange;
  readonly docIndex: number;
  readonly resource: ResourceRef;
  declare related?: RelatedLocation[];
  declare tags?: Array<'deprecated' | 'unnecessary'>;
  /** What the fix and suggestions are built from. */
  readonly #pending: PendingFixes | undefined;
  /** Each built on its first read (`null`: built, there is none); apart, since suggestions cost more. */
  #fix: Fix | null | undefined;
  #suggestions: Fix[] | null | undefined;

  constructor(ruleId: string, messageId: string, severity: Severity, message: string, manifest: Manifest, range: OffsetRange, pending: PendingFixes | undefined) {
    this.ruleId = ruleId;
    this.messageId = messageId;
    this.severity = severity;
    this.message = message;
    this.file = manifest.file;
    this.range = range;
    this.docIndex = manifest.docIndex;
    this.resource = manifest.ref;
    this.#pending = pending;
  }

  get fix(): Fix | undefined {
    const p = this.#pending;
    if (this.#fix === undefined) this.#fix = (p?.fix && toFix(p.source, p.fix, p.fix.manifest ?? p.manifest)) ?? null;
    return this.#fix ?? undefined;
  }

  get suggestions(): Fix[] | undefined {
    const p = this.#pending;
    if (this.#suggestions === undefined) {
      const built = (p?.suggestions ?? []).flatMap((s) => {
        const target = s.manifest ?? p!.manifest;
        const fix = target.file === p!.manifest.file ? toFix(p!.source, s, target) : undefined;
        return fix ? [fix] : [];
      });
      this.#suggestions = built.length ? built : null;
    }
    return this.#suggestions ?? undefined;
  }

  /** The finding as plain data, fix and suggestions included. */
  toJSON(): Finding {
    const out: Finding = { ...this };
    if (this.fix) out.fix = this.fix;
    if (this.suggestions) out.suggestions = this.suggestions;
    return out;
  }
}

/** Fills a rule message's `{{placeholders}}`, in `locale` when the catalogue translates it. */
export function formatMessage(rule: Rule<string, unknown>, messageId: string, data: Record<string, string | number> = {}, locale?: string): string {
  const english = (rule.messages as Record<string, string>)[messageId];
  const template = localizedMessage(locale, rule.id, messageId, english) ?? english;
  if (template === undefined) throw new Error(`rule ${rule.id} has no message "${messageId}"`);
  let parts = TEMPLATES.get(template);
  if (!parts) {
    // Text and placeholder names alternate: ['Container "', 'name', '" has no probe.'].
    parts = template.split(/\{\{\s*(\w+)\s*\}\}/);
    TEMPLATES.set(template, parts);
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in data ? shorten(String(data[name])) : `{{${name}}}`) + parts[i + 1]!;
  }
  return out;
}

/** Message templates split at their placeholders, once each. */
const TEMPLATES = new Map<string, string[]>();

/** Values quoted in messages are the user's: an 80,000-character image name must not make an 80,000-character message. */
const MAX_QUOTED = 200;

function shorten(value: string): string {
  return value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value;
}
