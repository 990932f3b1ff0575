/**
 * @fileoverview The live lint loop: one core `Linter` holds every Kubernetes YAML file of the
 * workspace (open documents as typed, the others as on disk), so cross-file findings resolve;
 * edits are linted after a debounce, per document version, and results for an older version
 * are dropped. Diagnostics and the findings behind them are kept together, keyed by document
 * version, so code actions use the fixes the core attached instead of recomputing them.
 */
import * as vscode from 'vscode';
import type { ResolvedConfig } from '../core/config/config';
import type { Finding } from '../core/finding';
import { Linter } from '../core/lint';
import { DEFAULT_LIMITS } from '../core/source/parse';
import { documentPositions, linePositions, toDiagnostic, diagnosticKey, type Positions } from './convert';
import { ConfigFiles, CONFIG_FILE, readEditorSettings, SECTION, type EditorSettings } from './settings';
import { currentLocale, t } from './l10n';
import { decodeFile, emptyScanResult, forEachBatch, ProgressSteps, readLocalFile, type FileBytes, type ScanProgress, type ScanResult } from './workspace-scan';

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

/** What reading a file from disk gave: a manifest now in the linter, a file that is none, or nothing readable. */
type DiskRead = 'read' | 'not-kubernetes' | 'unreadable';

const isConfigFile = (uri: vscode.Uri): boolean => /(^|\/)\.kubeplan\.ya?ml$/.test(uri.path);

