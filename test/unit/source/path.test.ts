import * as assert from 'node:assert/strict';
import { parseFile } from '../../../src/core/source/parse';
import { locate, type Path, type Target } from '../../../src/core/source/path';

const TEXT = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx
      args: [serve, --port=80]
  volumes:
  tolerations: []
`;

/** The text `locate` points at for a path of the Pod above. */
function at(path: Path, target?: Target): string {
  const manifest = parseFile('pod.yaml', TEXT).manifests[0]!;
  const [start, end] = locate(manifest.tree, path, target);
  return TEXT.slice(start, end);
}

describe('locate', () => {
  it('points at a scalar value, its key, or the whole entry', () => {
    assert.equal(at(['metadata', 'name']), 'web');
    assert.equal(at(['metadata', 'name'], 'key'), 'name');
    assert.equal(at(['metadata', 'name'], 'pair'), 'name: web');
    assert.equal(at(['spec', 'containers', 0, 'image']), 'nginx');
    assert.equal(at(['spec', 'containers', 0, 'args', 1]), '--port=80');
  });

  it('points at the key of a collection, or at its head when it has no key', () => {
    assert.equal(at(['metadata']), 'metadata');
    assert.equal(at(['spec', 'containers', 0, 'args']), 'args');
    assert.equal(at(['spec', 'tolerations']), 'tolerations');
    assert.equal(at(['spec', 'containers', 0]), 'name', 'a sequence item stands by its first key');
    assert.equal(at([]), 'apiVersion', 'the document stands by its first key');
  });

  it('points at the key of an empty value', () => {
    assert.equal(at(['spec', 'volumes']), 'volumes');
  });

  it('points at the deepest part of a missing path that exists', () => {
    assert.equal(at(['spec', 'securityContext', 'runAsNonRoot']), 'spec', 'the key of the deepest entry found');
    assert.equal(at(['spec', 'containers', 0, 'resources', 'limits']), 'name', 'a sequence item, by its head');
    assert.equal(at(['spec', 'containers', 3, 'image']), 'containers', 'an index past the end');
    assert.equal(at(['status']), 'apiVersion', 'nothing of it: the document');
    assert.equal(at(['metadata', 'name', 'first']), 'name', 'a scalar has no fields');
  });
});

describe('source trees in 16 or 32 bits', () => {
  const PATHS: Array<[Path, Target?]> = [
    [['metadata', 'name']], [['metadata', 'name'], 'key'], [['metadata', 'name'], 'pair'], [['spec', 'containers', 0, 'args', 1]],
    [['spec', 'containers', 0]], [['spec', 'volumes']], [['spec', 'tolerations']], [['status']], [[]],
  ];
  const texts = (text: string, manifest: ReturnType<typeof parseFile>['manifests'][number]): string[] =>
    PATHS.map(([path, target]) => { const [s, e] = locate(manifest.tree, path, target); return text.slice(s, e); });

  it('a small file keeps its records in 16 bits, a file over 64 KB in 32, with the same ranges', () => {
    const small = parseFile('pod.yaml', TEXT).manifests[0]!;
    assert.ok(small.tree.tree.data instanceof Uint16Array);
    // The same Pod after 70,000 characters of comments: its offsets no longer fit in 16 bits.
    const padding = `${'# padding padding padding padding padding padding padding padding\n'.repeat(1060)}---\n`;
    const big = parseFile('pod.yaml', padding + TEXT).manifests[0]!;
    assert.ok(big.tree.tree.data instanceof Int32Array);
    assert.deepEqual(texts(padding + TEXT, big), texts(TEXT, small));
    assert.deepEqual(texts(TEXT, small), ['web', 'name', 'name: web', '--port=80', 'name', 'volumes', 'tolerations', 'apiVersion', 'apiVersion']);
  });

  it('a tree with an entry without a value (-1) stays in 32 bits', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, labels: {x}}\n';
    const manifest = parseFile('cm.yaml', text).manifests[0]!;
    assert.ok(manifest.tree.tree.data instanceof Int32Array);
    const [s, e] = locate(manifest.tree, ['metadata', 'labels', 'x'], 'key');
    assert.equal(text.slice(s, e), 'x');
  });
});
