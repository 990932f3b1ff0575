import * as assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../../src/core/model/workspace-index';
import { parseFile } from '../../../src/core/source/parse';

const pod = (name: string, namespace: string, labels: Record<string, string | number>): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n  labels:\n${Object.entries(labels).map(([k, v]) => `    ${k}: ${typeof v === 'number' ? v : `"${v}"`}\n`).join('')}spec:\n  containers:\n  - name: c\n    image: nginx:1.27\n`;

function indexOf(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [path, text] of Object.entries(files)) index.setFile(path, parseFile(path, text).manifests);
  return index;
}

const names = (holders: ReadonlyArray<{ manifest: { name: string } }>): string[] => holders.map((h) => h.manifest.name);

describe('WorkspaceIndex selectors (looked up by their first required label)', () => {
  const index = indexOf({
    'a.yaml': [pod('web-1', 'shop', { app: 'web', tier: 'front' }), pod('api', 'shop', { app: 'api', tier: 'back' }), pod('web-2', 'shop', { app: 'web', tier: 'back' })].join('---\n'),
    'b.yaml': [pod('web-3', 'blog', { app: 'web', tier: 'front' }), pod('v1', 'blog', { version: 1 })].join('---\n'),
  });

  it('a map selector selects the templates carrying all its labels, in input order; an empty one selects nothing', () => {
    assert.deepEqual(names(index.selectWithMap('shop', { app: 'web' })), ['web-1', 'web-2']);
    assert.deepEqual(names(index.selectWithMap('shop', { app: 'web', tier: 'back' })), ['web-2']);
    assert.deepEqual(names(index.selectWithMap('shop', { tier: 'back', app: 'web' })), ['web-2']);
    assert.deepEqual(names(index.selectWithMap('shop', { app: 'nope' })), []);
    assert.deepEqual(names(index.selectWithMap('shop', {})), []);
    assert.deepEqual(names(index.selectWithMap('blog', { version: 1 })), ['v1'], 'a number in a selector matches the label as a string');
  });

  it('a LabelSelector: matchLabels and matchExpressions together, expressions alone, and the empty selector', () => {
    assert.deepEqual(names(index.selectWithLabelSelector('shop', { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] })), ['web-2']);
    assert.deepEqual(names(index.selectWithLabelSelector('shop', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['back'] }] })), ['api', 'web-2']);
    assert.deepEqual(names(index.selectWithLabelSelector('shop', {})), ['web-1', 'api', 'web-2']);
    assert.deepEqual(names(index.selectWithLabelSelector('shop', 'not a selector')), []);
  });

  it('every namespace at once when no namespace is given', () => {
    assert.deepEqual(names(index.selectWithLabelSelector(undefined, { matchLabels: { tier: 'front' } })), ['web-1', 'web-3']);
    assert.deepEqual(names(index.selectWithLabelSelector(undefined, { matchLabels: { app: 'web', tier: 'front' } })), ['web-1', 'web-3']);
  });

  it('the first selected template, passing over those the caller skips', () => {
    assert.equal(index.firstWithLabelSelector('shop', { matchLabels: { tier: 'back' } })?.manifest.name, 'api');
    assert.equal(index.firstWithLabelSelector(undefined, { matchLabels: { app: 'web' } }, (h) => h.namespace === 'shop')?.manifest.name, 'web-3');
    assert.equal(index.firstWithLabelSelector('blog', { matchLabels: { app: 'api' } }), undefined);
    assert.equal(index.firstWithLabelSelector('shop', { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }), undefined);
  });

  it('follows the files: a template whose labels change is found under its new labels only', () => {
    const live = indexOf({ 'a.yaml': pod('web', 'shop', { app: 'web' }) });
    assert.deepEqual(names(live.selectWithMap('shop', { app: 'web' })), ['web']);
    assert.deepEqual(names(live.selectWithLabelSelector(undefined, { matchLabels: { app: 'web' } })), ['web']);
    live.setFile('a.yaml', parseFile('a.yaml', pod('web', 'shop', { app: 'www' })).manifests);
    assert.deepEqual(names(live.selectWithMap('shop', { app: 'web' })), []);
    assert.deepEqual(names(live.selectWithLabelSelector(undefined, { matchLabels: { app: 'web' } })), []);
    assert.deepEqual(names(live.selectWithMap('shop', { app: 'www' })), ['web']);
    live.setFile('b.yaml', parseFile('b.yaml', pod('other', 'shop', { app: 'www' })).manifests);
    assert.deepEqual(names(live.selectWithMap('shop', { app: 'www' })), ['web', 'other']);
  });
});
