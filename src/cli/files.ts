/**
 * @fileoverview From the command line's paths to the list of YAML files to lint: files as
 * given, directories walked recursively (`.yaml`/`.yml`, skipping `node_modules` and `.git`),
 * and glob patterns. Each file keeps the absolute path (for I/O and config discovery) and the
 * path shown to the user (relative to the working directory, with `/`).
 */
import * as path from 'node:path';
// `require`, not `import`: esbuild then bundles tinyglobby's (and fdir's) CommonJS build, which
// works in our CommonJS bundle; their ESM build needs `import.meta.url`.
import tinyglobby = require('tinyglobby');
import { describeFsError, UserError } from './errors';
import type { CliFs } from './io';

export interface InputFile {
  /** Absolute path. */
  absolute: string;
  /** Shown in reports: relative to the working directory when inside it, `/`-separated. */
  display: string;
  /** True when named on the command line (as opposed to found in a directory or by a glob). */
  explicit: boolean;
}

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
/** KubePlan's own configuration files are not manifests. */
const SKIPPED_FILES = new Set(['.kubeplan.yaml', '.kubeplan.yml']);

/** The name a user sees for an absolute path. */
export function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  return shown.split(path.sep).join('/');
}

/** Expands the command line's paths (never `-`) into files, sorted by display path, without duplicates. */
export async function expandInputs(inputs: readonly string[], cwd: string, fs: CliFs): Promise<InputFile[]> {
  const found = new Map<string, InputFile>();
  const add = (absolute: string, explicit: boolean): void => {
    const existing = found.get(absolute);
    if (existing) existing.explicit ||= explicit;
    else found.set(absolute, { absolute, display: displayPath(cwd, absolute), explicit });
  };
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (error) {
      throw new UserError(`cannot read ${input}: ${describeFsError(error)}`);
    }
    if (stat?.isFile) {
      add(absolute, true);
    } else if (stat?.isDirectory) {
      const before = found.size;
      await walk(absolute, fs, (file) => add(file, false));
      if (found.size === before) throw new UserError(`no .yaml or .yml files in ${input}`);
    } else if (!stat && tinyglobby.isDynamicPattern(input)) {
      const matches = await tinyglobby.glob(input.split(path.sep).join('/'), {
        cwd, absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**', '**/.git/**'],
      });
      const yaml = matches.filter((m) => YAML_FILE.test(m) && !SKIPPED_FILES.has(path.basename(m))).map((m) => path.resolve(m));
      if (yaml.length === 0) throw new UserError(`no .yaml or .yml files match ${input}`);
      for (const m of yaml) add(m, false);
    } else if (!stat) {
      throw new UserError(`no such file or directory: ${input}`);
    } else {
      throw new UserError(`not a file or directory: ${input}`);
    }
  }
  return [...found.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}

/**
 * Walks a directory depth-first, calling `onFile` for every YAML file. A symbolic link to a
 * YAML file counts as a file; links to directories are not followed (no cycles).
 */
async function walk(dir: string, fs: CliFs, onFile: (file: string) => void): Promise<void> {
  let entries;
  try {
    entries = await fs.readDir(dir);
  } catch (error) {
    throw new UserError(`cannot read directory ${dir}: ${describeFsError(error)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory) {
      if (!SKIPPED_DIRS.has(entry.name)) await walk(full, fs, onFile);
    } else if (YAML_FILE.test(entry.name) && !SKIPPED_FILES.has(entry.name)) {
      if (entry.isFile) onFile(full);
      else if (entry.isSymbolicLink && (await fs.stat(full).catch(() => null))?.isFile) onFile(full);
    }
  }
}

/**
 * Files matched by a configuration's `ignore` globs, relative to the configuration's folder.
 * A pattern that names a directory (`charts`) ignores everything under it.
 */
export async function ignoredBy(patterns: readonly string[], baseDir: string): Promise<(absolute: string) => boolean> {
  if (patterns.length === 0) return () => false;
  const matches = await tinyglobby.glob([...patterns], { cwd: baseDir, absolute: true, onlyFiles: true, dot: true, expandDirectories: true });
  const files = new Set(matches.map((m) => path.resolve(m)));
  return (absolute) => files.has(absolute);
}
