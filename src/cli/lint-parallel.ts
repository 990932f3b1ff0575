/**
 * @fileoverview `kubeplan lint --jobs N` and `--shard i/n`.
 *
 * `--jobs N` lints with N threads and gives the same findings as one thread:
 *   1. the files are split into N groups of about the same size (largest first, onto the
 *      lightest group; the same files always give the same groups);
 *   2. each thread parses every file, in the files' order, so that its workspace index is the
 *      one a single thread builds (rules that look across files, a Service and its pods, a
 *      volume and its ConfigMap, see every file);
 *   3. each thread lints its own group: the first group on the calling thread (`here`), while
 *      N - 1 workers lint the others; the workers' findings come back as plain data.
 * Parsing is the smaller part of the work and is repeated by each thread; linting is split.
 * Nothing but texts and findings crosses threads.
 *
 * `--shard i/n` keeps the files of one shard out of n: a file's shard is a hash of its folder
 * (the path relative to the working directory, with `/`), so a folder's files stay together, the
 * split does not depend on the machine or on which other files exist, and a CI matrix of n jobs
 * lints every file exactly once. References between folders of different shards are not seen.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config/config';
import type { Finding } from '../core/finding';
import { Linter } from '../core/lint';
import { RULES_BY_ID } from '../core/rules';
import type { Rule } from '../core/rules/types';

// ---- sharding

export interface Shard {
  /** 1-based, as written on the command line. */
  index: number;
  count: number;
}

/** Reads `i/n` (1 ≤ i ≤ n); throws an Error with a user-facing message otherwise. */
export function parseShard(spec: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  if (!m) throw new Error(`--shard: expected i/n (e.g. 2/4), got "${spec}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) throw new Error(`--shard: expected 1 ≤ i ≤ n, got "${spec}"`);
  return { index, count };
}

/** FNV-1a, 32 bits: small, stable everywhere, good enough to spread folder names. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The 1-based shard of a file, from its folder (`display` is `/`-separated). */
export function shardOf(display: string, count: number): number {
  const slash = display.lastIndexOf('/');
  return (fnv1a(slash < 0 ? '.' : display.slice(0, slash)) % count) + 1;
}

/** The files of one shard, in their order. */
export function selectShard<T extends { display: string }>(files: readonly T[], shard: Shard): T[] {
  return files.filter((f) => shardOf(f.display, shard.count) === shard.index);
}

// ---- splitting work between threads

/** Splits items into at most `n` groups of about equal weight; deterministic; each group keeps the input order. */
export function partition<T>(items: readonly T[], n: number, weight: (item: T) => number): T[][] {
  const groups = Array.from({ length: Math.max(1, Math.min(n, items.length)) }, () => ({ load: 0, members: [] as number[] }));
  const order = items.map((item, i) => ({ i, w: weight(item) })).sort((a, b) => b.w - a.w || a.i - b.i);
  for (const { i, w } of order) {
    let lightest = groups[0]!;
    for (const g of groups) if (g.load < lightest.load) lightest = g;
    lightest.load += w;
    lightest.members.push(i);
  }
  return groups.filter((g) => g.members.length > 0).map((g) => g.members.sort((a, b) => a - b).map((i) => items[i]!));
}

// ---- messages between the main thread and the workers

export interface ParallelInput {
  /** The name findings are reported under (the CLI's display path). */
  path: string;
  text: string;
  config: ResolvedConfig;
}

export interface ParallelOptions {
  jobs: number;
  locale?: string;
  /** Rule ids to run (all by default): workers look the rules up by id. */
  ruleIds?: readonly string[];
  /** Keep the safe fixes on the findings (dropped otherwise: each costs a re-parse of its document). */
  fixes?: boolean;
  /** Keep the suggestions too (the editor's; `--fix` and the reports need only the safe fixes). */
  suggestions?: boolean;
  /**
   * Lints the first group on this thread while the workers lint the others (one worker fewer:
   * one heap and one start-up less, and no findings to send back). Called with the paths of
   * that group once the workers have their work; it must parse every file, as a worker does.
   */
  here?: (own: readonly string[]) => ParallelResult[];
}

export interface ParallelResult {
  path: string;
  findings: Finding[];
}

/** Every file (in order, with its configuration's index), and the files this worker lints. */
interface ToWorker {
  files: Array<{ path: string; text: string; config: number }>;
  own: string[];
}

type FromWorker =
  | { type: 'linted'; results: ParallelResult[] }
  | { type: 'error'; message: string };

interface WorkerSetup {
  kubeplanLintWorker: true;
  configs: ResolvedConfig[];
  locale?: string;
  ruleIds?: readonly string[];
  fixes: boolean;
  suggestions: boolean;
}

/** Lints files with `options.jobs` worker threads; the findings are those of one `Linter` over all the files. */
export async function lintParallel(files: readonly ParallelInput[], options: ParallelOptions): Promise<ParallelResult[]> {
  const configs: ResolvedConfig[] = [];
  const configIndex = new Map<ResolvedConfig, number>();
  const indexOf = (c: ResolvedConfig): number => {
    let i = configIndex.get(c);
    if (i === undefined) {
      i = configs.push(c) - 1;
      configIndex.set(c, i);
    }
    return i;
  };
  const groups = partition(files, options.jobs, (f) => f.text.length + 200);
  const setup: WorkerSetup = { kubeplanLintWorker: true, configs: [], fixes: options.fixes === true, suggestions: options.suggestions === true };
  const all = files.map((f) => ({ path: f.path, text: f.text, config: indexOf(f.config) }));
  setup.configs = configs;
  if (options.locale !== undefined) setup.locale = options.locale;
  if (options.ruleIds) setup.ruleIds = options.ruleIds;

  const local = options.here && groups.length > 1 ? groups[0]! : undefined;
  const remote = local ? groups.slice(1) : groups;
  const workers = remote.map(() => startWorker(setup));
  try {
    const asked = Promise.all(workers.map((w, i) => w.ask({ files: all, own: remote[i]!.map((f) => f.path) })));
    asked.catch(() => undefined); // awaited below; not an unhandled rejection if `here` throws first
    const byPath = new Map<string, ParallelResult>();
    if (local) for (const r of options.here!(local.map((f) => f.path))) byPath.set(r.path, r);
    for (const reply of await asked) if (reply.type === 'linted') for (const r of reply.results) byPath.set(r.path, r);
    return files.map((f) => byPath.get(f.path) ?? { path: f.path, findings: [] });
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}

interface WorkerHandle {
  ask(message: ToWorker): Promise<FromWorker>;
  stop(): Promise<void>;
}

function startWorker(setup: WorkerSetup): WorkerHandle {
  // Bundled (out/cli.js), this module is part of the CLI bundle, which starts the worker loop
  // below when loaded in a worker; from sources (tests), the TypeScript file needs tsx.
  const worker = __filename.endsWith('.ts')
    ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(__filename)});`, { eval: true, workerData: setup })
    : new Worker(__filename, { workerData: setup });
  let pending: { resolve: (m: FromWorker) => void; reject: (e: Error) => void } | null = null;
  let failure: Error | null = null;
  worker.on('message', (m: FromWorker) => {
    const p = pending;
    pending = null;
    if (m.type === 'error') p?.reject(new Error(`lint worker: ${m.message}`));
    else p?.resolve(m);
  });
  worker.on('error', (error) => {
    failure = error;
    pending?.reject(error);
    pending = null;
  });
  worker.on('exit', (code) => {
    if (pending) pending.reject(new Error(`lint worker exited (code ${code})`));
    pending = null;
  });
  return {
    ask(message) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        pending = { resolve, reject };
        worker.postMessage(message);
      });
    },
    async stop() {
      await worker.terminate();
    },
  };
}

