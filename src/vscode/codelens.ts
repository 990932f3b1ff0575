/**
 * @fileoverview A CodeLens above each workload: how the simulation places its pods
 * ("3 pods → node-1, node-2 · 1 Pending"); clicking opens the cluster diagram on it.
 */
import * as vscode from 'vscode';
import type { ClusterView, WorkloadView } from '../protocol/cluster-view';
import type { KubePlanService } from './language-service';
import { t } from './l10n';
import type { WorkspaceSimulation } from './simulation';

export const OPEN_DIAGRAM = 'kubeplan.openDiagram';

/**
 * The CodeLens title of a workload, in the user's language: the same facts as the simulation's
 * `workloadSummary` (src/sim/summary.ts, English, for the CLI), plus a CronJob's schedule.
 */
export function workloadSummary(view: ClusterView, workload: WorkloadView): string {
  const names = new Set(workload.pods);
  const pods = view.pods.filter((p) => names.has(p.name) && p.namespace === workload.namespace);
  const schedule = workload.schedule ? ` · ${workload.schedule.suspended ? t('suspended') : workload.schedule.description ?? workload.schedule.expression}` : '';
  if (pods.length === 0) return t('no pods') + schedule;
  const nodes: string[] = [];
  for (const p of pods) if (p.node && !nodes.includes(p.node)) nodes.push(p.node);
  const pending = pods.filter((p) => p.node === null && p.phase === 'Pending').length;
  const failed = pods.filter((p) => (p.phase as string) === 'Failed').length;
  let text = pods.length === 1 ? t('1 pod') : t('{0} pods', pods.length);
  if (nodes.length) text += ` → ${nodes.join(', ')}`;
  if (pending) text += ` · ${t('{0} Pending', pending)}`;
  if (failed) text += ` · ${t('{0} Failed', failed)}`;
  return text + schedule;
}

export class KubePlanCodeLens implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly service: KubePlanService, private readonly simulation: WorkspaceSimulation) {
    this.onDidChangeCodeLenses = simulation.onDidChange;
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!this.service.editorSettings.codeLens || !this.service.findingsFor(document)) return [];
    const view = await this.simulation.current();
    if (token.isCancellationRequested) return [];
    const file = document.uri.toString();
    const manifests = this.service.core.getSource(file)?.manifests ?? [];
    return view.workloads
      .filter((w) => w.source?.file === file)
      .map((w) => {
        // Above the workload's first line (its `apiVersion`), not above its name.
        const m = manifests.find((x) => x.kind === w.kind && x.name === w.name && (x.namespace ?? w.namespace) === w.namespace);
        const line = m ? document.positionAt(m.tree.start).line : Math.max(0, (w.source!.line ?? 1) - 1);
        const range = new vscode.Range(line, 0, line, 0);
        return new vscode.CodeLens(range, {
          title: workloadSummary(view, w),
          command: OPEN_DIAGRAM,
          arguments: [{ kind: w.kind, name: w.name, namespace: w.namespace }],
          tooltip: t('Open the cluster diagram on {0} {1}', w.kind, w.name),
        });
      });
  }
}
