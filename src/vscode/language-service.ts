/**
 * @fileoverview The live lint loop: one core `Linter` holds every Kubernetes YAML file of the
 * workspace (open documents as typed, the others as on disk), so cross-file findings resolve;
 * edits are linted after a debounce, per document version, and results for an older version
 * are dropped. Diagnostics and the findings behind them are kept together, keyed by document
 * version, so code actions use the fixes the core attached instead of recomputing them.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/finding';
import { Linter } from '../core/lint';
import { documentPositions, linePositions, toDiagnostic, diagnosticKey, type Positions } from './convert';
import { ConfigFiles, CONFIG_FILE, readEditorSettings, SECTION, type EditorSettings } from './settings';
import { currentLocale, t } from './l10n';

/** What was published for one file: the findings, at the document version they were computed for. */
export interface FileFindings {
  uri: vscode.Uri;
  /** The open document's version, or undefined for a file linted from disk. */
  version: number | undefined;
  findings: Finding[];
  /** diagnosticKey → finding. */
  byKey: Map<string, Finding>;
}

/** Quick test that a YAML text holds at least one Kubernetes object (before parsing it). */
export function looksLikeKubernetes(text: string): boolean {
  return /^\s*apiVersion\s*:/m.test(text) && /^\s*kind\s*:/m.test(text);
}

