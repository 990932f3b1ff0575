/**
 * @fileoverview The extension's entry point: wires the language service, the providers, the
 * commands and the status bar. Activation stays cheap: nothing is parsed and the workspace is
 * not indexed until a YAML document holding Kubernetes objects is seen (or a command runs);
 * the schemas load on first validation.
 */
import * as vscode from 'vscode';
import { KubePlanCodeActions } from './code-actions';
import { KubePlanCodeLens } from './codelens';
import { registerDiagram } from './diagram-panel';
import { registerCommands, registerStatusBar } from './commands';
import { KubePlanHover } from './hover';
import { KubePlanService } from './language-service';
import { loadLocale } from './l10n';
import { KubePlanCompletion, KubePlanDefinitions, KubePlanSymbols } from './navigation';
import { RULE_DOCS_SCHEME, RuleDocsProvider, ruleDocsUri } from './rule-docs';
import { SECTION } from './settings';
import { WorkspaceSimulation } from './simulation';

/** What the extension exposes to its tests (and to other extensions): the service. */
export interface KubePlanApi {
  service: KubePlanService;
  simulation: WorkspaceSimulation;
}

const YAML: vscode.DocumentSelector = [
  { language: 'yaml', scheme: 'file' },
  { language: 'yaml', scheme: 'untitled' },
  { language: 'yaml', scheme: 'vscode-remote' },
  { language: 'yaml', scheme: 'vscode-vfs' },
];

export async function activate(context: vscode.ExtensionContext): Promise<KubePlanApi> {
  await loadLocale(context.extensionUri);
  const service = new KubePlanService(ruleDocsUri);
  context.subscriptions.push(service);

  const simulation = new WorkspaceSimulation(service);
  context.subscriptions.push(simulation);
  const codeActions = new KubePlanCodeActions(service);
  const definitions = new KubePlanDefinitions(service);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(RULE_DOCS_SCHEME, new RuleDocsProvider()),
    vscode.languages.registerCodeActionsProvider(YAML, codeActions, { providedCodeActionKinds: KubePlanCodeActions.kinds }),
    vscode.languages.registerHoverProvider(YAML, new KubePlanHover(service)),
    vscode.languages.registerDefinitionProvider(YAML, definitions),
    vscode.languages.registerReferenceProvider(YAML, definitions),
    vscode.languages.registerDocumentSymbolProvider(YAML, new KubePlanSymbols(service), { label: 'KubePlan' }),
    vscode.languages.registerCompletionItemProvider(YAML, new KubePlanCompletion(service), ':', ' '),
    vscode.languages.registerCodeLensProvider(YAML, new KubePlanCodeLens(service, simulation)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration(SECTION) || e.affectsConfiguration('yaml')) {
        await loadLocale(context.extensionUri);
        await service.reload();
        simulation.reset();
      }
    }),
  );
  registerCommands(context, service);
  registerStatusBar(context, service);
  registerDiagram(context, { service });
  service.start();
  return { service, simulation };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
