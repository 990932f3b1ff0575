/**
 * @fileoverview Hover, go to definition, find references, outline and completion.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, open, positionOf, rangeText, waitForRule } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n---\n');
}

describe('language features', () => {
  before(async () => {
    const api = await activate();
    await api.service.whenIndexed();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('hovers a finding with its rule docs, and a field with its schema', async () => {
    const { document } = await open('broken.yaml');
    await waitForRule(document.uri, 'no-latest-image-tag');
    const onImage = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'nginx:latest', 3)));
    assert.match(onImage, /\*\*no-latest-image-tag\*\* · Images should be pinned to a version/);
    assert.match(onImage, /Show documentation for no-latest-image-tag\]\(command:kubeplan\.showRuleDocs/);
    assert.match(onImage, /`image` · string · optional/);
    const onReplicas = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'replicas', 2)));
    assert.match(onReplicas, /`replicas` · integer · optional/);
  });

  it('hovers a CronJob schedule with the schedule in words and its next runs', async () => {
    const { document } = await open('app/cronjob.yaml');
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '30 2 * * 1', 2)));
    assert.match(text, /At 02:30, only on Monday/);
    const runs = text.match(/^- \d{4}-\d{2}-\d{2} 02:30$/gm) ?? [];
    assert.equal(runs.length, 3, text);
  });

  it('goes from a configMapRef to the ConfigMap, and from a Service selector to the pods it selects', async () => {
    const { document } = await open('app/deployment.yaml');
    const toConfig = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, 'web-config', 2));
    assert.equal(toConfig.length, 1);
    assert.match(toConfig[0]!.uri.path, /\/app\/configmap\.yaml$/);
    assert.equal(rangeText(toConfig[0]!.range), '3:8-3:18');

    const service = (await open('app/service.yaml')).document;
    const toPods = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', service.uri, positionOf(service, 'app: web', 6));
    assert.equal(toPods.length, 1);
    assert.match(toPods[0]!.uri.path, /\/app\/deployment\.yaml$/);
    assert.equal(rangeText(toPods[0]!.range), '11:6-11:12'); // the template's `labels`
  });

  it('finds the references to a ConfigMap and to a workload', async () => {
    const configMap = (await open('app/configmap.yaml')).document;
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', configMap.uri, positionOf(configMap, 'web-config', 2));
    assert.deepEqual(refs.map((r) => `${vscode.workspace.asRelativePath(r.uri)} ${rangeText(r.range)}`), ['app/deployment.yaml 19:22-19:32']);

    const deployment = (await open('app/deployment.yaml')).document;
    const selectors = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', deployment.uri, positionOf(deployment, 'name: web', 7));
    assert.ok(selectors.some((r) => r.uri.path.endsWith('/app/service.yaml') && rangeText(r.range) === '5:2-5:10'), JSON.stringify(selectors));
  });

  it('outlines a file: one symbol per resource, containers below', async () => {
    const { document } = await open('app/deployment.yaml');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const ours = symbols.filter((s) => s.name === 'Deployment web');
    assert.equal(ours.length, 1);
    assert.deepEqual(ours[0]!.children.map((c) => c.name), ['web']);
  });

  it('completes the names of ConfigMaps the workspace defines, and enum values', async () => {
    const { document } = await open('app/deployment.yaml');
    const at = positionOf(document, 'web-config', 0);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('web-config'), labels.slice(0, 20).join(', '));
    assert.ok(labels.includes('worker-config') === false, 'only ConfigMaps that exist');

    const cron = (await open('app/cronjob.yaml')).document;
    const values = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', cron.uri, positionOf(cron, 'OnFailure', 0));
    const valueLabels = values.items.filter((i) => i.kind === vscode.CompletionItemKind.EnumMember).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.deepEqual(valueLabels.sort(), ['Always', 'Never', 'OnFailure']);
  });

  it('completes field names from the schema, and values after a key', async () => {
    const { document } = await open('app/partial.yaml');
    const labelsAt = async (position: vscode.Position, kind: vscode.CompletionItemKind): Promise<string[]> => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      return list.items.filter((i) => i.kind === kind).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    };
    const fields = await labelsAt(new vscode.Position(7, 2), vscode.CompletionItemKind.Field); // the empty line under spec
    assert.ok(fields.includes('selector') && fields.includes('strategy') && fields.includes('minReadySeconds'), fields.join(', '));
    assert.ok(!fields.includes('containers'), 'fields of spec, not of the pod spec');
    const policies = await labelsAt(new vscode.Position(13, 27), vscode.CompletionItemKind.EnumMember);
    assert.deepEqual(policies.sort(), ['Always', 'IfNotPresent', 'Never']);
  });

  it('puts a CodeLens above each workload with where the simulation places its pods', async () => {
    const { document } = await open('app/deployment.yaml');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
    const kubeplan = lenses.filter((l) => l.command?.command === 'kubeplan.openDiagram');
    assert.equal(kubeplan.length, 1);
    assert.equal(kubeplan[0]!.range.start.line, 0);
    // 2 replicas, but the HorizontalPodAutoscaler of hpa/hpa.yaml owns it with minReplicas 1.
    assert.match(kubeplan[0]!.command!.title, /^1 pod → \S+$/);
    assert.deepEqual(kubeplan[0]!.command!.arguments, [{ kind: 'Deployment', name: 'web', namespace: 'default' }]);
  });
});
