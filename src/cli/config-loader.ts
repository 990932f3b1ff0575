/**
 * @fileoverview Finds and reads `.kubeplan.yaml` for the CLI: the nearest one upward from each
 * file (or the one given by `--config`), parsed by the core, with the command line's overrides
 * on top. A configuration with any problem stops the run (exit 2) with one line naming the
 * file and the setting at fault.
 */
import * as path from 'node:path';
import { defaultConfig, normalizeVersion, parseConfig, withRuleOverrides, type ResolvedConfig } from '../core/config/config';
import type { SeverityOrOff } from '../core/finding';
import { RULES_BY_ID } from '../core/rules';
import { describeFsError, UserError } from './errors';
import { displayPath, ignoredBy } from './files';
import type { CliFs } from './io';

export const CONFIG_FILE_NAMES = ['.kubeplan.yaml', '.kubeplan.yml'];

/** What the command line says on top of any configuration file. */
export interface ConfigOverrides {
  /** `--config FILE`: used for every file instead of discovery. */
  configFile?: string;
  /** `--kubernetes-version`. */
  kubernetesVersion?: string;
  /** `--rule id=severity`, in order. */
  rules?: Record<string, SeverityOrOff>;
}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The configuration file, absolute; undefined when none applies (defaults). */
  file: string | undefined;
  /** True when the configuration's `ignore` globs exclude this path. */
  ignores(absolute: string): boolean;
}

/** Resolves the configuration of each file, reading every configuration file once. */
export class ConfigResolver {
  private readonly byDir = new Map<string, Promise<string | undefined>>();
  private readonly byFile = new Map<string, Promise<LoadedConfig>>();

  constructor(private readonly fs: CliFs, private readonly cwd: string, private readonly overrides: ConfigOverrides = {}) {}

  /** The configuration for a file (absolute path), or for stdin when given the working directory's file name. */
  async forFile(absolute: string): Promise<LoadedConfig> {
    const file = this.overrides.configFile !== undefined
      ? path.resolve(this.cwd, this.overrides.configFile)
      : await this.findUpward(path.dirname(absolute));
    return this.load(file);
  }

  private load(file: string | undefined): Promise<LoadedConfig> {
    const key = file ?? '';
    let loaded = this.byFile.get(key);
    if (!loaded) {
      loaded = this.read(file);
      this.byFile.set(key, loaded);
    }
    return loaded;
  }

  private async read(file: string | undefined): Promise<LoadedConfig> {
    let config = defaultConfig();
    let ignores: (absolute: string) => boolean = () => false;
    if (file !== undefined) {
      const shown = displayPath(this.cwd, file);
      let text: string;
      try {
        text = await this.fs.readFile(file);
      } catch (error) {
        throw new UserError(`cannot read configuration ${shown}: ${describeFsError(error)}`);
      }
      const parsed = parseConfig(text, RULES_BY_ID);
      if (parsed.problems.length > 0) {
        const first = parsed.problems[0]!;
        const more = parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more)` : '';
        throw new UserError(`invalid configuration ${shown}: ${first.path ? `${first.path}: ` : ''}${first.message}${more}`);
      }
      config = parsed.config;
      ignores = await ignoredBy(config.ignore, path.dirname(file));
    }
    return { config: this.applyOverrides(config), file, ignores };
  }

  private applyOverrides(config: ResolvedConfig): ResolvedConfig {
    let out = config;
    if (this.overrides.kubernetesVersion !== undefined) {
      const version = normalizeVersion(this.overrides.kubernetesVersion);
      if (!version) throw new UserError(`--kubernetes-version: expected a version like 1.32, got "${this.overrides.kubernetesVersion}"`);
      out = { ...out, kubernetesVersion: version };
    }
    if (this.overrides.rules && Object.keys(this.overrides.rules).length > 0) out = withRuleOverrides(out, this.overrides.rules);
    return out;
  }

  /** The nearest configuration file in `dir` or above it. */
  private findUpward(dir: string): Promise<string | undefined> {
    let found = this.byDir.get(dir);
    if (!found) {
      found = (async () => {
        for (const name of CONFIG_FILE_NAMES) {
          const candidate = path.join(dir, name);
          const stat = await this.fs.stat(candidate).catch(() => null);
          if (stat?.isFile) return candidate;
        }
        const parent = path.dirname(dir);
        return parent === dir ? undefined : this.findUpward(parent);
      })();
      this.byDir.set(dir, found);
    }
    return found;
  }
}
