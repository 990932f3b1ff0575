import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ClusterView } from '../../../src/protocol/cluster-view';
import { isClusterView, parseFromWebview, parseToWebview } from '../../../src/protocol/messages';

const fixture = (name: string): ClusterView =>
  JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/cluster-view', name), 'utf8')) as ClusterView;

describe('extension <-> webview messages', () => {
  it('accepts the fixtures as ClusterViews and rejects broken ones', () => {
    assert.equal(isClusterView(fixture('small-app.json')), true);
    assert.equal(isClusterView(fixture('xss.json')), true);
    assert.equal(isClusterView({ ...fixture('small-app.json'), version: 2 }), false);
    assert.equal(isClusterView({ ...fixture('small-app.json'), nodes: 'oops' }), false);
    const badPod = fixture('small-app.json');
    (badPod.pods[0] as unknown as { node: number }).node = 3;
    assert.equal(isClusterView(badPod), false);
    const badSource = fixture('small-app.json');
    (badSource.services[0] as unknown as { source: unknown }).source = { file: 1 };
    assert.equal(isClusterView(badSource), false);
  });

  it('validates what the extension sends', () => {
    const view = fixture('small-app.json');
    assert.deepEqual(parseToWebview({ type: 'view', view, locale: 'fr', scope: 'workspace' }), { type: 'view', view, locale: 'fr', scope: 'workspace' });
    assert.equal(parseToWebview({ type: 'view', view, locale: 'fr' }), null);
    assert.deepEqual(parseToWebview({ type: 'status', broken: null }), { type: 'status', broken: null });
    assert.equal(parseToWebview({ type: 'status', broken: { html: '<b>' } }), null);
    assert.deepEqual(parseToWebview({ type: 'highlight', file: 'a.yaml', startLine: 1, endLine: 4 }), { type: 'highlight', file: 'a.yaml', startLine: 1, endLine: 4 });
    assert.equal(parseToWebview({ type: 'highlight', file: 'a.yaml', startLine: '1', endLine: 4 }), null);
    assert.equal(parseToWebview({ type: 'eval', code: 'x' }), null);
    assert.equal(parseToWebview('<script>'), null);
    assert.equal(parseToWebview(null), null);
  });

  it('validates what the webview sends, keeping only the known fields', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready', extra: 1 }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'reveal', key: 'pod:a/b', source: { file: 'a.yaml', line: 3 }, command: 'rm -rf' }),
      { type: 'reveal', key: 'pod:a/b', source: { file: 'a.yaml', line: 3 } });
    assert.equal(parseFromWebview({ type: 'reveal', key: 'x', source: { file: 'a.yaml', line: 'three' } }), null);
    const whatIf = { removeNodes: ['n1'], cordonNodes: [], replicas: [{ workload: { kind: 'Deployment', name: 'web', namespace: 'shop' }, replicas: 3 }] };
    assert.deepEqual(parseFromWebview({ type: 'whatIf', whatIf }), { type: 'whatIf', whatIf });
    assert.equal(parseFromWebview({ type: 'whatIf', whatIf: { ...whatIf, replicas: [{ workload: { kind: 'Deployment', name: 'web' }, replicas: -1 }] } }), null);
    assert.equal(parseFromWebview({ type: 'whatIf', whatIf: { ...whatIf, replicas: [{ workload: { kind: 'Deployment', name: 'web' }, replicas: 1.5 }] } }), null);
    assert.deepEqual(parseFromWebview({ type: 'applyReplicas', workload: { kind: 'Deployment', name: 'web' }, replicas: 4, source: { file: 'a.yaml', line: 1 } }),
      { type: 'applyReplicas', workload: { kind: 'Deployment', name: 'web' }, replicas: 4, source: { file: 'a.yaml', line: 1 } });
    assert.equal(parseFromWebview({ type: 'applyReplicas', workload: { kind: 'Deployment', name: 'web' }, replicas: 100000, source: { file: 'a.yaml', line: 1 } }), null);
    assert.deepEqual(parseFromWebview({ type: 'export', format: 'svg', data: '<svg/>' }), { type: 'export', format: 'svg', data: '<svg/>' });
    assert.equal(parseFromWebview({ type: 'export', format: 'html', data: '<svg/>' }), null);
    assert.equal(parseFromWebview({ type: 'openExternal', url: 'javascript:alert(1)' }), null);
  });
});
