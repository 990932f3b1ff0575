/**
 * @fileoverview The cluster diagram panel: "KubePlan: Open Cluster Diagram" (`kubeplan.openDiagram`).
 *
 * One owner (`DiagramPanel`) holds the webview panel and everything it subscribes to. The panel
 * shows the simulation of the workspace (or of a file or folder given to the command), with the
 * lint findings as badges, and keeps it live: after the shared linter has linted a change, the
 * picture is recomputed (debounced) and posted; while a manifest does not parse, the last good
 * picture stays with a banner. Clicking an element reveals its YAML; moving the cursor in a
 * manifest highlights what it produced. What-if requests (remove/cordon a node, change replicas)
 * re-simulate without touching the files; "apply replicas" edits the YAML through a core FixOp,
 * as one undoable edit. The webview is sandboxed: CSP `default-src 'none'` with a nonce, local
 * resources from `media/` only, no network, and every message it sends is validated.
 *
 * Dependencies (`DiagramDeps`), kept minimal: the extension's `KubePlanService` seen through the
 * few members used here —
 * - `core`: the shared `Linter` (parsed files, the workspace index; the panel never parses again);
 * - `onDidLint`: fires after a file was linted (typing, saving, disk changes);
 * - `configs.resolve(file)`: the resolved `.kubeplan.yaml` of a file (cluster, default namespace);
 * - `editorSettings.clusterFile`: the `kubeplan.clusterFile` setting (Node objects or a k3d config);
 * - `whenIndexed()`: resolves once the workspace's manifests are loaded.
 * The extension calls `registerDiagram(context, { service })` from `activate()`.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Finding } from '../core/finding';
import type { Linter } from '../core/lint';
import type { ResolvedConfig } from '../core/config/config';
import { opsToEdit } from '../core/fix/fix-ops';
import { LineIndex, parseFile, type Manifest, type SourceFile } from '../core/source/parse';
import type { ClusterView, ObjectRef, SourceRef } from '../protocol/cluster-view';
import { isEmptyWhatIf, NO_WHAT_IF, parseFromWebview, type FromWebview, type ToWebview, type WhatIfRequest } from '../protocol/messages';
import { findingBadges } from '../render/findings';
import { webviewHtml } from '../render/webview-html';
import { lineResolver, simulate } from '../sim';
import { currentLocale, t } from './l10n';

export const OPEN_DIAGRAM_COMMAND = 'kubeplan.openDiagram';
export const DIAGRAM_VIEW_TYPE = 'kubeplan.diagram';

/** What the panel needs from the extension (see the file comment). */
export interface DiagramDeps {
  service: {
    readonly core: Linter;
    readonly onDidLint: vscode.Event<unknown>;
    readonly configs: { resolve(file: string): ResolvedConfig };
    readonly editorSettings: { clusterFile: string };
    whenIndexed(): Promise<void>;
  };
}

/** Milliseconds between the last lint and the new picture (typing never waits for the diagram). */
const UPDATE_DELAY_MS = 400;
/** Milliseconds between a cursor move and the highlight. */
const SELECTION_DELAY_MS = 150;

/** Registers the command, the panel serializer (restore after reload) and returns nothing: all goes to `context.subscriptions`. */
export function registerDiagram(context: vscode.ExtensionContext, deps: DiagramDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_DIAGRAM_COMMAND, (arg?: unknown) => DiagramPanel.show(context, deps, arg)),
    vscode.window.registerWebviewPanelSerializer(DIAGRAM_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const scope = typeof (state as { scope?: unknown } | null)?.scope === 'string' ? (state as { scope: string }).scope : '';
        DiagramPanel.revive(context, deps, panel, scope);
      },
    }),
    { dispose: () => DiagramPanel.current?.dispose() },
  );
}

/** The one diagram panel. */
export class DiagramPanel implements vscode.Disposable {
  static current: DiagramPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private readonly findings = new Map<string, Finding[]>();
  private whatIf: WhatIfRequest = NO_WHAT_IF;
  private lastGood: ClusterView | undefined;
  /** A highlight asked for before the page could show it (CodeLens → diagram). */
  private pendingHighlight: ToWebview | undefined;
  /** The last `view` message posted, as JSON (identical pictures are not posted again). */
  private lastPosted: string | undefined;
  private updateTimer: ReturnType<typeof setTimeout> | undefined;
  private selectionTimer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;
  private clusterFile: { setting: string; manifests: Manifest[] } | undefined;

