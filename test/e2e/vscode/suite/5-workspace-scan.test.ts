/**
 * @fileoverview "Lint Workspace" on 10,000 files, generated into the workspace when the suite
 * runs: progress "n of N" up to the total, one scan even when asked twice, cancellation that
 * stops early and keeps what was published, an edit linted while the scan runs, and files it
 * cannot read (binary, vanished during the scan) counted. Order of events is asserted, never timings (they are only logged).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { KubePlanApi } from '../../../../src/vscode/extension';
import type { ScanProgress, ScanResult } from '../../../../src/vscode/workspace-scan';
import { activate, diagnostics, open, replaceText, revert, waitFor, waitForRule, workspaceUri } from './helpers';

const FOLDER = 'scan-10k';
const FILES = 10_000;
/** Every 500th file (from the 8th) is a Deployment with findings; the others are clean. */
const withFindings = (i: number): boolean => i % 500 === 7;

function manifest(i: number): string {
  const name = `res-${i}`;
  const namespace = `team-${i % 5}`;
  if (withFindings(i)) {
    return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n        - name: web\n          image: nginx:latest\n`;
  }
  switch (i % 4) {
    case 0: return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\ndata:\n  mode: production\n`;
    case 1: return `# a service account\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nautomountServiceAccountToken: false\n`;
    case 2: return `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nrules:\n  - apiGroups: [""]\n    resources: ["configmaps"]\n    verbs: ["get", "list"]\n`;
    default: return `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\ntype: Opaque\n`;
  }
}

/** The generated files: 100 folders of 100; the last two are a CI pipeline (not Kubernetes) and a binary file. */
const relative = (i: number): string => `${FOLDER}/d${String(Math.floor(i / 100)).padStart(2, '0')}/f${String(i).padStart(4, '0')}.yaml`;
const NOT_KUBERNETES = FILES - 2;
const BINARY = FILES - 1;
/** Deleted while the second scan runs, before its turn. */
const VANISHING = FILES - 3;

