import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ClusterView } from '../../../src/protocol/cluster-view';
import { DETAIL_LIMIT, connect, layoutView, type Box } from '../../../webview/diagram/layout';
import { syntheticView } from '../../fixtures/cluster-view/synthetic';

const fixture = (name: string): ClusterView =>
  JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/cluster-view', name), 'utf8')) as ClusterView;

const inside = (inner: Box, outer: Box): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
const overlap = (a: Box, b: Box): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('diagram layout', () => {
  it('puts every placed pod inside its node card and the others in the Pending lane', () => {
    const view = fixture('small-app.json');
    const layout = layoutView(view, { groupByNamespace: false });
    assert.equal(layout.nodes.length, 3);
    for (const node of layout.nodes) {
      for (const pod of node.pods) {
        assert.equal(pod.pod.node, node.name);
        assert.ok(inside(pod, node), `${pod.key} inside ${node.key}`);
      }
    }
    assert.deepEqual(layout.pending.pods.map((p) => p.pod.name), ['backend-58f7c9d6b-zz8rt']);
    assert.ok(inside(layout.pending.pods[0]!, layout.pending));
    assert.equal(layout.nodes.flatMap((n) => n.pods).length + layout.pending.pods.length, view.pods.length);
    assert.equal(layout.detailed, true);
  });

  it('never overlaps two pods, two nodes or two items of a band', () => {
    for (const view of [fixture('small-app.json'), syntheticView(500)]) {
      const layout = layoutView(view, { groupByNamespace: true });
      const pods = [...layout.nodes.flatMap((n) => n.pods), ...layout.pending.pods];
      for (let i = 1; i < pods.length; i++) {
        const a = pods[i - 1]!;
        const b = pods[i]!;
        assert.ok(!overlap(a, b), `${a.key} / ${b.key}`);
      }
      for (let i = 0; i < layout.nodes.length; i++) {
        for (let j = i + 1; j < layout.nodes.length; j++) assert.ok(!overlap(layout.nodes[i]!, layout.nodes[j]!));
      }
      for (const band of layout.bands) {
        for (let i = 1; i < band.items.length; i++) assert.ok(!overlap(band.items[i - 1]!, band.items[i]!), band.items[i]!.key);
      }
      // Bands, nodes and the Pending lane stack from top to bottom without overlapping.
      const blocks: Box[] = [...layout.bands, ...layout.nodes, layout.pending];
      for (let i = 0; i < blocks.length; i++) {
        for (let j = i + 1; j < blocks.length; j++) {
          if (layout.nodes.includes(blocks[i] as never) && layout.nodes.includes(blocks[j] as never)) continue;
          assert.ok(!overlap(blocks[i]!, blocks[j]!), `block ${i} / ${j}`);
        }
      }
    }
  });

  it('draws many pods as small squares and few as labelled pills', () => {
    assert.equal(layoutView(syntheticView(DETAIL_LIMIT), { groupByNamespace: false }).detailed, true);
    const big = layoutView(syntheticView(2000), { groupByNamespace: false });
    assert.equal(big.detailed, false);
    assert.equal(big.nodes.flatMap((n) => n.pods).length + big.pending.pods.length, 2000);
    assert.ok(big.nodes.flatMap((n) => n.pods).every((p) => p.w === 10 && p.h === 10));
  });

  it('is deterministic', () => {
    const a = layoutView(syntheticView(300), { groupByNamespace: true });
    const b = layoutView(syntheticView(300), { groupByNamespace: true });
    assert.deepEqual(JSON.parse(JSON.stringify({ ...a, boxes: [...a.boxes] })), JSON.parse(JSON.stringify({ ...b, boxes: [...b.boxes] })));
  });

  it('groups pods under a namespace label when asked', () => {
    const view = fixture('small-app.json');
    const agent0 = (group: boolean) => layoutView(view, { groupByNamespace: group }).nodes.find((n) => n.name === 'k3d-demo-agent-0')!;
    assert.deepEqual(agent0(false).groupLabels, []);
    assert.deepEqual(agent0(true).groupLabels.map((l) => l.text), ['monitoring', 'shop']);
  });

  it('keeps each namespace together in a band when grouping', () => {
    const storage = layoutView(fixture('small-app.json'), { groupByNamespace: true }).bands.find((b) => b.id === 'storage')!;
    assert.deepEqual(storage.items.map((i) => i.namespace ?? ''), ['', 'shop', 'shop', 'shop']);
    assert.deepEqual(storage.groupLabels.map((l) => l.text), ['', 'shop']);
  });

  it('routes each wiring to the boxes of its ends, in its layer', () => {
    const layout = layoutView(fixture('small-app.json'), { groupByNamespace: false });
    const pairs = (layer: string) => layout.edges.filter((e) => e.layer === layer).map((e) => `${e.from} -> ${e.to}`).sort();
    assert.deepEqual(pairs('ingress'), [
      'ext -> ing:shop/shop', 'ext -> svc:shop/admin', 'ing:shop/shop -> svc:shop/backend', 'ing:shop/shop -> svc:shop/frontend',
    ]);
    assert.deepEqual(pairs('services'), [
      'svc:shop/backend -> pod:shop/backend-58f7c9d6b-4hq2m', 'svc:shop/backend -> pod:shop/backend-58f7c9d6b-9lmcv',
      'svc:shop/frontend -> pod:shop/frontend-6c8b9d7f4-p7wzt', 'svc:shop/frontend -> pod:shop/frontend-6c8b9d7f4-x2k9q',
      'svc:shop/postgres -> pod:shop/postgres-0',
    ]);
    const traffic = layout.edges.filter((e) => e.layer === 'traffic');
    assert.deepEqual(traffic.map((e) => `${e.from} -> ${e.to} ${e.style}`).sort(), [
      'ext -> wl:Deployment:shop/frontend allowed',
      'wl:Deployment:shop/backend -> dns allowed',
      'wl:Deployment:shop/backend -> wl:StatefulSet:shop/postgres allowed',
      'wl:Deployment:shop/frontend -> wl:Deployment:shop/backend allowed',
      'wl:Deployment:shop/frontend -> wl:StatefulSet:shop/postgres denied',
    ]);
    assert.ok(pairs('config').includes('vol:PersistentVolumeClaim:shop/data-postgres-0 -> vol:PersistentVolume:/pvc-1f2e3d'));
    assert.ok(pairs('rbac').includes('sa:shop/backend -> wl:Deployment:shop/backend'));
    assert.ok(pairs('owners').includes('hpa:shop/frontend -> wl:Deployment:shop/frontend'));
    for (const e of layout.edges) {
      assert.ok(layout.boxes.has(e.from) && layout.boxes.has(e.to), `${e.from} -> ${e.to}`);
      assert.match(e.d, /^M[\d.-]+,[\d.-]+[CQ]/);
    }
  });

  it('draws a ghost card for a node the what-if removed', () => {
    const view = fixture('small-app.json');
    view.whatIf = { removedNodes: ['k3d-demo-agent-9'], cordonedNodes: ['k3d-demo-agent-1'], moved: [], newlyPending: [], servicesWithoutEndpoints: [] };
    const layout = layoutView(view, { groupByNamespace: false });
    const states = Object.fromEntries(layout.nodes.map((n) => [n.name, n.state]));
    assert.deepEqual(states, { 'k3d-demo-server-0': 'ready', 'k3d-demo-agent-0': 'ready', 'k3d-demo-agent-1': 'cordoned', 'k3d-demo-agent-9': 'removed' });
  });

  it('connects boxes downwards, upwards and side by side', () => {
    const a = { x: 0, y: 0, w: 100, h: 40 };
    assert.equal(connect(a, { x: 200, y: 100, w: 100, h: 40 }), 'M50,40C50,70 250,70 250,100');
    assert.equal(connect({ x: 200, y: 100, w: 100, h: 40 }, a), 'M250,100C250,70 50,70 50,40');
    assert.match(connect(a, { x: 200, y: 0, w: 100, h: 40 }), /^M50,0Q150,-\d+(\.\d)? 250,0$/);
  });
});