export class KubePlanService implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection(SECTION);
  readonly configs = new ConfigFiles();
  private linter: Linter;
  private settings: EditorSettings = readEditorSettings();
  private readonly published = new Map<string, FileFindings>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private dependentsTimer: ReturnType<typeof setTimeout> | undefined;
  /** Files the user asked to lint with the whole workspace: their diagnostics stay published. */
  private readonly workspaceFiles = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly onDidLintEmitter = new vscode.EventEmitter<FileFindings>();
  /** Fires after a file's diagnostics were published (status bar, CodeLens, diagram). */
  readonly onDidLint = this.onDidLintEmitter.event;
  private indexReady: Promise<void> | undefined;

  constructor(private readonly docsUri: (ruleId: string) => vscode.Uri) {
    this.linter = this.createLinter();
  }

  get enabled(): boolean {
    return this.settings.enable;
  }

  get editorSettings(): EditorSettings {
    return this.settings;
  }

  /** The shared linter: its index holds every manifest of the workspace. */
  get core(): Linter {
    return this.linter;
  }

  private createLinter(): Linter {
    return new Linter({ config: (path) => this.configs.resolve(path), locale: currentLocale() });
  }

  /** Starts listening to documents and files. */
  start(): void {
    const w = vscode.workspace;
    this.disposables.push(
      this.diagnostics,
      this.onDidLintEmitter,
      w.onDidOpenTextDocument((d) => this.onOpen(d)),
      w.onDidChangeTextDocument((e) => this.onChange(e)),
      w.onDidSaveTextDocument((d) => {
        if (this.settings.run === 'onSave' && this.isCandidate(d)) this.lintNow(d);
      }),
      w.onDidCloseTextDocument((d) => void this.onClose(d)),
      w.onDidRenameFiles((e) => {
        for (const f of e.files) {
          this.forget(f.oldUri);
          void this.readFromDisk(f.newUri).then(() => this.scheduleDependents());
        }
      }),
    );
    const watcher = w.createFileSystemWatcher('**/*.{yaml,yml}');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.onDiskChange(uri)),
      watcher.onDidChange((uri) => void this.onDiskChange(uri)),
      watcher.onDidDelete((uri) => this.onDiskDelete(uri)),
    );
    for (const d of w.textDocuments) this.onOpen(d);
  }

  /**
   * Reads the workspace's manifests and `.kubeplan.yaml` files, once: on the first Kubernetes
   * document or command, not at activation. Resolves when done.
   */
  whenIndexed(): Promise<void> {
    this.indexReady ??= this.indexWorkspace();
    return this.indexReady;
  }

  /** Settings or locale changed: start again from a fresh linter with every known file. */
  async reload(): Promise<void> {
    this.settings = readEditorSettings();
    const old = this.linter;
    this.linter = this.createLinter();
    for (const path of old.paths) {
      const source = old.getSource(path);
      if (source) this.linter.setFile(path, source.text);
    }
    if (!this.settings.enable) {
      this.diagnostics.clear();
      this.published.clear();
      return;
    }
    this.relintPublished();
    for (const d of vscode.workspace.textDocuments) if (this.isCandidate(d)) this.lintNow(d);
  }

  /** True when a document should be linted: YAML that holds Kubernetes objects, not excluded. */
  isCandidate(document: vscode.TextDocument): boolean {
    if (!this.settings.enable || document.isClosed) return false;
    if (document.uri.scheme === 'output' || document.uri.scheme === 'git' || document.uri.scheme === 'vscode-userdata') return false;
    if (document.languageId !== 'yaml' && !/\.ya?ml$/i.test(document.uri.path)) return false;
    if (/(^|\/)\.kubeplan\.ya?ml$/.test(document.uri.path)) return false;
    if (this.isExcluded(document)) return false;
    return this.linter.getSource(document.uri.toString()) !== undefined || looksLikeKubernetes(document.getText());
  }

  /** Excluded by `kubeplan.files.exclude`, or by the `ignore` globs of the nearest `.kubeplan.yaml` (relative to it). */
  private isExcluded(document: vscode.TextDocument): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (folder && this.settings.exclude.some((glob) => vscode.languages.match({ pattern: new vscode.RelativePattern(folder, glob) }, document) > 0)) return true;
    const config = this.configs.nearest(document.uri.toString());
    if (!config?.config.ignore.length) return false;
    const base = vscode.Uri.parse(config.dir);
    return config.config.ignore.some((glob) => vscode.languages.match({ pattern: new vscode.RelativePattern(base, glob) }, document) > 0);
  }

  private onOpen(document: vscode.TextDocument): void {
    if (/(^|\/)\.kubeplan\.ya?ml$/.test(document.uri.path)) return;
    if (this.isCandidate(document)) this.lintNow(document);
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const d = e.document;
    if (/(^|\/)\.kubeplan\.ya?ml$/.test(d.uri.path)) {
      this.configs.set(d.uri, d.getText());
      this.publishConfigProblems();
      this.schedule('config', () => this.relintPublished());
      return;
    }
    if (this.settings.run !== 'onType' || !this.isCandidate(d)) return;
    const key = d.uri.toString();
    const version = d.version;
    this.schedule(key, () => {
      // A newer edit has its own timer; this one is stale.
      if (d.isClosed || d.version !== version) return;
      this.lintNow(d);
    });
  }

  private schedule(key: string, run: () => void): void {
    const previous = this.timers.get(key);
    if (previous) clearTimeout(previous);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      run();
    }, this.settings.debounceMs));
  }

  /** Another file changed: re-lint the other published files (a Service whose pods moved, say). */
  private scheduleDependents(except?: string): void {
    if (this.dependentsTimer) clearTimeout(this.dependentsTimer);
    this.dependentsTimer = setTimeout(() => {
      this.dependentsTimer = undefined;
      this.relintPublished(except);
    }, this.settings.debounceMs + 100);
  }

  private relintPublished(except?: string): void {
    for (const [key, entry] of [...this.published]) {
      if (key === except) continue;
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (open && !open.isClosed) {
        if (this.isCandidate(open)) this.lintNow(open);
        else {
          // Now excluded or disabled: its diagnostics go.
          this.published.delete(key);
          this.diagnostics.delete(open.uri);
        }
      } else if (this.linter.getSource(key)) this.lintPath(entry.uri, undefined);
    }
  }

  /** Lints an open document now, at its current version, and publishes the diagnostics. */
  lintNow(document: vscode.TextDocument): FileFindings | undefined {
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) {
      clearTimeout(pending);
      this.timers.delete(key);
    }
    const version = document.version;
    void this.whenIndexed();
    const text = document.getText();
    const previous = this.linter.getSource(key);
    this.linter.setFile(key, text);
    const result = this.lintPath(document.uri, version, documentPositions(document), () => document.version === version && !document.isClosed);
    // The text changed (whoever asked: the debounce, a code action, a CodeLens...): files that
    // refer to this one may have new findings.
    if (!previous || previous.text !== text) this.scheduleDependents(key);
    return result;
  }

  /** Lints a file the linter holds and publishes the result, unless `current()` says it is stale by then. */
  private lintPath(uri: vscode.Uri, version: number | undefined, positions?: Positions, current: () => boolean = () => true): FileFindings | undefined {
    const key = uri.toString();
    if (!this.linter.getSource(key)) return undefined;
    const { findings } = this.linter.lintFile(key);
    if (!current()) return undefined;
    const p = positions ?? linePositions(this.linter.lines(key));
    const byKey = new Map<string, Finding>();
    const diagnostics = findings.map((f) => {
      const d = toDiagnostic(f, p, (file) => this.positionsOf(file), this.docsUri);
      byKey.set(diagnosticKey(d), f);
      return d;
    });
    const entry: FileFindings = { uri, version, findings, byKey };
    this.published.set(key, entry);
    this.diagnostics.set(uri, diagnostics);
    this.onDidLintEmitter.fire(entry);
    return entry;
  }

  /** Positions in any file the linter holds (an open document when there is one). */
  positionsOf(file: string): Positions | undefined {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file);
    if (open) return documentPositions(open);
    if (!this.linter.getSource(file)) return undefined;
    return linePositions(this.linter.lines(file));
  }

  /**
   * The findings of a document at its current version: the published ones when they are for
   * this version, else linted now (a code action requested before the debounce ran).
   */
  findingsFor(document: vscode.TextDocument): FileFindings | undefined {
    const entry = this.published.get(document.uri.toString());
    if (entry && entry.version === document.version) return entry;
    if (!this.isCandidate(document)) return undefined;
    return this.lintNow(document);
  }

  private async onClose(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    if (!this.linter.getSource(key)) return;
    if (document.uri.scheme === 'untitled' || !(await this.readFromDisk(document.uri))) {
      this.forget(document.uri);
      this.scheduleDependents();
      return;
    }
    if (this.workspaceFiles.has(key)) this.lintPath(document.uri, undefined);
    else {
      this.published.delete(key);
      this.diagnostics.delete(document.uri);
    }
    this.scheduleDependents();
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.linter.deleteFile(key);
    this.published.delete(key);
    this.workspaceFiles.delete(key);
    this.diagnostics.delete(uri);
  }

  private isOpen(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && !d.isClosed);
  }

  private async onDiskChange(uri: vscode.Uri): Promise<void> {
    if (/(^|\/)\.kubeplan\.ya?ml$/.test(uri.path)) {
      await this.readConfig(uri);
      this.relintPublished();
      return;
    }
    if (this.isOpen(uri)) return; // the editor's text wins over the disk's
    if (!(await this.readFromDisk(uri))) return;
    const key = uri.toString();
    if (this.workspaceFiles.has(key)) this.lintPath(uri, undefined);
    this.scheduleDependents(key);
  }

  private onDiskDelete(uri: vscode.Uri): void {
    if (/(^|\/)\.kubeplan\.ya?ml$/.test(uri.path)) {
      this.configs.delete(uri);
      this.publishConfigProblems();
      this.relintPublished();
      return;
    }
    // An editor showing the file, or unsaved changes, keep its text in the index (the user may save
    // it again); a document VS Code merely still caches (its tab was closed) goes with the file.
    if (this.isOpen(uri) && (this.isShownInTab(uri) || this.isDirty(uri))) return;
    this.forget(uri);
    this.scheduleDependents();
  }

  private isShownInTab(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key));
  }

  private isDirty(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && d.isDirty);
  }

  /** Reads a file from disk into the linter when it holds Kubernetes objects; false when it does not (or is gone). */
  private async readFromDisk(uri: vscode.Uri): Promise<boolean> {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return false;
    }
    const key = uri.toString();
    if (!looksLikeKubernetes(text) && !this.linter.getSource(key)) return false;
    this.linter.setFile(key, text);
    return true;
  }

  private async readConfig(uri: vscode.Uri): Promise<void> {
    try {
      this.configs.set(uri, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    } catch {
      this.configs.delete(uri);
    }
    this.publishConfigProblems();
  }

  /** Problems of `.kubeplan.yaml` files, shown on those files. */
  private publishConfigProblems(): void {
    for (const file of this.configs.all) {
      const diagnostics = file.problems.map((p) => {
        const key = p.path.split('.').pop() ?? '';
        const at = key ? file.text.search(new RegExp(`^\\s*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`, 'm')) : -1;
        const lines = file.text.slice(0, Math.max(at, 0)).split('\n');
        const line = at < 0 ? 0 : lines.length - 1;
        const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, 200), `${CONFIG_FILE}: ${p.path ? `${p.path}: ` : ''}${p.message}`, vscode.DiagnosticSeverity.Error);
        d.source = 'kubeplan';
        return d;
      });
      this.diagnostics.set(file.uri, diagnostics);
    }
  }

  private excludeGlob(): string | undefined {
    return this.settings.exclude.length ? `{${this.settings.exclude.join(',')}}` : undefined;
  }

  private includeGlob(): string {
    return this.settings.include.length === 1 ? this.settings.include[0]! : `{${this.settings.include.join(',')}}`;
  }

  /** Reads every `.kubeplan.yaml` and every manifest of the workspace into the linter (no diagnostics yet). */
  private async indexWorkspace(): Promise<void> {
    if (!vscode.workspace.workspaceFolders?.length || !this.settings.enable) return;
    try {
      for (const uri of await vscode.workspace.findFiles(`**/${CONFIG_FILE}`, this.excludeGlob())) await this.readConfig(uri);
      const uris = await vscode.workspace.findFiles(this.includeGlob(), this.excludeGlob(), 5000);
      for (const uri of uris) {
        if (this.isOpen(uri) || /(^|\/)\.kubeplan\.ya?ml$/.test(uri.path)) continue;
        await this.readFromDisk(uri);
      }
    } catch {
      // A virtual workspace without file search: open documents are still linted.
    }
    this.relintPublished();
    if (this.settings.lintWorkspaceOnStartup) await this.lintWorkspace();
  }

  /** Lints every manifest of the workspace, with progress and cancellation. Returns the number of files linted. */
  async lintWorkspace(): Promise<number> {
    await this.whenIndexed();
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('KubePlan: linting the workspace'), cancellable: true },
      async (progress, token) => {
        const uris = await vscode.workspace.findFiles(this.includeGlob(), this.excludeGlob(), 5000, token);
        let done = 0;
        const step = uris.length ? 100 / uris.length : 100;
        const toLint: vscode.Uri[] = [];
        for (const uri of uris) {
          if (token.isCancellationRequested) break;
          if (/(^|\/)\.kubeplan\.ya?ml$/.test(uri.path)) continue;
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
          if (open) {
            if (this.isCandidate(open)) {
              this.linter.setFile(uri.toString(), open.getText());
              toLint.push(uri);
            }
          } else if (await this.readFromDisk(uri)) {
            toLint.push(uri);
          }
          progress.report({ increment: step / 2, message: vscode.workspace.asRelativePath(uri) });
        }
        for (const uri of toLint) {
          if (token.isCancellationRequested) break;
          const key = uri.toString();
          this.workspaceFiles.add(key);
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
          if (open) this.lintNow(open);
          else this.lintPath(uri, undefined);
          done++;
          progress.report({ increment: step / 2 });
          if (done % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 0)); // let the UI breathe
        }
        return done;
      },
    );
  }

  /** The published findings of a file. */
  publishedFor(uri: vscode.Uri): FileFindings | undefined {
    return this.published.get(uri.toString());
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    if (this.dependentsTimer) clearTimeout(this.dependentsTimer);
    for (const d of this.disposables) d.dispose();
  }
}