function generate(root: string): void {
  for (let i = 0; i < FILES; i++) {
    const file = path.join(root, relative(i));
    if (i % 100 === 0) fs.mkdirSync(path.dirname(file), { recursive: true });
    if (i === NOT_KUBERNETES) fs.writeFileSync(file, 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n');
    else if (i === BINARY) fs.writeFileSync(file, Buffer.from([0x61, 0x70, 0x69, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x6b, 0x69, 0x6e, 0x64]));
    else fs.writeFileSync(file, manifest(i));
  }
}

const generatedKey = (uri: vscode.Uri): boolean => uri.path.includes(`/${FOLDER}/`);

/** Records the scan's progress steps, and the generated files linted, until disposed. */
function record(api: KubePlanApi): { steps: ScanProgress[]; linted: Set<string>; dispose(): void } {
  const steps: ScanProgress[] = [];
  const linted = new Set<string>();
  const subscriptions = [
    api.service.onDidScan((p) => void steps.push(p)),
    api.service.onDidLint((e) => {
      if (generatedKey(e.uri)) linted.add(e.uri.toString());
    }),
  ];
  return { steps, linted, dispose: () => subscriptions.forEach((s) => s.dispose()) };
}

describe('workspace scan of 10,000 files', function () {
  this.timeout(180_000);
  let api: KubePlanApi;
  let root: string;

  before(async () => {
    api = await activate();
    await api.service.whenIndexed();
    root = workspaceUri('').fsPath;
    const t0 = Date.now();
    generate(root);
    console.log(`      generated ${FILES} files in ${Date.now() - t0} ms`);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(root, FOLDER), { recursive: true, force: true });
  });

  it('stops early when cancelled, and keeps the diagnostics of the files it linted', async () => {
    const seen = record(api);
    const source = new vscode.CancellationTokenSource();
    let cancelledAt = -1;
    let cancelTime = 0;
    const subscription = api.service.onDidScan((p) => {
      if (cancelledAt < 0 && p.done >= 2000) {
        cancelledAt = p.done;
        cancelTime = Date.now();
        source.cancel();
      }
    });
    const t0 = Date.now();
    let result: ScanResult;
    try {
      result = await api.service.lintWorkspace(source.token);
    } finally {
      subscription.dispose();
      seen.dispose();
    }
    console.log(`      cancelled at ${cancelledAt} files, ${Date.now() - t0} ms after the start; the scan returned ${Date.now() - cancelTime} ms after the cancellation (${JSON.stringify(result)})`);
    assert.ok(seen.steps.length > 1, 'progress was reported');
    assert.ok(result.cancelled, 'the scan says it was cancelled');
    assert.ok(cancelledAt >= 2000 && cancelledAt < result.files, `cancelled at ${cancelledAt} of ${result.files}`);
    const last = seen.steps[seen.steps.length - 1]!;
    assert.equal(last.done, cancelledAt, 'no batch ran after the cancellation');
    assert.ok(result.linted < FILES && seen.linted.size < FILES, `${result.linted} linted`);
    assert.equal(api.service.scanning, false);

    // The Deployments with findings: those linted keep their diagnostics, the others have none.
    let kept = 0;
    let untouched = 0;
    for (let i = 7; i < FILES; i += 500) {
      const uri = workspaceUri(relative(i));
      const found = diagnostics(uri, 'no-latest-image-tag').length;
      if (seen.linted.has(uri.toString())) {
        assert.equal(found, 1, `${relative(i)} was linted: its diagnostic stays`);
        kept++;
      } else {
        assert.equal(found, 0, `${relative(i)} was not linted`);
        untouched++;
      }
    }
    assert.ok(kept > 0 && untouched > 0, `${kept} kept, ${untouched} never linted`);
  });

  it('lints every file with progress "n of N" up to the total, one scan even when asked twice', async () => {
    const seen = record(api);
    const t0 = Date.now();
    const first = api.service.lintWorkspace();
    // Asked again (the command, as from the palette) while it runs: it joins the same scan.
    await new Promise<void>((resolve) => {
      const s = api.service.onDidScan((p) => {
        if (p.done > 0) {
          s.dispose();
          resolve();
        }
      });
    });
    assert.equal(api.service.scanning, true);
    // A file the scan found vanishes before its turn (files are scanned in path order: it is near the end).
    fs.rmSync(path.join(root, relative(VANISHING)));
    const second = vscode.commands.executeCommand<number>('kubeplan.lintWorkspace');
    const result = await first;
    const count = await second;
    const ms = Date.now() - t0;
    seen.dispose();
    console.log(`      ${result.files} files in ${ms} ms: ${Math.round((result.files * 1000) / ms)} files/s, ${seen.steps.length} progress steps (${JSON.stringify(result)})`);

    assert.equal(count, result.linted, 'the second request got the result of the same scan');
    assert.ok(result.files >= FILES, `${result.files} files found`);
    assert.equal(result.cancelled, false);
    assert.ok(result.unreadable >= 2, 'the binary file and the vanished one are counted as unreadable');
    assert.ok(result.skipped >= 1, 'the CI pipeline is skipped');
    assert.equal(result.linted + result.skipped + result.unreadable, result.files);
    assert.ok(seen.linted.size >= FILES - 3, `${seen.linted.size} generated files linted`);
    assert.equal(seen.linted.has(workspaceUri(relative(VANISHING)).toString()), false);

    // One scan: a single run of steps from 0 to the total, never going back.
    const dones = seen.steps.map((p) => p.done);
    assert.equal(dones[0], 0);
    assert.equal(dones[dones.length - 1], result.files);
    assert.ok(seen.steps.every((p) => p.total === result.files));
    assert.ok(dones.every((d, i) => i === 0 || d > dones[i - 1]!), 'counts increase at every step');
    assert.ok(seen.steps.length > 100, `${seen.steps.length} steps: reported batch by batch`);
    const percent = seen.steps.reduce((sum, p) => sum + p.increment, 0);
    assert.ok(Math.abs(percent - 100) < 1e-6, `increments add up to ${percent}`);

    for (let i = 7; i < FILES; i += 500) assert.equal(diagnostics(workspaceUri(relative(i)), 'no-latest-image-tag').length, 1, relative(i));
    assert.equal(diagnostics(workspaceUri(relative(8))).length, 0, 'a clean file has no diagnostics');
    assert.equal(diagnostics(workspaceUri(relative(BINARY))).length, 0);
    assert.equal(diagnostics(workspaceUri(relative(NOT_KUBERNETES))).length, 0);
  });

  it('lints an edit made while the scan runs before the scan ends', async () => {
    const { document } = await open('broken.yaml');
    await waitForRule(document.uri, 'no-latest-image-tag');
    const events: string[] = [];
    const subscriptions = [
      api.service.onDidScan((p) => void events.push(`scan ${p.done}/${p.total}`)),
      api.service.onDidLint((e) => {
        if (e.uri.toString() === document.uri.toString() && !e.findings.some((f) => f.ruleId === 'no-latest-image-tag')) events.push('edit linted');
      }),
    ];
    try {
      const scan = api.service.lintWorkspace().then((r) => {
        events.push('scan done');
        return r;
      });
      // The first batch ran; now type in the open document.
      await new Promise<void>((resolve) => {
        const s = api.service.onDidScan((p) => {
          if (p.done > 0) {
            s.dispose();
            resolve();
          }
        });
      });
      events.push('edit');
      await replaceText(document, 'nginx:latest', 'nginx:1.27.3');
      await waitForRule(document.uri, 'no-latest-image-tag', 0);
      const result = await scan;
      const edit = events.indexOf('edit');
      const linted = events.indexOf('edit linted');
      const done = events.indexOf('scan done');
      const between = events.slice(edit, linted).filter((e) => e.startsWith('scan ')).length;
      console.log(`      the edit was linted after ${between} more scan steps; ${events.filter((e) => e.startsWith('scan ')).length - between} steps in all`);
      assert.ok(edit >= 0 && linted > edit, 'the edit was linted');
      assert.ok(linted < done, `the edit's diagnostics came before the end of the scan: ${events.slice(Math.max(0, linted - 2), linted + 2).join(' / ')}`);
      const after = events.slice(linted, done).filter((e) => e.startsWith('scan '));
      assert.ok(after.length > 0, 'scan steps followed the edit\'s diagnostics');
      assert.equal(result.cancelled, false);
      assert.equal(events[done - 1], `scan ${result.files}/${result.files}`);
    } finally {
      subscriptions.forEach((s) => s.dispose());
      await revert(document);
    }
  });

  it('forgets the manifests of a deleted folder, and reads those of a folder moved in', async () => {
    const inIndex = (folder: string): boolean => api.service.core.paths.some((p) => p.includes(`/${folder}/`));
    const sample = workspaceUri(relative(7));
    assert.equal(diagnostics(sample, 'no-latest-image-tag').length, 1);
    // The file watcher reports one event for the folder, not one per file.
    fs.rmSync(path.join(root, FOLDER), { recursive: true, force: true });
    await waitFor('the deleted folder\'s files to leave the index', () => !inIndex(FOLDER));
    assert.equal(diagnostics(sample).length, 0, 'the diagnostics of a deleted file go');

    const outside = path.join(root, '..', `moved-in-${process.pid}`);
    fs.mkdirSync(path.join(outside, 'config'), { recursive: true });
    fs.writeFileSync(path.join(outside, 'config', 'settings.yaml'), manifest(0));
    fs.renameSync(outside, path.join(root, 'moved-in'));
    try {
      await waitFor('the moved folder\'s manifest in the index', () => api.service.core.getSource(workspaceUri('moved-in/config/settings.yaml').toString()));
    } finally {
      fs.rmSync(path.join(root, 'moved-in'), { recursive: true, force: true });
    }
    await waitFor('the moved folder to leave the index', () => !inIndex('moved-in'));
  });
});