// ---- the worker side

/** Plain data of a finding: lazy fixes evaluated (or dropped), nothing a structured clone would choke on. */
function plainFinding(f: Finding, fixes: boolean, suggestions: boolean): Finding {
  const out: Finding = { ruleId: f.ruleId, messageId: f.messageId, severity: f.severity, message: f.message, file: f.file, range: [f.range[0], f.range[1]] };
  if (f.docIndex !== undefined) out.docIndex = f.docIndex;
  if (f.resource) out.resource = f.resource;
  if (f.related) out.related = f.related;
  if (f.tags) out.tags = f.tags;
  if (fixes && f.fix) out.fix = f.fix;
  if (suggestions && f.suggestions) out.suggestions = f.suggestions;
  return out;
}

function runWorker(setup: WorkerSetup): void {
  const port = parentPort!;
  const configFor = new Map<string, ResolvedConfig>();
  const rules = setup.ruleIds?.map((id) => RULES_BY_ID.get(id)).filter((r): r is Rule<string, unknown> => !!r);
  const linter = new Linter({
    incremental: false,
    config: (file) => configFor.get(file) ?? setup.configs[0]!,
    ...(rules ? { rules } : {}),
    ...(setup.locale !== undefined ? { locale: setup.locale } : {}),
  });
  port.on('message', (message: ToWorker) => {
    try {
      for (const f of message.files) {
        configFor.set(f.path, setup.configs[f.config]!);
        linter.setFile(f.path, f.text);
      }
      const results = message.own.map((path) => ({ path, findings: linter.lintFile(path).findings.map((f) => plainFinding(f, setup.fixes, setup.suggestions)) }));
      port.postMessage({ type: 'linted', results } satisfies FromWorker);
    } catch (error) {
      port.postMessage({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromWorker);
    }
  });
}

if (!isMainThread && (workerData as WorkerSetup | undefined)?.kubeplanLintWorker === true) runWorker(workerData as WorkerSetup);
