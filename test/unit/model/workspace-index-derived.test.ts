import * as assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../../src/core/model/workspace-index';
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
});