/** `readLocalFile` for any file system VS Code knows (remote, virtual). */
async function readWorkspaceFile(uri: vscode.Uri): Promise<FileBytes> {
  const info = await vscode.workspace.fs.stat(uri);
  if (!(info.type & vscode.FileType.File)) return { kind: 'not-a-file' };
  if (info.size > DEFAULT_LIMITS.maxFileSize) return { kind: 'too-large' };
  return decodeFile(await vscode.workspace.fs.readFile(uri), DEFAULT_LIMITS.maxFileSize);
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
  private readonly onDidScanEmitter = new vscode.EventEmitter<ScanProgress>();
  /** Fires at each step of a workspace scan, with what the progress notification shows (tests observe it). */
  readonly onDidScan = this.onDidScanEmitter.event;
  /** The workspace scan running now: a second request joins it. */
  private scan: Promise<ScanResult> | undefined;
  /** Cancelled on dispose: stops a running scan. */
  private readonly disposed = new vscode.CancellationTokenSource();
  /** Bumped by each re-lint of the published files: an older one still running stops at its next batch. */
  private relintGeneration = 0;
  /** Files the running scan has yet to lint (set while it runs). */
  private scanPending: Set<string> | undefined;
  /** Published files were to be re-linted while the scan ran: done when it ends. */
  private relintAfterScan = false;
  /** Counts the files read from disk whose text was new to the linter. */
  private diskChanges = 0;

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
    this.configCache.clear();
    return new Linter({ config: (path) => this.configFor(path), locale: currentLocale() });
  }

  /** Resolved configurations by workspace folder and nearest `.kubeplan.yaml`: emptied when either side changes. */
  private readonly configCache = new Map<string, ResolvedConfig>();

  /**
   * The configuration a file is linted with, worked out once per workspace folder and
   * `.kubeplan.yaml` (reading the settings for every file cost more than linting it: a third
   * of a 10,000-file scan).
   */
  private configFor(path: string): ResolvedConfig {
    let folder = '';
    if (path) {
      try {
        folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(path))?.uri.toString() ?? '';
      } catch {
        folder = '';
      }
    }
    const key = `${folder}\u0000${this.configs.nearest(path)?.uri.toString() ?? ''}`;
    let config = this.configCache.get(key);
    if (!config) {
      config = this.configs.resolve(path);
      this.configCache.set(key, config);
    }
    return config;
  }

  /** Starts listening to documents and files. */
  start(): void {
    const w = vscode.workspace;
    this.disposables.push(
      this.diagnostics,
      this.onDidLintEmitter,
      this.onDidScanEmitter,
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
    // A folder deleted or moved in is reported as one event for the folder, which the glob above
    // does not match: without this, its manifests would stay in the index (or never enter it).
    const folders = w.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      folders,
      folders.onDidCreate((uri) => this.onFolderEvent(uri, true)),
      folders.onDidDelete((uri) => this.onFolderEvent(uri, false)),
    );
    for (const d of w.textDocuments) this.onOpen(d);
  }

  private readonly folderEvents = new Map<string, { uri: vscode.Uri; created: boolean }>();
  private folderTimer: ReturnType<typeof setTimeout> | undefined;

  /** Something other than a manifest was created or deleted: maybe a folder. Handled in bulk, shortly. */
  private onFolderEvent(uri: vscode.Uri, created: boolean): void {
    if (/\.ya?ml$/i.test(uri.path)) return; // the manifest watcher has it
    this.folderEvents.set(uri.toString(), { uri, created });
    this.folderTimer ??= setTimeout(() => void this.applyFolderEvents(), 300);
  }

  private async applyFolderEvents(): Promise<void> {
    const events = [...this.folderEvents.values()];
    this.folderEvents.clear();
    this.folderTimer = undefined;
    const deleted = events.filter((e) => !e.created).map((e) => `${e.uri.toString()}/`);
    let changed = false;
    if (deleted.length) {
      const gone = this.linter.paths.filter((path) => deleted.some((folder) => path.startsWith(folder))).map((path) => vscode.Uri.parse(path))
        // An editor showing the file, or unsaved changes, keep its text (as for a file deleted alone).
        .filter((uri) => !(this.isOpen(uri) && (this.isShownInTab(uri) || this.isDirty(uri))));
      for (const uri of gone) this.forget(uri, false);
      if (gone.length) this.diagnostics.set(gone.map((uri) => [uri, undefined]));
      changed = gone.length > 0;
    }
    const created = events.filter((e) => e.created).map((e) => `${e.uri.toString()}/`);
    if (created.length) {
      // One search of the workspace (with the exclude settings) for however many folders came in.
      try {
        const uris = (await this.findManifestFiles()).filter((uri) => created.some((folder) => uri.toString().startsWith(folder)) && !this.isOpen(uri));
        await forEachBatch(uris, (batch) => Promise.all(batch.map((uri) => this.loadFromDisk(uri))), {
          isCancelled: () => this.disposed.token.isCancellationRequested,
        });
        changed ||= uris.length > 0;
      } catch {
        // No file search: nothing to read.
      }
    }
    if (changed) this.scheduleDependents();
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
      this.configCache.clear();
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

  /**
   * Re-lints every published file: the open ones at once, the others in batches that yield to the
   * event loop (after a workspace scan there may be thousands, and typing must not wait for them).
   * A newer call supersedes a running one.
   */
  private relintPublished(except?: string): void {
    const generation = ++this.relintGeneration;
    const openDocuments = new Map(vscode.workspace.textDocuments.filter((d) => !d.isClosed).map((d) => [d.uri.toString(), d]));
    const closed: vscode.Uri[] = [];
    for (const [key, entry] of [...this.published]) {
      if (key === except) continue;
      const open = openDocuments.get(key);
      if (open) {
        if (this.isCandidate(open)) this.lintNow(open);
        else {
          // Now excluded or disabled: its diagnostics go.
          this.published.delete(key);
          this.diagnostics.delete(open.uri);
        }
      } else closed.push(entry.uri);
    }
    if (this.scanPending && closed.length) {
      // A scan is running: the files it has yet to reach get the new index anyway; the others
      // are re-linted once, when it ends, rather than on every change during it.
      this.relintAfterScan = true;
      return;
    }
    const wanted = (uri: vscode.Uri): boolean => this.published.has(uri.toString()) && !this.isOpen(uri);
    void forEachBatch(closed, (batch) => this.lintClosed(batch.filter(wanted)), {
      isCancelled: () => generation !== this.relintGeneration || this.disposed.token.isCancellationRequested,
    });
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
    const { entry, diagnostics } = this.toEntry(uri, version, findings, positions ?? linePositions(this.linter.lines(key)));
    this.published.set(key, entry);
    this.diagnostics.set(uri, diagnostics);
    this.onDidLintEmitter.fire(entry);
    return entry;
  }

  /** Lints files that are not open (as the linter holds them) and publishes their diagnostics in one message to the window. */
  private lintClosed(uris: readonly vscode.Uri[]): number {
    const published: FileFindings[] = [];
    const changes: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const uri of uris) {
      const key = uri.toString();
      if (!this.linter.getSource(key)) continue;
      const { findings } = this.linter.lintFile(key);
      const { entry, diagnostics } = this.toEntry(uri, undefined, findings, linePositions(this.linter.lines(key)));
      this.published.set(key, entry);
      published.push(entry);
      changes.push([uri, diagnostics]);
    }
    if (changes.length) this.diagnostics.set(changes);
    for (const entry of published) this.onDidLintEmitter.fire(entry);
    return published.length;
  }

  private toEntry(uri: vscode.Uri, version: number | undefined, findings: Finding[], positions: Positions): { entry: FileFindings; diagnostics: vscode.Diagnostic[] } {
    const byKey = new Map<string, Finding>();
    const diagnostics = findings.map((f) => {
      const d = toDiagnostic(f, positions, (file) => this.positionsOf(file), this.docsUri);
      byKey.set(diagnosticKey(d), f);
      return d;
    });
    return { entry: { uri, version, findings, byKey }, diagnostics };
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

  /** Drops a file from the index and its diagnostics (`clear` false: the caller clears many at once). */
  private forget(uri: vscode.Uri, clear = true): void {
    const key = uri.toString();
    this.linter.deleteFile(key);
    this.published.delete(key);
    this.workspaceFiles.delete(key);
    if (clear) this.diagnostics.delete(uri);
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
      this.configCache.clear();
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
    return (await this.loadFromDisk(uri)) === 'read';
  }

  /**
   * Reads a file into the linter when it holds Kubernetes objects (or did). A file over the
   * parser's size limit is not read at all (its size is asked first), nor is anything but a
   * regular file, and a binary one (a NUL near its start) is not decoded: all are 'unreadable',
   * like a file that is gone. Local files are read with Node's `fs` (the extension host runs
   * where they are; three times faster than `workspace.fs` on 10,000 files), others through
   * `workspace.fs`.
   */
  private async loadFromDisk(uri: vscode.Uri): Promise<DiskRead> {
    let file: FileBytes;
    try {
      file = uri.scheme === 'file' ? await readLocalFile(uri.fsPath, DEFAULT_LIMITS.maxFileSize) : await readWorkspaceFile(uri);
    } catch {
      return 'unreadable';
    }
    if (file.kind !== 'text') return 'unreadable';
    const key = uri.toString();
    const previous = this.linter.getSource(key);
    if (!looksLikeKubernetes(file.text) && !previous) return 'not-kubernetes';
    if (this.linter.setFile(key, file.text) !== previous) this.diskChanges++;
    return 'read';
  }

  private async readConfig(uri: vscode.Uri): Promise<void> {
    try {
      this.configs.set(uri, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    } catch {
      this.configs.delete(uri);
    }
    this.configCache.clear();
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

  /** Every file the settings include (not excluded), `.kubeplan.yaml` left out, in path order. */
  private async findManifestFiles(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
    const uris = await vscode.workspace.findFiles(this.includeGlob(), this.excludeGlob(), undefined, token);
    return uris.filter((uri) => !isConfigFile(uri)).sort((a, b) => (a.toString() < b.toString() ? -1 : a.toString() > b.toString() ? 1 : 0));
  }

  /** Reads every `.kubeplan.yaml` and every manifest of the workspace into the linter (no diagnostics yet), in batches. */
  private async indexWorkspace(): Promise<void> {
    if (!vscode.workspace.workspaceFolders?.length || !this.settings.enable) return;
    try {
      for (const uri of await vscode.workspace.findFiles(`**/${CONFIG_FILE}`, this.excludeGlob())) await this.readConfig(uri);
      const uris = await this.findManifestFiles();
      await forEachBatch(uris, async (batch) => {
        await Promise.all(batch.map((uri) => (this.isOpen(uri) ? undefined : this.loadFromDisk(uri))));
      }, { isCancelled: () => this.disposed.token.isCancellationRequested });
    } catch {
      // A virtual workspace without file search: open documents are still linted.
    }
    this.relintPublished();
    // Not awaited: the scan itself waits for this index to be ready.
    if (this.settings.lintWorkspaceOnStartup) void this.lintWorkspace();
  }

  /**
   * Lints every manifest of the workspace, with a cancellable progress notification ("n of N
   * files"). Files are read and linted in batches that yield to the event loop, so an edit made
   * meanwhile is linted at once; a cancellation stops at the next batch and keeps what was
   * published. A request while a scan runs joins it. `token` cancels too (tests, callers).
   */
  async lintWorkspace(token?: vscode.CancellationToken): Promise<ScanResult> {
    await this.whenIndexed();
    if (this.scan) return this.scan;
    const scan = Promise.resolve(vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('KubePlan: linting the workspace'), cancellable: true },
      (progress, progressToken) => this.scanWorkspace(progress, [progressToken, this.disposed.token, ...(token ? [token] : [])]),
    ));
    this.scan = scan;
    void scan.finally(() => {
      if (this.scan === scan) this.scan = undefined;
    }).catch(() => undefined);
    return scan;
  }

  /** True while a workspace scan runs. */
  get scanning(): boolean {
    return this.scan !== undefined;
  }

  private async scanWorkspace(progress: vscode.Progress<{ message?: string; increment?: number }>, tokens: vscode.CancellationToken[]): Promise<ScanResult> {
    const isCancelled = (): boolean => tokens.some((token) => token.isCancellationRequested);
    if (!this.settings.enable) return emptyScanResult();
    progress.report({ message: t('finding files…') });
    let uris: vscode.Uri[] = [];
    try {
      uris = await this.findManifestFiles(tokens[0]);
    } catch {
      // No file search (a virtual workspace): nothing to scan.
    }
    const result = emptyScanResult(uris.length);
    const steps = new ProgressSteps(uris.length);
    const report = (done: number): void => {
      const increment = steps.advance(done);
      progress.report({ increment, message: t('{0} of {1} files', done, uris.length) });
      this.onDidScanEmitter.fire({ ...result, done, total: uris.length, increment });
    };
    report(0);
    const pending = new Set(uris.map((uri) => uri.toString()));
    this.scanPending = pending;
    this.relintAfterScan = false;
    const changesBefore = this.diskChanges;
    const { cancelled } = await forEachBatch(uris, async (batch, start) => {
      const openDocuments = new Map(vscode.workspace.textDocuments.filter((d) => !d.isClosed).map((d) => [d.uri.toString(), d]));
      const reads = await Promise.all(batch.map((uri) => (openDocuments.has(uri.toString()) ? 'open' as const : this.loadFromDisk(uri))));
      const closed: vscode.Uri[] = [];
      batch.forEach((uri, i) => {
        const key = uri.toString();
        const read = reads[i];
        // The document may have been opened while its file was read: the editor's text wins.
        const open = openDocuments.get(key) ?? vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === key);
        if (open) {
          if (this.isCandidate(open)) {
            this.workspaceFiles.add(key);
            this.lintNow(open);
            result.linted++;
          } else result.skipped++;
        } else if (read === 'read') {
          this.workspaceFiles.add(key);
          closed.push(uri);
        } else if (read === 'unreadable') {
          result.unreadable++;
          if (this.linter.getSource(key)) {
            this.forget(uri);
            this.scheduleDependents();
          }
        } else result.skipped++;
      });
      const linted = this.lintClosed(closed);
      result.linted += linted;
      result.unreadable += closed.length - linted; // gone from the linter while the batch was read
      for (const uri of batch) pending.delete(uri.toString());
      report(start + batch.length);
    }, { isCancelled }).finally(() => {
      if (this.scanPending === pending) this.scanPending = undefined;
    });
    result.cancelled = cancelled;
    // A file read with new text may change the findings of files linted before it.
    if (this.relintAfterScan || (this.diskChanges !== changesBefore && result.linted > 0)) this.scheduleDependents();
    this.relintAfterScan = false;
    return result;
  }

  /** The published findings of a file. */
  publishedFor(uri: vscode.Uri): FileFindings | undefined {
    return this.published.get(uri.toString());
  }

  dispose(): void {
    this.disposed.cancel();
    this.disposed.dispose();
    this.relintGeneration++;
    for (const timer of this.timers.values()) clearTimeout(timer);
    if (this.dependentsTimer) clearTimeout(this.dependentsTimer);
    if (this.folderTimer) clearTimeout(this.folderTimer);
    for (const d of this.disposables) d.dispose();
  }
}
