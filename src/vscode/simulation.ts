/**
 * @fileoverview The simulation of the workspace for the editor (CodeLens, diagram): `simulate()`
 * over every manifest the shared linter holds, with the cluster from the cluster file setting or
 * `.kubeplan.yaml`, recomputed lazily after files change.
 */
import * as vscode from 'vscode';
import { parseFile, type Manifest } from '../core/source/parse';
import type { ClusterView } from '../protocol/cluster-view';
import { lineResolver, simulate } from '../sim';
import type { KubePlanService } from './language-service';

export class WorkspaceSimulation implements vscode.Disposable {
  private view: ClusterView | undefined;
  private clusterFile: { setting: string; manifests: Manifest[] } | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the simulation may have changed (a file was linted). */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly service: KubePlanService, private readonly now: () => Date = () => new Date()) {
    this.subscription = service.onDidLint(() => {
      this.view = undefined;
      if (this.timer) clearTimeout(this.timer);
      // Typing never waits for the simulation: CodeLenses refresh once the edits pause.
      this.timer = setTimeout(() => this.changed.fire(), 300);
    });
  }

  /** The current ClusterView (computed on first use after a change). */
  async current(): Promise<ClusterView> {
    if (this.view) return this.view;
    const clusterManifests = await this.readClusterFile();
    const linter = this.service.core;
    const manifests = linter.index.all;
    const sources = linter.paths.map((p) => linter.getSource(p)!).filter(Boolean);
    const folder = vscode.workspace.workspaceFolders?.[0];
    const config = this.service.configs.resolve(folder ? vscode.Uri.joinPath(folder.uri, 'x.yaml').toString() : '');
    this.view = simulate(manifests, {
      clusterManifests,
      clusterConfig: config.cluster,
      defaultNamespace: config.defaultNamespace,
      now: this.now(),
      lineOf: lineResolver(sources),
    });
    return this.view;
  }

  private async readClusterFile(): Promise<Manifest[]> {
    const setting = this.service.editorSettings.clusterFile;
    if (!setting) return [];
    if (this.clusterFile?.setting === setting) return this.clusterFile.manifests;
    const folder = vscode.workspace.workspaceFolders?.[0];
    const uri = /^\/|^[A-Za-z]:[\\/]/.test(setting) || !folder ? vscode.Uri.file(setting) : vscode.Uri.joinPath(folder.uri, setting);
    let manifests: Manifest[] = [];
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      manifests = parseFile(uri.toString(), text).manifests;
    } catch {
      manifests = [];
    }
    this.clusterFile = { setting, manifests };
    return manifests;
  }

  /** Forget the cluster file (the setting or the file changed). */
  reset(): void {
    this.clusterFile = undefined;
    this.view = undefined;
    this.changed.fire();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscription.dispose();
    this.changed.dispose();
  }
}
