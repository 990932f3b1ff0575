/**
 * @fileoverview `kubeplan lint [paths...|-]`: lints files, directories, globs or stdin, prints
 * the findings in one of the formatters, optionally fixes what can be fixed safely, and
 * returns 0 (nothing failing), 1 (findings) or 2 (usage or I/O error).
 */
import * as path from 'node:path';
import type { Finding, SeverityOrOff } from '../../core/finding';
import { applyEdits } from '../../core/fix/fix-ops';
import { Linter } from '../../core/lint';
import { LOCALES } from '../../core/i18n';
import { RULES_BY_ID } from '../../core/rules';
import { closest, defaultConfig, type ResolvedConfig } from '../../core/config/config';
import { LineIndex, type SourceFile } from '../../core/source/parse';
import type { Rule } from '../../core/rules/types';
import { ConfigResolver } from '../config-loader';
import { describeFsError, EXIT, UserError, withUserErrors } from '../errors';
import { displayPath, expandInputs, type InputFile } from '../files';
import { FORMATTERS } from '../formatters';
import type { FormatContext } from '../formatters/types';
import type { Io } from '../io';
import { colors, escapeControl, wantColor } from '../terminal';
import { VERSION } from '../version';
import { lintParallel, parseShard, selectShard, type Shard } from '../lint-parallel';
import { parseFlags } from './flags';
import type { Command } from './types';

const SEVERITIES: readonly SeverityOrOff[] = ['off', 'info', 'warning', 'error'];
/** `--fix` stops after this many passes, even if fixes keep coming (they should not). */
export const MAX_FIX_PASSES = 10;

const usage = `Usage: kubeplan lint [options] [paths...|-]

Lints Kubernetes manifests: files, directories (recursively, .yaml and .yml, skipping
node_modules and .git), glob patterns ('manifests/**/*.yaml'), or stdin (-). With no path,
the current directory.

Options:
  -f, --format <name>          stylish (default), json, sarif or github
  -o, --output <file>          write the report to a file instead of stdout
  -c, --config <file>          use this configuration for every file instead of the
                               nearest .kubeplan.yaml
      --kubernetes-version <v> check against this Kubernetes version (e.g. 1.29)
      --rule <id=severity>     set a rule to off, info, warning or error (repeatable)
      --max-warnings <n>       fail (exit 1) when there are more than n warnings
      --fix                    apply the safe fixes to the files, then report what remains
  -q, --quiet                  report errors only
      --no-color               no colors (also NO_COLOR=1, or when not a terminal)
      --stdin-filename <name>  the file name to report for stdin (and to find its config)
      --locale <lang>          language of the messages: ${LOCALES.join(', ')}
      --jobs <n>               lint with n threads: this one and n-1 workers (same findings; not with --fix)
      --shard <i/n>            lint only shard i of n (by folder), for a CI matrix of n jobs
      --print-config <file>    print the configuration that applies to a file (JSON), then exit
  -h, --help                   show this help

Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings, 2 usage or I/O error
(a file that cannot be read is reported on stderr, the others are still linted).`;

interface LintFlags {
  format: string;
  output: string | undefined;
  config: string | undefined;
  kubernetesVersion: string | undefined;
  rules: Record<string, SeverityOrOff>;
  maxWarnings: number | undefined;
  fix: boolean;
  quiet: boolean;
  noColor: boolean;
  stdinFilename: string | undefined;
  locale: string | undefined;
  jobs: number;
  shard: Shard | undefined;
  printConfig: string | undefined;
  paths: string[];
}