  /** Opens (or reveals) the panel. `arg`: a file or folder Uri (scope), or an object ref (CodeLens: select it). */
  static async show(context: vscode.ExtensionContext, deps: DiagramDeps, arg?: unknown): Promise<void> {
    const scope = arg instanceof vscode.Uri ? arg.toString() : DiagramPanel.current?.scope ?? '';
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    if (DiagramPanel.current) {
      DiagramPanel.current.scope = scope;
      DiagramPanel.current.panel.reveal(column, true);
    } else {
      const panel = vscode.window.createWebviewPanel(DIAGRAM_VIEW_TYPE, t('Cluster diagram'), { viewColumn: column, preserveFocus: true }, webviewOptions(context));
      DiagramPanel.current = new DiagramPanel(context, deps, panel, scope);
    }
    const current = DiagramPanel.current;
    await deps.service.whenIndexed();
    current.scheduleUpdate(0);
    if (isObjectRef(arg)) current.highlightRef(arg);
  }

  static revive(context: vscode.ExtensionContext, deps: DiagramDeps, panel: vscode.WebviewPanel, scope: string): void {
    panel.webview.options = webviewOptions(context);
    DiagramPanel.current?.dispose();
    DiagramPanel.current = new DiagramPanel(context, deps, panel, scope);
    void deps.service.whenIndexed().then(() => DiagramPanel.current?.scheduleUpdate(0));
  }

