/**
 * @fileoverview The diagram webview in a real browser (Debian's chromium, playwright-core): the
 * built bundle on the panel's own page and CSP, fed ClusterView fixtures as the extension would.
 * Screenshots go to out/e2e/webview/ (look at them). Run with `npm run test:webview`.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { ClusterView } from '../../../src/protocol/cluster-view';
import { readdirSync } from 'node:fs';
import { lint } from '../../../src/core/lint';
import { parseFile } from '../../../src/core/source/parse';
import { findingBadges } from '../../../src/render/findings';
import { lineResolver, simulate } from '../../../src/sim';
import { syntheticView } from '../../fixtures/cluster-view/synthetic';
import { post, sent, showView, startHarness, type Harness } from './harness';

const ROOT = path.resolve(__dirname, '../../..');
const SHOTS = path.join(ROOT, 'out/e2e/webview');
const fixture = (name: string): ClusterView => JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/cluster-view', name), 'utf8')) as ClusterView;
/** The real simulation of a folder of manifests, with lint findings as badges (what the panel sends). */
function simulateFolder(folder: string): ClusterView {
  const files = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('.')).sort()
    .map((f) => ({ path: path.relative(ROOT, path.join(folder, f)), text: readFileSync(path.join(folder, f), 'utf8') }));
  const sources = files.map((f) => parseFile(f.path, f.text));
  const view = simulate(sources.flatMap((s) => s.manifests), { now: new Date('2026-01-01T00:00:00Z'), lineOf: lineResolver(sources) });
  for (const result of lint(files)) {
    const text = files.find((f) => f.path === result.path)!.text;
    view.findings.push(...findingBadges(result.findings, 'default', (f) => text.slice(0, f.range[0]).split('\n').length));
  }
  return view;
}
const count = (page: Page, selector: string): Promise<number> => page.locator(selector).count();
const attr = (page: Page, selector: string, name: string): Promise<string | null> => page.locator(selector).first().getAttribute(name);