function readFlags(args: string[], io: Io): LintFlags | 'help' {
  const { values, positionals } = parseFlags(args, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    config: { type: 'string', short: 'c' },
    'kubernetes-version': { type: 'string' },
    rule: { type: 'string', multiple: true },
    'max-warnings': { type: 'string' },
    fix: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    'no-color': { type: 'boolean' },
    'stdin-filename': { type: 'string' },
    locale: { type: 'string' },
    jobs: { type: 'string', short: 'j' },
    shard: { type: 'string' },
    'print-config': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  let jobs = 1;
  if (values.jobs !== undefined) {
    const raw = values.jobs as string;
    if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UserError(`--jobs: expected a whole number of threads (1 or more), got "${raw}"`);
    jobs = Math.min(Number(raw), 64);
  }
  let shard: Shard | undefined;
  if (values.shard !== undefined) {
    try {
      shard = parseShard(values.shard as string);
    } catch (error) {
      throw new UserError((error as Error).message);
    }
  }
  const format = (values.format as string | undefined) ?? 'stylish';
  if (!Object.hasOwn(FORMATTERS, format)) throw new UserError(`--format: unknown format "${format}"; expected one of ${Object.keys(FORMATTERS).join(', ')}`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    const raw = values['max-warnings'] as string;
    if (!/^\d+$/.test(raw)) throw new UserError(`--max-warnings: expected a whole number, got "${raw}"`);
    maxWarnings = Number(raw);
  }
  const rules: Record<string, SeverityOrOff> = {};
  for (const spec of (values.rule as string[] | undefined) ?? []) {
    const m = /^([^=:\s]+)\s*[=:]\s*(\S+)$/.exec(spec);
    if (!m) throw new UserError(`--rule: expected id=severity (e.g. no-latest-image-tag=error), got "${spec}"`);
    const [, id, severity] = m as unknown as [string, string, string];
    if (!RULES_BY_ID.has(id)) {
      const near = closest(id, [...RULES_BY_ID.keys()]);
      throw new UserError(`--rule: unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}; \`kubeplan rules\` lists them`);
    }
    if (!SEVERITIES.includes(severity as SeverityOrOff)) throw new UserError(`--rule ${id}: expected one of ${SEVERITIES.join(', ')}, got "${severity}"`);
    rules[id] = severity as SeverityOrOff;
  }
  const locale = (values.locale as string | undefined) ?? io.env.KUBEPLAN_LOCALE;
  if (values.locale !== undefined && !LOCALES.includes(String(values.locale).toLowerCase().split(/[-_]/)[0]!)) {
    throw new UserError(`--locale: unknown language "${values.locale}"; expected one of ${LOCALES.join(', ')}`);
  }
  const paths = positionals.length > 0 ? positionals : ['.'];
  if (paths.filter((p) => p === '-').length > 1) throw new UserError('stdin (-) can be given only once');
  if (values.fix && paths.includes('-')) throw new UserError('--fix cannot rewrite stdin (-); lint the file itself');
  return {
    format,
    output: values.output as string | undefined,
    config: values.config as string | undefined,
    kubernetesVersion: values['kubernetes-version'] as string | undefined,
    rules,
    maxWarnings,
    fix: values.fix === true,
    quiet: values.quiet === true,
    noColor: values['no-color'] === true,
    stdinFilename: values['stdin-filename'] as string | undefined,
    locale,
    jobs,
    shard,
    printConfig: values['print-config'] as string | undefined,
    paths,
  };
}

/** A file to lint with its text and configuration. */
interface LoadedFile extends InputFile {
  text: string;
  config: ResolvedConfig;
  mode: number | undefined;
  stdin: boolean;
}

/** True when some document of the file failed to parse: `--fix` never writes such a file. */
function hasParseErrors(source: SourceFile | undefined): boolean {
  return !source || source.documents.some((d) => d.broken) || source.problems.some((p) => p.ruleId === 'yaml-syntax');
}

async function loadFiles(flags: LintFlags, io: Io, unreadable: { count: number }): Promise<LoadedFile[]> {
  const resolver = new ConfigResolver(io.fs, io.cwd, {
    configFile: flags.config,
    kubernetesVersion: flags.kubernetesVersion,
    rules: flags.rules,
  });
  if (flags.config !== undefined) {
    const stat = await io.fs.stat(path.resolve(io.cwd, flags.config)).catch(() => null);
    if (!stat?.isFile) throw new UserError(`--config: no such file: ${flags.config}`);
  }
  const files: LoadedFile[] = [];
  const named = flags.paths.filter((p) => p !== '-');
  const inputs = named.length > 0 ? await expandInputs(named, io.cwd, io.fs) : [];
  for (const input of inputs) {
    const { config, ignores } = await resolver.forFile(input.absolute);
    if (ignores(input.absolute)) {
      if (input.explicit) io.stderr(`kubeplan lint: ${escapeControl(input.display)} is ignored by the configuration's ignore patterns\n`);
      continue;
    }
    let text: string;
    let mode: number | undefined;
    try {
      text = await io.fs.readFile(input.absolute);
      mode = flags.fix ? (await io.fs.stat(input.absolute))?.mode : undefined;
    } catch (error) {
      // One unreadable file (gone since the walk, no permission) does not hide the others' findings:
      // say so, lint the rest, and exit 2 at the end since the run is incomplete.
      io.stderr(`kubeplan lint: cannot read ${escapeControl(input.display)}: ${describeFsError(error)}\n`);
      unreadable.count++;
      continue;
    }
    files.push({ ...input, text, config, mode, stdin: false });
  }
  if (flags.paths.includes('-')) {
    const name = flags.stdinFilename ?? '<stdin>';
    const absolute = path.resolve(io.cwd, name);
    const { config } = await resolver.forFile(absolute);
    let text: string;
    try {
      text = await io.readStdin();
    } catch (error) {
      throw new UserError(`cannot read stdin: ${describeFsError(error)}`);
    }
    const display = flags.stdinFilename !== undefined ? displayPath(io.cwd, absolute) : name;
    if (files.some((f) => f.display === display)) throw new UserError(`--stdin-filename ${name} is also among the files to lint`);
    files.push({ absolute, display, explicit: true, text, config, mode: undefined, stdin: true });
  }
  return files;
}

/** Applies safe fixes to one file in passes until none is left; returns the number of edits applied. */
function fixFile(linter: Linter, file: LoadedFile): number {
  if (hasParseErrors(linter.getSource(file.display))) return 0;
  let text = file.text;
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const edits = linter.lintFile(file.display).findings.flatMap((f: Finding) => f.fix?.edits ?? []);
    if (edits.length === 0) break;
    const result = applyEdits(text, edits);
    if (result.applied.length === 0 || result.text === text) break;
    // A fix that breaks the YAML is not kept (it would be a bug in a rule): stop at the last good text.
    if (hasParseErrors(linter.setFile(file.display, result.text))) {
      linter.setFile(file.display, text);
      break;
    }
    text = result.text;
    applied += result.applied.length;
  }
  return text === file.text ? 0 : (file.text = text, applied);
}