  private constructor(context: vscode.ExtensionContext, private readonly deps: DiagramDeps, readonly panel: vscode.WebviewPanel, private scope: string) {
    const media = vscode.Uri.joinPath(context.extensionUri, 'media');
    panel.iconPath = vscode.Uri.joinPath(media, 'icon.png');
    panel.webview.html = webviewHtml({
      cspSource: panel.webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'webview.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'webview.css')).toString(),
      locale: currentLocale(),
      title: t('Cluster diagram'),
    });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseFromWebview(raw);
        if (message) void this.onMessage(message);
      }),
      deps.service.onDidLint((event) => {
        const published = event as { uri?: vscode.Uri; findings?: Finding[] } | undefined;
        if (published?.uri && Array.isArray(published.findings)) this.findings.set(published.uri.toString(), published.findings);
        this.scheduleUpdate(UPDATE_DELAY_MS);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => this.scheduleHighlight(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.scheduleHighlight(editor)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('kubeplan')) {
          this.clusterFile = undefined;
          this.scheduleUpdate(UPDATE_DELAY_MS);
        }
      }),
    );
  }

  dispose(): void {
    if (DiagramPanel.current === this) DiagramPanel.current = undefined;
    if (this.updateTimer) clearTimeout(this.updateTimer);
    if (this.selectionTimer) clearTimeout(this.selectionTimer);
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }

  private post(message: ToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private async onMessage(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        // A (re)loaded page has no picture from us yet.
        this.ready = true;
        this.lastPosted = undefined;
        this.scheduleUpdate(0);
        break;
      case 'reveal':
        await revealSource(message.source);
        break;
      case 'whatIf':
        this.whatIf = message.whatIf;
        this.scheduleUpdate(0);
        break;
      case 'applyReplicas':
        await this.applyReplicas(message.workload, message.replicas, message.source);
        break;
      case 'export':
        await saveExport(message.format, message.data);
        break;
    }
  }

  // -------------------------------------------------------------------------------------------
  // The picture

  private scheduleUpdate(delay: number): void {
    if (this.updateTimer) clearTimeout(this.updateTimer);
    this.updateTimer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    if (!this.ready) return;
    const linter = this.deps.service.core;
    const sources = linter.paths.filter((p) => this.inScope(p)).map((p) => linter.getSource(p)).filter((s): s is SourceFile => !!s);
    const broken = firstSyntaxError(linter, sources);
    if (broken && this.lastGood) {
      // Keep the last good picture: a half-typed manifest would make resources vanish.
      this.post({ type: 'status', broken });
      return;
    }
    let view: ClusterView;
    try {
      view = await this.simulate(sources);
    } catch (error) {
      this.post({ type: 'status', broken: error instanceof Error ? error.message : String(error) });
      return;
    }
    this.lastGood = view;
    const message: ToWebview = { type: 'view', view, locale: currentLocale(), scope: this.scope, ...(isEmptyWhatIf(this.whatIf) ? {} : { whatIf: this.whatIf }) };
    // A comment typed or a file saved gives the same picture: do not make the webview redraw it.
    const text = JSON.stringify(message);
    if (text !== this.lastPosted) {
      this.lastPosted = text;
      this.post(message);
    }
    this.post({ type: 'status', broken });
    if (this.pendingHighlight) {
      this.post(this.pendingHighlight);
      this.pendingHighlight = undefined;
    }
  }

  private async simulate(sources: SourceFile[]): Promise<ClusterView> {
    const { service } = this.deps;
    const linter = service.core;
    const manifests = sources.flatMap((s) => s.manifests);
    const folder = vscode.workspace.workspaceFolders?.[0];
    const config = service.configs.resolve(sources[0]?.path ?? (folder ? vscode.Uri.joinPath(folder.uri, 'x.yaml').toString() : ''));
    const replicasOverride: Record<string, number> = {};
    for (const r of this.whatIf.replicas) replicasOverride[`${r.workload.kind}/${r.workload.namespace ?? config.defaultNamespace}/${r.workload.name}`] = r.replicas;
    const view = simulate(manifests, {
      clusterManifests: await this.readClusterFile(),
      clusterConfig: config.cluster,
      defaultNamespace: config.defaultNamespace,
      now: new Date(),
      withoutNodes: this.whatIf.removeNodes,
      cordon: this.whatIf.cordonNodes,
      replicasOverride,
      lineOf: lineResolver(sources),
    });
    for (const source of sources) {
      let findings = this.findings.get(source.path);
      if (!findings) {
        findings = linter.lintFile(source.path).findings;
        this.findings.set(source.path, findings);
      }
      const lines = linter.lines(source.path);
      view.findings.push(...findingBadges(findings, config.defaultNamespace, (f) => lines.position(f.range[0]).line + 1));
    }
    return view;
  }

  private inScope(path: string): boolean {
    if (!this.scope) return true;
    return path === this.scope || path.startsWith(this.scope.endsWith('/') ? this.scope : `${this.scope}/`);
  }

  /** The manifests of the `kubeplan.clusterFile` setting (read once per setting). */
  private async readClusterFile(): Promise<Manifest[]> {
    const setting = this.deps.service.editorSettings.clusterFile;
    if (!setting) return [];
    if (this.clusterFile?.setting === setting) return this.clusterFile.manifests;
    const folder = vscode.workspace.workspaceFolders?.[0];
    const uri = /^\/|^[A-Za-z]:[\\/]/.test(setting) || !folder ? vscode.Uri.file(setting) : vscode.Uri.joinPath(folder.uri, setting);
    let manifests: Manifest[] = [];
    try {
      manifests = parseFile(uri.toString(), new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))).manifests;
    } catch {
      manifests = [];
    }
    this.clusterFile = { setting, manifests };
    return manifests;
  }

  // -------------------------------------------------------------------------------------------
  // Editor ↔ diagram

  private scheduleHighlight(editor: vscode.TextEditor | undefined): void {
    if (this.selectionTimer) clearTimeout(this.selectionTimer);
    this.selectionTimer = setTimeout(() => this.highlightSelection(editor), SELECTION_DELAY_MS);
  }

  private highlightSelection(editor: vscode.TextEditor | undefined): void {
    if (!editor) return;
    const file = editor.document.uri.toString();
    const source = this.deps.service.core.getSource(file);
    if (!source) return;
    const offset = editor.document.offsetAt(editor.selection.active);
    const document = source.documents.find((d) => d.range[0] <= offset && offset <= d.range[1]);
    if (!document || document.manifests.length === 0) {
      this.post({ type: 'highlight', file: null, startLine: 0, endLine: 0 });
      return;
    }
    const lines = new LineIndex(source.text);
    this.post({ type: 'highlight', file, startLine: lines.position(document.range[0]).line + 1, endLine: lines.position(document.range[1]).line + 1 });
  }

  /** Highlights the manifest of an object (the CodeLens opens the diagram on a workload). */
  private highlightRef(ref: ObjectRef): void {
    const found = this.findManifest(ref);
    if (!found) return;
    const { manifest, source } = found;
    const range = source.documents[manifest.docIndex]?.range;
    if (!range) return;
    const lines = new LineIndex(source.text);
    // Sent right after the next picture (the page may still be loading).
    this.pendingHighlight = { type: 'highlight', file: source.path, startLine: lines.position(range[0]).line + 1, endLine: lines.position(range[1]).line + 1 };
    this.scheduleUpdate(0);
  }

  private findManifest(ref: ObjectRef, file?: string): { manifest: Manifest; source: SourceFile } | undefined {
    const linter = this.deps.service.core;
    for (const path of file ? [file] : linter.paths) {
      const source = linter.getSource(path);
      const manifest = source?.manifests.find((m) => m.kind === ref.kind && m.name === ref.name &&
        (ref.namespace === undefined || (m.namespace ?? linter.index.namespaceOf(m)) === ref.namespace));
      if (source && manifest) return { manifest, source };
    }
    return undefined;
  }

  /** Writes `spec.replicas` into the workload's YAML as one undoable edit (comments and layout kept). */
  private async applyReplicas(workload: ObjectRef, replicas: number, where: SourceRef): Promise<void> {
    const found = this.findManifest(workload, where.file);
    const range = found && found.source.documents[found.manifest.docIndex]?.range;
    const edit = found && range && opsToEdit(found.source.text, range, [{ op: 'set', path: [...found.manifest.base, 'spec', 'replicas'], value: replicas, after: ['selector'] }]);
    if (!found || !edit) {
      void vscode.window.showWarningMessage(t('Could not write the replicas of {0} {1} into its YAML.', workload.kind, workload.name));
      return;
    }
    const uri = vscode.Uri.parse(found.source.path);
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.getText() !== found.source.text) {
      void vscode.window.showWarningMessage(t('The file changed since the diagram was drawn; try again.'));
      return;
    }
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.replace(uri, new vscode.Range(document.positionAt(edit.range[0]), document.positionAt(edit.range[1])), edit.text);
    if (await vscode.workspace.applyEdit(workspaceEdit)) {
      // The file now says it: the what-if override for this workload is no longer needed.
      this.whatIf = { ...this.whatIf, replicas: this.whatIf.replicas.filter((r) => !(r.workload.kind === workload.kind && r.workload.name === workload.name && r.workload.namespace === workload.namespace)) };
    }
  }
}

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
    // State survives hiding through getState/setState: no need to keep the page alive.
    retainContextWhenHidden: false,
  };
}