describe('diagram webview (chromium)', function () {
  this.timeout(60_000);
  let harness: Harness;
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    harness = await startHarness();
  });
  after(async () => {
    await harness?.close();
  });

  async function checkClean(page: Page): Promise<void> {
    assert.deepEqual(await page.evaluate('window.__csp'), [], 'no Content-Security-Policy violation');
  }

  it('draws the nodes, pods, Pending lane, Services, workloads and finding badges of a small app', async () => {
    const page = await harness.open();
    await showView(page, fixture('small-app.json'));
    assert.equal(await count(page, 'g.kp-node'), 3);
    assert.equal(await count(page, '.kp-pod'), 8);
    assert.equal(await count(page, '.kp-pod.kp-pending'), 1);
    assert.equal(await count(page, 'g.kp-service'), 4);
    assert.equal(await count(page, 'g.kp-workload'), 5);
    assert.equal(await count(page, 'g.kp-ingress'), 1);
    assert.equal(await count(page, '.kp-taint'), 2);
    // Badges: the Ingress (error), the backend Deployment and the admin Service (warnings).
    assert.equal(await count(page, '.kp-badge.kp-error'), 1);
    assert.equal(await count(page, '.kp-badge.kp-warning'), 2);
    // The Pending pod tells the scheduler's reason on hover.
    await page.locator('.kp-pod.kp-pending').hover();
    await page.waitForSelector('.kp-tooltip:not([hidden])');
    assert.match(await page.locator('.kp-tooltip').textContent() ?? '', /reason: 0\/3 nodes are available: .*2 Insufficient cpu/);
    // Denied traffic is drawn in its own style, with the deciding policy on hover.
    assert.equal(await count(page, '.kp-layer-traffic path.kp-denied'), 1);
    assert.match(await page.locator('.kp-layer-traffic path.kp-denied > title').textContent() ?? '', /shop\/default-deny/);
    await page.screenshot({ path: path.join(SHOTS, 'small-app.png') });
    await checkClean(page);
    await page.context().close();
  });

  it('sends the source of a clicked element, and of a focused one on Enter', async () => {
    const page = await harness.open();
    await showView(page, fixture('small-app.json'));
    await page.locator('g.kp-pod[data-key="pod:shop/postgres-0"]').click();
    const reveal = (await sent(page)).filter((m) => m.type === 'reveal');
    assert.deepEqual(reveal.at(-1), { type: 'reveal', key: 'pod:shop/postgres-0', source: { file: 'examples/shop/postgres.yaml', line: 12 } });
    assert.match(await page.locator('.kp-details').textContent() ?? '', /Pod shop\/postgres-0/);

    await page.locator('g.kp-service[data-key="svc:shop/backend"]').focus();
    await page.keyboard.press('Enter');
    const last = (await sent(page)).filter((m) => m.type === 'reveal').at(-1);
    assert.deepEqual(last, { type: 'reveal', key: 'svc:shop/backend', source: { file: 'examples/shop/backend.yaml', line: 45 } });
    // Arrow keys move to the next element.
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate('document.activeElement.getAttribute("data-key")'), 'svc:shop/frontend');
    await page.context().close();
  });

  it('toggles the wiring layers', async () => {
    const page = await harness.open();
    await showView(page, fixture('small-app.json'));
    const visible = (layer: string): Promise<boolean> => page.locator(`.kp-layer-${layer}`).evaluate((e) => (e as unknown as { getAttribute(n: string): string | null }).getAttribute('display') !== 'none');
    assert.equal(await visible('traffic'), true);
    assert.equal(await visible('config'), false);
    await page.locator('input[data-layer="traffic"]').uncheck();
    await page.locator('input[data-layer="config"]').check();
    assert.equal(await visible('traffic'), false);
    assert.equal(await visible('config'), true);
    // One path per ConfigMap, Secret or claim, with a curve per pod that uses it (and claim → volume).
    const curves = await page.locator('.kp-layer-config path').evaluateAll((paths) => paths.map((p) => ((p as unknown as { getAttribute(n: string): string }).getAttribute('d').match(/M/g) ?? []).length));
    assert.deepEqual(curves.sort(), [1 + 1, 2, 3].sort());
    await page.screenshot({ path: path.join(SHOTS, 'small-app-config-layer.png') });
    await page.context().close();
  });

  it('searches by name, namespace and label, dimming the rest', async () => {
    const page = await harness.open();
    await showView(page, fixture('small-app.json'));
    await page.locator('input[data-control="search"]').fill('app=backend');
    assert.equal(await count(page, '.kp-pod:not(.kp-dim)'), 3);
    assert.match(await page.locator('.kp-count').textContent() ?? '', /4 match/); // 3 pods + the Service selecting app=backend
    await page.locator('input[data-control="search"]').fill('');
    await page.locator('select[data-control="namespace"]').selectOption('monitoring');
    assert.equal(await count(page, '.kp-pod:not(.kp-dim)'), 1);
    await page.context().close();
  });

  it('asks for a what-if simulation and an edit of the replicas', async () => {
    const page = await harness.open();
    await showView(page, fixture('small-app.json'));
    await page.locator('select[data-control="whatIfNode"]').selectOption('k3d-demo-agent-1');
    await page.locator('button[data-control="cordonNode"]').click();
    await page.locator('select[data-control="whatIfWorkload"]').selectOption('wl:Deployment:shop/backend');
    assert.equal(await page.locator('input[data-control="replicas"]').inputValue(), '3');
    await page.locator('input[data-control="replicas"]').fill('5');
    await page.locator('button[data-control="simulateReplicas"]').click();
    await page.locator('button[data-control="applyReplicas"]').click();
    const messages = await sent(page);
    const whatIfs = messages.filter((m) => m.type === 'whatIf');
    assert.deepEqual(whatIfs.at(-1), { type: 'whatIf', whatIf: { removeNodes: [], cordonNodes: ['k3d-demo-agent-1'], replicas: [{ workload: { kind: 'Deployment', name: 'backend', namespace: 'shop' }, replicas: 5 }] } });
    assert.deepEqual(messages.filter((m) => m.type === 'applyReplicas').at(-1), {
      type: 'applyReplicas', workload: { kind: 'Deployment', name: 'backend', namespace: 'shop' }, replicas: 5, source: { file: 'examples/shop/backend.yaml', line: 1 },
    });
    // The re-simulated view marks the cordoned node and says what moved.
    const view = fixture('small-app.json');
    view.nodes[2]!.unschedulable = true;
    view.whatIf = { removedNodes: [], cordonedNodes: ['k3d-demo-agent-1'], moved: [], newlyPending: [], servicesWithoutEndpoints: ['shop/postgres'] };
    await post(page, { type: 'view', view, locale: 'en', scope: 'workspace', whatIf: whatIfs.at(-1)!.whatIf as never });
    await page.waitForSelector('g.kp-node.kp-cordoned');
    assert.match(await page.locator('.kp-banner-info').textContent() ?? '', /shop\/postgres/);
    await page.context().close();
  });

  it('keeps the last picture with a banner while the manifests are broken, and highlights the editor selection', async () => {
    const page = await harness.open();
    await showView(page, fixture('small-app.json'));
    await post(page, { type: 'status', broken: 'examples/shop/backend.yaml:7: bad indentation' });
    await page.waitForSelector('.kp-banner[role="alert"]:not([hidden])');
    assert.match(await page.locator('.kp-banner[role="alert"]').textContent() ?? '', /bad indentation/);
    assert.equal(await count(page, 'g.kp-node'), 3);
    await post(page, { type: 'highlight', file: 'examples/shop/backend.yaml', startLine: 1, endLine: 44 });
    await page.waitForSelector('.kp-selected');
    // The Deployment and its three pods (the Service starts at line 45).
    assert.equal(await count(page, '.kp-selected'), 4);
    await post(page, { type: 'status', broken: null });
    await page.waitForSelector('.kp-banner[role="alert"][hidden]', { state: 'attached' });
    await page.context().close();
  });

  it('exports SVG and PNG through the extension', async () => {
    const page = await harness.open();
    await showView(page, fixture('small-app.json'));
    await page.locator('button[data-control="exportSvg"]').click();
    await page.locator('button[data-control="exportPng"]').click();
    await page.waitForFunction(() => (globalThis as unknown as { __sent: Array<{ type: string }> }).__sent.filter((m) => m.type === 'export').length === 2);
    const exports = (await sent(page)).filter((m) => m.type === 'export');
    assert.match(String(exports[0]!.data), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<style>[\s\S]*k3d-demo-agent-0/);
    assert.doesNotMatch(String(exports[0]!.data), /var\(--vscode/);
    assert.equal(exports[1]!.format, 'png');
    assert.equal(Buffer.from(String(exports[1]!.data), 'base64').subarray(1, 4).toString(), 'PNG');
    await checkClean(page);
    await page.context().close();
  });

  it('comes back as it was after being hidden and restored', async () => {
    const page = await harness.open();
    await showView(page, fixture('small-app.json'));
    await page.locator('input[data-layer="rbac"]').check();
    await page.locator('select[data-control="colorBy"]').selectOption('qos');
    await page.locator('input[data-control="search"]').fill('frontend');
    const state = await page.evaluate('window.__state');
    await page.context().close();

    const restored = await harness.open({ state });
    // Drawn from the saved state, before the extension sends anything.
    assert.equal(await count(restored, 'g.kp-node'), 3);
    assert.equal(await restored.locator('input[data-layer="rbac"]').isChecked(), true);
    assert.equal(await restored.locator('select[data-control="colorBy"]').inputValue(), 'qos');
    assert.equal(await restored.locator('input[data-control="search"]').inputValue(), 'frontend');
    assert.equal(await attr(restored, 'g.kp-pod[data-key="pod:shop/postgres-0"] rect', 'fill'), '#59a14f'); // Guaranteed
    await restored.context().close();
  });

  it('follows the VS Code theme: dark and high contrast', async () => {
    const themes: Record<string, Record<string, string>> = {
      dark: {
        '--vscode-editor-background': '#1e1e1e', '--vscode-editor-foreground': '#d4d4d4', '--vscode-foreground': '#cccccc',
        '--vscode-sideBar-background': '#252526', '--vscode-panel-border': '#454545', '--vscode-descriptionForeground': '#9d9d9d',
        '--vscode-button-background': '#0e639c', '--vscode-input-background': '#3c3c3c', '--vscode-editorWidget-background': '#252526',
        '--vscode-input-foreground': '#cccccc', '--vscode-dropdown-background': '#3c3c3c', '--vscode-dropdown-foreground': '#f0f0f0',
      },
      'high-contrast': {
        '--vscode-editor-background': '#000000', '--vscode-editor-foreground': '#ffffff', '--vscode-foreground': '#ffffff',
        '--vscode-sideBar-background': '#000000', '--vscode-panel-border': '#6fc3df', '--vscode-contrastBorder': '#6fc3df',
        '--vscode-descriptionForeground': '#ffffff', '--vscode-button-background': '#000000', '--vscode-button-border': '#6fc3df',
        '--vscode-focusBorder': '#f38518', '--vscode-editorWidget-background': '#0c141f',
        '--vscode-input-background': '#000000', '--vscode-input-foreground': '#ffffff', '--vscode-input-border': '#6fc3df',
        '--vscode-dropdown-background': '#000000', '--vscode-dropdown-foreground': '#ffffff', '--vscode-dropdown-border': '#6fc3df',
      },
    };
    for (const [name, vars] of Object.entries(themes)) {
      const page = await harness.open();
      // VS Code sets its theme as CSS variables on <html>; the CSP allows setting them through the CSSOM.
      await page.evaluate((v) => {
        const root = (globalThis as unknown as { document: { documentElement: { style: { setProperty(k: string, x: string): void } } } }).document.documentElement;
        for (const [k, x] of Object.entries(v)) root.style.setProperty(k, x);
      }, vars);
      await showView(page, fixture('small-app.json'));
      const card = await page.locator('g.kp-node .kp-node-card').first().evaluate((e) => (globalThis as unknown as { getComputedStyle(x: unknown): { fill: string } }).getComputedStyle(e).fill);
      assert.equal(card, name === 'dark' ? 'rgb(37, 37, 38)' : 'rgb(0, 0, 0)');
      if (name === 'high-contrast') {
        const stroke = await page.locator('g.kp-pod .kp-pod-fill').first().evaluate((e) => (globalThis as unknown as { getComputedStyle(x: unknown): { stroke: string } }).getComputedStyle(e).stroke);
        assert.equal(stroke, 'rgb(111, 195, 223)');
      }
      await page.screenshot({ path: path.join(SHOTS, `small-app-${name}.png`) });
      await checkClean(page);
      await page.context().close();
    }
  });

  it('speaks French when VS Code does', async () => {
    const page = await harness.open({ locale: 'fr' });
    await showView(page, fixture('small-app.json'), 'fr');
    assert.match(await page.locator('.kp-toolbar').textContent() ?? '', /Calques.*Trafic réseau.*Grouper par namespace/);
    assert.match(await page.locator('.kp-section-title').first().textContent() ?? '', /Nœuds/);
    await page.screenshot({ path: path.join(SHOTS, 'small-app-fr.png') });
    await page.context().close();
  });

  it('renders manifest strings as inert text (XSS)', async () => {
    const page = await harness.open();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await showView(page, fixture('xss.json'));
    await page.locator('input[data-layer="config"]').check();
    await page.locator('input[data-layer="rbac"]').check();
    await page.locator('.kp-pod').first().click();
    await page.locator('.kp-pod.kp-pending').click();
    await page.locator('select[data-control="whatIfNode"]').selectOption({ index: 1 });
    assert.equal(await page.evaluate('window.__xss'), undefined, 'no injected script ran');
    assert.deepEqual(dialogs, []);
    assert.equal(await count(page, '#app script, #app img, #app iframe, #app foreignObject, svg svg'), 0, 'no element was created from a manifest string');
    assert.equal(await count(page, '#app [onerror], #app [onload], #app [href], #app [src]'), 0);
    // The strings are there, as text.
    await page.locator('g.kp-node').hover({ position: { x: 150, y: 60 } });
    assert.match(await page.locator('.kp-tooltip').textContent() ?? '', /Node node-<img src=x onerror="window.__xss=2">/);
    assert.match(await page.locator('.kp-details').textContent() ?? '', /<svg onload="window.__xss=4"><\/svg>/);
    const options = await page.locator('select[data-control="whatIfNode"] option').allTextContents();
    assert.ok(options.includes('node-<img src=x onerror="window.__xss=2">'));
    await page.screenshot({ path: path.join(SHOTS, 'xss.png') });
    await checkClean(page);
    await page.context().close();
  });

  it('ignores malformed messages', async () => {
    const page = await harness.open();
    await showView(page, fixture('small-app.json'));
    await page.evaluate(`window.postMessage({ type: 'view', view: { version: 1, nodes: 'oops' }, locale: 'en', scope: '' }, '*')`);
    await page.evaluate(`window.postMessage({ type: 'status', broken: { html: '<b>x</b>' } }, '*')`);
    await page.evaluate(`window.postMessage('<script>', '*')`);
    assert.equal(await count(page, 'g.kp-node'), 3);
    assert.equal(await page.locator('.kp-banner[role="alert"]').isHidden(), true);
    await page.context().close();
  });

  it('draws the real simulation of the examples and of microservices-demo', async () => {
    const cases: Array<[string, string]> = [
      ['examples/dockercoins', 'dockercoins'], ['examples/hardened', 'hardened'], ['../shared/corpus/microservices-demo', 'microservices-demo'],
    ];
    for (const [folder, name] of cases) {
      const absolute = path.resolve(ROOT, folder);
      if (name === 'microservices-demo' && !existsSync(absolute)) continue;
      const view = simulateFolder(absolute);
      const page = await harness.open();
      await showView(page, view);
      assert.equal(await count(page, 'g.kp-node'), view.nodes.length, name);
      assert.equal(await count(page, '.kp-pod'), view.pods.length, name);
      assert.equal(await count(page, 'g.kp-service'), view.services.length, name);
      assert.equal(await count(page, 'g.kp-workload'), view.workloads.length, name);
      assert.ok(view.pods.length > 5, name);
      // Click the first pod: the message carries the source of the manifest that made it.
      const pod = view.pods.find((p) => p.node !== null)!;
      await page.locator(`.kp-pod[data-key="pod:${pod.namespace}/${pod.name}"]`).click();
      const reveal = (await sent(page)).filter((m) => m.type === 'reveal').at(-1) as { source: { file: string; line: number } };
      assert.deepEqual(reveal.source, pod.source);
      assert.ok(existsSync(path.resolve(ROOT, reveal.source.file)), reveal.source.file);
      await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
      await checkClean(page);
      await page.context().close();
    }
  });

  it('stays readable with 2,000 pods', async () => {
    const page = await harness.open({ width: 1600, height: 1000 });
    await showView(page, syntheticView(2000));
    assert.equal(await count(page, 'rect.kp-pod'), 2000);
    await page.screenshot({ path: path.join(SHOTS, 'pods-2000.png') });
    await page.locator('input[data-control="search"]').fill('ns:payments');
    await page.screenshot({ path: path.join(SHOTS, 'pods-2000-search.png') });
    await checkClean(page);
    await page.context().close();
  });
});
