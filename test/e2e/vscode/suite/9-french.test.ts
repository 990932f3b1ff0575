/**
 * @fileoverview French: with `kubeplan.language` set to `fr`, rule messages and action titles
 * are in French (the course this product serves is French). Runs last: it changes a setting.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, diagnostics, open, positionOf, quickFixes, waitFor } from './helpers';

describe('French', () => {
  before(async () => {
    await activate();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('kubeplan').update('language', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('speaks French when kubeplan.language is fr: messages, action titles, rule docs', async () => {
    const { document } = await open('duplicate.yaml');
    await vscode.workspace.getConfiguration('kubeplan').update('language', 'fr', vscode.ConfigurationTarget.Workspace);
    const [duplicate] = await waitFor('a French message', () => {
      const found = diagnostics(document.uri, 'yaml-duplicate-key');
      return found.length && found[0]!.message.startsWith('La clé') ? found : undefined;
    });
    assert.equal(duplicate!.message, 'La clé « MODE » apparaît deux fois dans ce mapping : une seule des valeurs serait utilisée. Supprimez ou fusionnez le doublon.');
    const titles = (await quickFixes(document.uri, duplicate!)).map((a) => a.title);
    assert.ok(titles.includes('Désactiver yaml-duplicate-key pour cette ligne'), titles.join(' | '));
    assert.ok(titles.includes('Afficher la documentation de yaml-duplicate-key'), titles.join(' | '));
    const broken = (await open('broken.yaml')).document;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', broken.uri, positionOf(broken, 'replicas', 2));
    const hover = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(hover, /`replicas` · integer · facultatif/);
    const cron = (await open('app/cronjob.yaml')).document;
    const cronHovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', cron.uri, positionOf(cron, '30 2 * * 1', 2));
    const cronText = cronHovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(cronText, /À 02:30, uniquement le lundi/);
    assert.match(cronText, /Prochaines exécutions \(UTC\)/);
    const page = await vscode.workspace.openTextDocument(vscode.Uri.parse('kubeplan-rule:/yaml-duplicate-key.md?fr'));
    assert.match(page.getText(), /\*\*Les clés d’un mapping doivent être uniques\*\*/);
    assert.match(page.getText(), /## Pourquoi c’est important/);
  });
});
