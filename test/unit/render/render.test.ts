import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DOMParser } from 'linkedom';
import type { ClusterView } from '../../../src/protocol/cluster-view';
import { renderSvg, svgToPng } from '../../../src/render/render';
import { syntheticView } from '../../fixtures/cluster-view/synthetic';

const fixture = (name: string): ClusterView =>
  JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/cluster-view', name), 'utf8')) as ClusterView;

interface El {
  querySelectorAll(s: string): ArrayLike<El>;
  getAttribute(n: string): string | null;
  textContent: string | null;
}
const parse = (svg: string): El => (new DOMParser().parseFromString(svg.replace(/^<\?xml[^>]*>\n/, ''), 'image/svg+xml') as unknown as { documentElement: El }).documentElement;
const texts = (root: El, selector: string): string[] => Array.from(root.querySelectorAll(selector)).map((e) => e.textContent ?? '');

describe('kubeplan render (headless SVG)', () => {
  it('draws the nodes, pods, Services and the Pending lane with hover titles', () => {
    const svg = renderSvg(fixture('small-app.json'));
    assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
    const root = parse(svg);
    assert.equal(root.getAttribute('xmlns'), 'http://www.w3.org/2000/svg');
    assert.match(root.getAttribute('viewBox') ?? '', /^0 0 \d+ \d+$/);
    assert.deepEqual(texts(root, 'g.kp-node > .kp-node-title'), ['k3d-demo-server-0', 'k3d-demo-agent-0', 'k3d-demo-agent-1']);
    assert.equal(root.querySelectorAll('g.kp-pod').length, 8);
    assert.equal(root.querySelectorAll('g.kp-service').length, 4);
    const pendingTitle = texts(root, 'g.kp-pod.kp-pending > title')[0] ?? '';
    assert.match(pendingTitle, /reason: 0\/3 nodes are available: 1 node\(s\) had untolerated taint/);
    // The CPU bar of the busy node is flagged (1.8 of 2 CPUs requested).
    assert.equal(root.querySelectorAll('g[data-key="node:k3d-demo-agent-1"] .kp-bar-fill.kp-high').length, 1);
    // Badges count errors and warnings.
    assert.deepEqual(texts(root, 'g[data-key="ing:shop/shop"] .kp-badge text'), ['1']);
    assert.equal(root.querySelectorAll('g[data-key="ing:shop/shop"] .kp-badge.kp-error').length, 1);
  });

  it('draws only the layers asked for, with the policy that denies traffic on hover', () => {
    const root = parse(renderSvg(fixture('small-app.json'), { layers: ['traffic'] }));
    assert.deepEqual(Array.from(root.querySelectorAll('.kp-layer')).map((g) => g.getAttribute('data-layer')), ['traffic']);
    assert.match(texts(root, 'path.kp-denied > title')[0] ?? '', /Deployment\/shop\/frontend → StatefulSet\/shop\/postgres: denied\n5432\/TCP via Service\/postgres – denied on the ingress side – policies: shop\/default-deny/);
    assert.throws(() => renderSvg(fixture('small-app.json'), { layers: ['nope' as never] }), /unknown layer: nope/);
  });

  it('keeps manifest strings as text: no element or attribute comes from them', () => {
    const svg = renderSvg(fixture('xss.json'), { layers: ['ingress', 'services', 'traffic', 'config', 'rbac', 'owners'] });
    assert.doesNotMatch(svg, /<script|<img|<iframe|<foreignObject|<svg onload/i);
    assert.match(svg, /&lt;script&gt;window.__xss=1&lt;\/script&gt;/);
    const root = parse(svg);
    assert.equal(root.querySelectorAll('script, img, foreignObject, svg svg').length, 0);
    const attributes = Array.from(root.querySelectorAll('*')).flatMap((e) => Array.from((e as unknown as { attributes: ArrayLike<{ name: string }> }).attributes).map((a) => a.name));
    assert.deepEqual(attributes.filter((a) => /^on|href$/i.test(a)), []);
    assert.ok(texts(root, 'title').some((t) => t.includes('<img src=x onerror="window.__xss=2">')));
  });

  it('speaks French', () => {
    const root = parse(renderSvg(fixture('small-app.json'), { locale: 'fr-FR' }));
    assert.deepEqual(texts(root, '.kp-section-title').slice(0, 2), ['Nœuds', 'En attente (Pending) (1)']);
    assert.ok(texts(root, '.kp-band-title').includes('Charges de travail'));
  });

  it('colours pods by QoS or state, and themes the picture', () => {
    const qos = parse(renderSvg(fixture('small-app.json'), { colorBy: 'qos' }));
    assert.equal(Array.from(qos.querySelectorAll('g[data-key="pod:shop/postgres-0"] rect'))[0]!.getAttribute('fill'), '#59a14f');
    assert.deepEqual(texts(qos, '.kp-legend text'), ['BestEffort', 'Burstable', 'Guaranteed', 'colour: QoS class']);
    const dark = parse(renderSvg(fixture('small-app.json'), { theme: 'dark' }));
    const background = Array.from(dark.querySelectorAll('rect'))[0]!;
    assert.equal(background.getAttribute('fill'), '#1e1e1e');
    assert.equal(background.getAttribute('width'), '100%');
  });

  it('is deterministic', () => {
    assert.equal(renderSvg(syntheticView(200)), renderSvg(syntheticView(200)));
  });

  it('turns the SVG into a PNG', async () => {
    const png = await svgToPng(renderSvg(fixture('small-app.json')));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Width from the IHDR chunk: the SVG's own width at scale 1.
    const width = Buffer.from(png).readUInt32BE(16);
    const svgWidth = Number(/width="(\d+)"/.exec(renderSvg(fixture('small-app.json')))![1]);
    assert.equal(width, svgWidth);
  });
});
