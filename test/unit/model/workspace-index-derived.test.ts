import * as assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../../src/core/model/workspace-index';
import { sameData } from '../../../src/core/model/same-data';
import { parseFile } from '../../../src/core/source/parse';

const cm = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

describe('WorkspaceIndex.derived', () => {
  it('computes once per version of the inputs and again after a file changes', () => {
    const index = new WorkspaceIndex();
    index.setFile('a.yaml', parseFile('a.yaml', cm('a')).manifests);
    let runs = 0;
    const names = (): string[] => index.derived('test:names', (ix) => {
      runs++;
      return ix.all.map((m) => m.name);
    });
    assert.deepEqual(names(), ['a']);
    assert.deepEqual(names(), ['a']);
    assert.equal(runs, 1);
    index.setFile('b.yaml', parseFile('b.yaml', cm('b')).manifests);
    assert.deepEqual(names(), ['a', 'b']);
    assert.equal(runs, 2);
    index.deleteFile('a.yaml');
    assert.deepEqual(names(), ['b']);
    assert.equal(runs, 3);
  });

  it('with `equal`, a value recomputed equal to the last one leaves what read it valid', () => {
    const index = new WorkspaceIndex();
    const deployment = (replicas: number, image: string): string =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${replicas}\n  template:\n    spec:\n      containers:\n        - name: web\n          image: ${image}\n`;
    index.setFile('web.yaml', parseFile('web.yaml', deployment(1, 'nginx:1.27')).manifests);
    const images = (): string[] => index.derived('test:images', (ix) => ix.podTemplates.map((h) => String(h.template.spec.containers[0]!.image)), sameData);
    const check = index.recordReads(() => images());
    assert.deepEqual(check.value, ['nginx:1.27']);
    assert.deepEqual([...check.reads.deps], ['#derived:test:images'], 'the reader depends on the value, not on what it was computed from');

    index.setFile('web.yaml', parseFile('web.yaml', deployment(3, 'nginx:1.27')).manifests);
    assert.equal(index.isStale(check.reads), false, 'replicas changed, the images did not');

    index.setFile('web.yaml', parseFile('web.yaml', deployment(3, 'nginx:1.28')).manifests);
    assert.equal(index.isStale(check.reads), true, 'an image changed');
    assert.deepEqual(images(), ['nginx:1.28']);
  });

  it('a lookup by name depends on that name only', () => {
    const index = new WorkspaceIndex();
    index.setFile('a.yaml', parseFile('a.yaml', cm('a')).manifests);
    const lookup = index.recordReads(() => index.find('ConfigMap', 'default', 'a').length);
    assert.equal(lookup.value, 1);
    index.setFile('b.yaml', parseFile('b.yaml', cm('b')).manifests);
    assert.equal(index.isStale(lookup.reads), false, 'another ConfigMap came');
    index.deleteFile('a.yaml');
    assert.equal(index.isStale(lookup.reads), true, 'the one looked up went');
  });
});