/** `--print-config FILE`: which configuration file applies to FILE, and the settings in force (overrides included). */
async function printConfig(flags: LintFlags, io: Io): Promise<number> {
  const resolver = new ConfigResolver(io.fs, io.cwd, { configFile: flags.config, kubernetesVersion: flags.kubernetesVersion, rules: flags.rules });
  const absolute = path.resolve(io.cwd, flags.printConfig!);
  const { config, file, ignores } = await resolver.forFile(absolute);
  const shown = { configFile: file === undefined ? null : displayPath(io.cwd, file), ignored: ignores(absolute), ...config };
  io.stdout(`${JSON.stringify(shown, null, 2)}\n`);
  return EXIT.ok;
}

/** What tests may swap: the rules to run (every registered rule by default). */
export interface LintSeams {
  rules?: ReadonlyArray<Rule<string, unknown>>;
}

/** Runs `kubeplan lint` with the arguments after `lint`; resolves to the exit code. */
export function runLint(args: string[], io: Io, seams: LintSeams = {}): Promise<number> {
  return withUserErrors('lint', io, () => lintCommandBody(args, io, seams));
}

async function lintCommandBody(args: string[], io: Io, seams: LintSeams): Promise<number> {
  const flags = readFlags(args, io);
  if (flags === 'help') {
    io.stdout(`${usage}\n`);
    return EXIT.ok;
  }
  if (flags.printConfig !== undefined) return printConfig(flags, io);
  const unreadable = { count: 0 };
  let files = await loadFiles(flags, io, unreadable);
  if (flags.shard) files = selectShard(files, flags.shard);
  if (flags.output === undefined) return lintAndReport(flags, io, seams, files, unreadable, (text) => io.stdout(text));
  // --output: opened once the inputs are read (it may be one of them) and before the work, so a
  // path that cannot be written fails at once; the report goes to it as it is made, like stdout.
  const target = flags.output;
  const cannotWrite = (error: unknown): UserError => new UserError(`cannot write ${target}: ${describeFsError(error)}`);
  const output = await io.fs.openForWriting(path.resolve(io.cwd, target)).catch((error: unknown) => {
    throw cannotWrite(error);
  });
  try {
    return await lintAndReport(flags, io, seams, files, unreadable, (text) => {
      try {
        output.write(text);
      } catch (error) {
        throw cannotWrite(error);
      }
    });
  } finally {
    await output.close().catch((error: unknown) => {
      throw cannotWrite(error);
    });
  }
}