function isObjectRef(x: unknown): x is ObjectRef {
  return typeof x === 'object' && x !== null && typeof (x as ObjectRef).kind === 'string' && typeof (x as ObjectRef).name === 'string';
}

/** The first YAML syntax error among the files (`file:line: message`), or null. */
function firstSyntaxError(linter: Linter, sources: readonly SourceFile[]): string | null {
  for (const source of sources) {
    const problem = source.problems.find((p) => p.ruleId === 'yaml-syntax');
    if (problem) {
      const line = linter.lines(source.path).position(problem.range[0]).line + 1;
      const name = vscode.workspace.asRelativePath(vscode.Uri.parse(source.path));
      return `${name}:${line}`;
    }
  }
  return null;
}

/** Opens the YAML behind an element, beside the diagram. */
async function revealSource(source: SourceRef): Promise<void> {
  const uri = /^[a-z][a-z0-9+.-]*:/i.test(source.file) ? vscode.Uri.parse(source.file) : vscode.Uri.file(source.file);
  const position = new vscode.Position(Math.max(0, source.line - 1), Math.max(0, (source.column ?? 1) - 1));
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One, preserveFocus: false, selection: new vscode.Range(position, position) });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Asks where to save an export and writes it. */
async function saveExport(format: 'svg' | 'png', data: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `cluster-diagram.${format}`) } : {}),
    filters: format === 'svg' ? { SVG: ['svg'] } : { PNG: ['png'] },
  });
  if (!target) return;
  const bytes = format === 'svg' ? new TextEncoder().encode(data) : Buffer.from(data, 'base64');
  await vscode.workspace.fs.writeFile(target, bytes);
}
