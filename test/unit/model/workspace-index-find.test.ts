import * as assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../../src/core/model/workspace-index';
import { parseFile, type Manifest } from '../../../src/core/source/parse';

const doc = (kind: string, name: string, namespace?: string, apiVersion = 'v1'): string =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}`;
const manifests = (file: string, ...docs: string[]): Manifest[] => parseFile(file, docs.join('---\n')).manifests;
/** Where each manifest `find` returned comes from: `file#document`. */
const where = (found: readonly Manifest[]): string[] => found.map((m) => `${m.file}#${m.docIndex}`);

describe('WorkspaceIndex.find', () => {
  it('finds the manifests of one kind, namespace and name among those sharing the name, in input order', () => {
    const index = new WorkspaceIndex();
    index.setFile('a.yaml', manifests('a.yaml', doc('ConfigMap', 'web'), doc('Service', 'web'), doc('ConfigMap', 'web', 'prod')));
    index.setFile('b.yaml', manifests('b.yaml', doc('Service', 'web', 'default'), doc('ConfigMap', 'web', 'default')));
    assert.deepEqual(where(index.find('ConfigMap', 'default', 'web')), ['a.yaml#0', 'b.yaml#1'], 'no namespace is the default one');
    assert.deepEqual(where(index.find('Service', 'default', 'web')), ['a.yaml#1', 'b.yaml#0']);
    assert.deepEqual(where(index.find('ConfigMap', 'prod', 'web')), ['a.yaml#2']);
    assert.deepEqual(where(index.find('ConfigMap', 'dev', 'web')), []);
    assert.deepEqual(where(index.find('Secret', 'default', 'web')), []);
    assert.deepEqual(where(index.find('ConfigMap', 'default', 'api')), []);
  });

  it('ignores the namespace of a cluster-scoped kind, asked or written', () => {
    const index = new WorkspaceIndex();
    index.setFile('ns.yaml', manifests('ns.yaml', doc('Namespace', 'prod'), doc('ClusterRole', 'reader', 'prod', 'rbac.authorization.k8s.io/v1')));
    assert.deepEqual(where(index.find('Namespace', undefined, 'prod')), ['ns.yaml#0']);
    assert.deepEqual(where(index.find('Namespace', 'default', 'prod')), ['ns.yaml#0']);
    assert.deepEqual(where(index.find('ClusterRole', 'kube-system', 'reader')), ['ns.yaml#1']);
  });

  it('follows edits and deletions after a tree is loaded whole, and after small edits', () => {
    const index = new WorkspaceIndex();
    // More than 64 names at once: the index re-lists everything instead of name by name.
    for (let i = 0; i < 100; i++) index.setFile(`app-${i}.yaml`, manifests(`app-${i}.yaml`, doc('ConfigMap', `config-${i}`), doc('ConfigMap', 'shared')));
    assert.equal(index.find('ConfigMap', 'default', 'shared').length, 100);
    assert.deepEqual(where(index.find('ConfigMap', 'default', 'config-7')), ['app-7.yaml#0']);

    // Then a few names at a time, as the editor changes files.
    index.setFile('app-7.yaml', manifests('app-7.yaml', doc('ConfigMap', 'renamed'), doc('ConfigMap', 'shared')));
    assert.deepEqual(where(index.find('ConfigMap', 'default', 'config-7')), []);
    assert.deepEqual(where(index.find('ConfigMap', 'default', 'renamed')), ['app-7.yaml#0']);
    assert.equal(index.find('ConfigMap', 'default', 'shared').length, 100);

    index.deleteFile('app-3.yaml');
    assert.deepEqual(where(index.find('ConfigMap', 'default', 'config-3')), []);
    const shared = where(index.find('ConfigMap', 'default', 'shared'));
    assert.equal(shared.length, 99);
    assert.deepEqual(shared.slice(0, 4), ['app-0.yaml#1', 'app-1.yaml#1', 'app-2.yaml#1', 'app-4.yaml#1'], 'still in file order');

    index.setFile('app-8.yaml', manifests('app-8.yaml', doc('ConfigMap', 'config-8', 'prod')));
    assert.deepEqual(where(index.find('ConfigMap', 'default', 'config-8')), []);
    assert.deepEqual(where(index.find('ConfigMap', 'prod', 'config-8')), ['app-8.yaml#0']);
    assert.equal(index.find('ConfigMap', 'default', 'shared').length, 98);
  });

  it('records a read of the key it looks up, so that a change to that object makes the reader stale', () => {
    const index = new WorkspaceIndex();
    index.setFile('a.yaml', manifests('a.yaml', doc('ConfigMap', 'a'), doc('ConfigMap', 'b')));
    const lookup = index.recordReads(() => index.find('ConfigMap', 'default', 'a').length);
    index.setFile('b.yaml', manifests('b.yaml', doc('ConfigMap', 'b', 'default')));
    assert.equal(index.isStale(lookup.reads), false, 'another name changed');
    index.setFile('c.yaml', manifests('c.yaml', doc('ConfigMap', 'a')));
    assert.equal(index.isStale(lookup.reads), true);
  });
});