/** Lints the files read and writes the report with `write`; resolves to the exit code. */
async function lintAndReport(flags: LintFlags, io: Io, seams: LintSeams, files: LoadedFile[], unreadable: { count: number }, write: (text: string) => void): Promise<number> {
  const configs = new Map(files.map((f) => [f.display, f.config]));
  const fallback = files[0]?.config ?? defaultConfig();
  const linter = new Linter({
    config: (file: string) => configs.get(file) ?? fallback,
    // Only --fix lints a file again (after each pass of fixes): then reusing checks pays.
    incremental: flags.fix,
    ...(seams.rules ? { rules: seams.rules } : {}),
    ...(flags.locale ? { locale: flags.locale } : {}),
  });
  // With --jobs this thread parses once the workers have their work (it lints a group too).
  const threads = flags.jobs > 1 && !flags.fix && !seams.rules && files.length > 1;
  if (!threads) for (const f of files) linter.setFile(f.display, f.text);

  let fixedProblems = 0;
  let fixedFiles = 0;
  if (flags.fix) {
    for (const file of files) {
      const original = file.text;
      const applied = fixFile(linter, file);
      if (applied === 0) continue;
      try {
        await io.fs.writeFileAtomic(file.absolute, file.text, file.mode);
      } catch (error) {
        throw new UserError(`cannot write ${file.display}: ${describeFsError(error)}`);
      }
      if (file.text !== original) {
        fixedProblems += applied;
        fixedFiles++;
      }
    }
  }

  // --jobs: the same findings from this thread and worker threads (the fix loop above needs one Linter: not with --fix).
  const here = (own: readonly string[]): Array<{ path: string; findings: Finding[] }> => {
    for (const f of files) linter.setFile(f.display, f.text);
    return own.map((file) => ({ path: file, findings: linter.lintFile(file).findings }));
  };
  const parallel = threads
    ? new Map((await lintParallel(files.map((f) => ({ path: f.display, text: f.text, config: f.config })), {
      jobs: flags.jobs, fixes: true, here, ...(flags.locale ? { locale: flags.locale } : {}),
    })).map((r) => [r.path, r.findings]))
    : undefined;
  const linesOf = (file: string): LineIndex | undefined => (linter.getSource(file) ? linter.lines(file) : undefined);
  const toTerminal = flags.output === undefined && io.stdoutIsTTY;
  const context: FormatContext = {
    colors: colors(flags.format === 'stylish' && wantColor({ noColor: flags.noColor, toTerminal, env: io.env })),
    cwd: io.cwd,
    version: VERSION,
    ...(flags.locale ? { locale: flags.locale } : {}),
    linesOf,
  };
  // The report is written file by file as they are linted.
  const writer = FORMATTERS[flags.format]!(context);
  const emit = (pieces: readonly string[]): void => {
    for (const piece of pieces) write(piece);
  };
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const findings = parallel?.get(file.display) ?? linter.lintFile(file.display).findings;
    for (const f of findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
    emit(writer.file({
      file: file.display,
      findings: flags.quiet ? findings.filter((f) => f.severity === 'error') : findings,
      lines: linesOf(file.display)!,
    }));
  }
  emit(writer.end());
  if (flags.format === 'stylish' && flags.fix && fixedProblems > 0) {
    const french = flags.locale?.toLowerCase().startsWith('fr');
    const line = french
      ? `${fixedProblems} problème${fixedProblems > 1 ? 's' : ''} corrigé${fixedProblems > 1 ? 's' : ''} dans ${fixedFiles} fichier${fixedFiles > 1 ? 's' : ''}.`
      : `Fixed ${fixedProblems} problem${fixedProblems === 1 ? '' : 's'} in ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}.`;
    emit([`${context.colors.green(line)}\n`]);
  }

  const tooManyWarnings = flags.maxWarnings !== undefined && warnings > flags.maxWarnings;
  if (tooManyWarnings) io.stderr(`kubeplan lint: too many warnings (${warnings}; --max-warnings is ${flags.maxWarnings})\n`);
  if (unreadable.count > 0) return EXIT.usage;
  return errors > 0 || tooManyWarnings ? EXIT.findings : EXIT.ok;
}

const lintCommand: Command = {
  name: 'lint',
  summary: 'lint Kubernetes manifests against the API schemas and best-practice rules',
  usage,
  run: (args, io) => runLint(args, io),
};

export default lintCommand;
