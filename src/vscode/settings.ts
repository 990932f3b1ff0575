/**
 * @fileoverview KubePlan's settings and how they combine with `.kubeplan.yaml`: defaults, then
 * the nearest `.kubeplan.yaml` above the file, then the `kubeplan.*` settings a user set
 * explicitly (per key; rule severities merge per rule). docs/vscode.md explains it to users.
 */
import * as vscode from 'vscode';
import { defaultConfig, normalizeVersion, parseConfig, type ConfigProblem, type ResolvedConfig } from '../core/config/config';
import type { SeverityOrOff } from '../core/finding';
import { RULES_BY_ID } from '../core/rules';

export const SECTION = 'kubeplan';
export const CONFIG_FILE = '.kubeplan.yaml';

export type RunMode = 'onType' | 'onSave';

/** The settings that are not part of the lint configuration. */
export interface EditorSettings {
  enable: boolean;
  run: RunMode;
  debounceMs: number;
  lintWorkspaceOnStartup: boolean;
  include: string[];
  exclude: string[];
  clusterFile: string;
  codeLens: boolean;
}

export function readEditorSettings(scope?: vscode.ConfigurationScope): EditorSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    enable: c.get<boolean>('enable', true),
    run: c.get<RunMode>('run', 'onType'),
    debounceMs: Math.max(0, c.get<number>('debounceMs', 200)),
    lintWorkspaceOnStartup: c.get<boolean>('lintWorkspaceOnStartup', false),
    include: c.get<string[]>('files.include', ['**/*.yaml', '**/*.yml']),
    exclude: c.get<string[]>('files.exclude', ['**/node_modules/**', '**/.git/**']),
    clusterFile: c.get<string>('clusterFile', ''),
    codeLens: c.get<boolean>('codeLens', true),
  };
}

/** The value of a setting when the user set it somewhere (folder, workspace or user), else undefined. */
function explicit<T>(c: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const i = c.inspect<T>(key);
  return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
}

/** True when the Red Hat YAML extension is installed and validates Kubernetes manifests itself. */
export function redHatValidatesKubernetes(): boolean {
  if (!vscode.extensions.getExtension('redhat.vscode-yaml')) return false;
  const yaml = vscode.workspace.getConfiguration('yaml');
  if (yaml.get<boolean>('validate', true) === false) return false;
  const schemas = yaml.get<Record<string, unknown>>('schemas', {}) ?? {};
  return Object.keys(schemas).some((k) => /kubernetes/i.test(k)) || yaml.get<boolean>('kubernetesCRDStore.enable', false) === true;
}

/** Applies the explicitly set `kubeplan.*` settings on top of a configuration (from the file or the defaults). */
export function applySettings(base: ResolvedConfig, scope?: vscode.ConfigurationScope): ResolvedConfig {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const config: ResolvedConfig = { ...base, rules: { ...base.rules } };
  const version = normalizeVersion(explicit<string>(c, 'kubernetesVersion') ?? '');
  if (version) config.kubernetesVersion = version;
  const podSecurity = explicit<string>(c, 'podSecurity');
  if (podSecurity === 'baseline' || podSecurity === 'restricted') config.podSecurity = podSecurity;
  const schema = c.get<string>('schemaValidation', 'auto');
  if (schema === 'on') config.schemaValidation = true;
  else if (schema === 'off') config.schemaValidation = false;
  else if (redHatValidatesKubernetes()) config.schemaValidation = false;
  const rules = explicit<Record<string, string>>(c, 'rules') ?? {};
  for (const [id, severity] of Object.entries(rules)) {
    if (!RULES_BY_ID.has(id) || !['off', 'info', 'warning', 'error'].includes(severity)) continue;
    config.rules[id] = { severity: severity as SeverityOrOff, options: config.rules[id]?.options ?? {} };
  }
  return config;
}

/** A `.kubeplan.yaml` read from the workspace. */
export interface ConfigFile {
  uri: vscode.Uri;
  /** The folder it applies to (its own folder and below), as a URI string ending in `/`. */
  dir: string;
  config: ResolvedConfig;
  problems: ConfigProblem[];
  text: string;
}

/** Every `.kubeplan.yaml` of the workspace; resolves the configuration of a file. */
export class ConfigFiles {
  private readonly files = new Map<string, ConfigFile>();

  set(uri: vscode.Uri, text: string): ConfigFile {
    const { config, problems } = parseConfig(text, RULES_BY_ID);
    const key = uri.toString();
    const file: ConfigFile = { uri, dir: key.slice(0, key.lastIndexOf('/') + 1), config, problems, text };
    this.files.set(key, file);
    return file;
  }

  delete(uri: vscode.Uri): void {
    this.files.delete(uri.toString());
  }

  get all(): ConfigFile[] {
    return [...this.files.values()];
  }

  /** The nearest `.kubeplan.yaml` above a file (by folder), if any. */
  nearest(file: string): ConfigFile | undefined {
    let best: ConfigFile | undefined;
    for (const f of this.files.values()) {
      if (file.startsWith(f.dir) && (!best || f.dir.length > best.dir.length)) best = f;
    }
    return best;
  }

  /** The configuration a file is linted with: nearest file, then settings. */
  resolve(file: string): ResolvedConfig {
    let scope: vscode.Uri | undefined;
    try {
      scope = file ? vscode.Uri.parse(file) : undefined;
    } catch {
      scope = undefined;
    }
    return applySettings(this.nearest(file)?.config ?? defaultConfig(), scope);
  }
}
