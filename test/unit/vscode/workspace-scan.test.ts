/**
 * @fileoverview The workspace scan's plumbing: batches with a pause between them, cancellation
 * seen at a batch boundary, progress increments that add up to 100, binary and oversized files.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeFile, forEachBatch, ProgressSteps, readLocalFile } from '../../../src/vscode/workspace-scan';

describe('workspace scan: batches', () => {
  it('runs every item once, in order, in batches of the given size, pausing only between batches', async () => {
    const events: string[] = [];
    const items = Array.from({ length: 7 }, (_, i) => i);
    const result = await forEachBatch(items, (batch, start) => void events.push(`batch ${start}: ${batch.join(',')}`), {
      size: 3,
      isCancelled: () => false,
      pause: async () => void events.push('pause'),
    });
    assert.deepEqual(events, ['batch 0: 0,1,2', 'pause', 'batch 3: 3,4,5', 'pause', 'batch 6: 6']);
    assert.deepEqual(result, { done: 7, cancelled: false });
  });

  it('runs the first batch synchronously (a short list is handled at once)', () => {
    const seen: number[] = [];
    void forEachBatch([1, 2], (batch) => void seen.push(...batch), { size: 5, isCancelled: () => false });
    assert.deepEqual(seen, [1, 2]);
  });

  it('stops at the next batch boundary once cancelled, counting the batches that ran', async () => {
    let cancelled = false;
    const ran: number[] = [];
    const result = await forEachBatch(Array.from({ length: 10 }, (_, i) => i), (_batch, start) => {
      ran.push(start);
      if (start === 4) cancelled = true; // cancelled during the third batch: it finishes, no fourth
    }, { size: 2, isCancelled: () => cancelled, pause: async () => undefined });
    assert.deepEqual(ran, [0, 2, 4]);
    assert.deepEqual(result, { done: 6, cancelled: true });
  });

  it('awaits asynchronous work before the next batch', async () => {
    const events: string[] = [];
    await forEachBatch(['a', 'b'], async (batch) => {
      events.push(`start ${batch[0]}`);
      await new Promise((resolve) => setImmediate(resolve));
      events.push(`end ${batch[0]}`);
    }, { size: 1, isCancelled: () => false });
    assert.deepEqual(events, ['start a', 'end a', 'start b', 'end b']);
  });

  it('yields to the event loop between batches by default: a callback queued during a batch runs before the next', async () => {
    const events: string[] = [];
    await forEachBatch([0, 1], (batch) => {
      events.push(`batch ${batch[0]}`);
      if (batch[0] === 0) setImmediate(() => events.push('queued'));
    }, { size: 1, isCancelled: () => false });
    assert.deepEqual(events, ['batch 0', 'queued', 'batch 1']);
  });

  it('does nothing on an empty list', async () => {
    let calls = 0;
    assert.deepEqual(await forEachBatch([], () => void calls++, { isCancelled: () => false }), { done: 0, cancelled: false });
    assert.equal(calls, 0);
  });
});

describe('workspace scan: progress', () => {
  it('reports increments that add up to 100 at the total, each for what moved since the last step', () => {
    const steps = new ProgressSteps(3);
    const increments = [0, 1, 2, 3].map((done) => steps.advance(done));
    assert.equal(increments[0], 0);
    assert.ok(Math.abs(increments[1]! - 100 / 3) < 1e-9);
    assert.ok(Math.abs(increments.reduce((a, b) => a + b, 0) - 100) < 1e-9);
  });

  it('never reports a negative increment nor more than 100 in all', () => {
    const steps = new ProgressSteps(10);
    assert.equal(steps.advance(5), 50);
    assert.equal(steps.advance(4), 0);
    assert.equal(steps.advance(50), 50);
    assert.equal(steps.advance(10), 0);
  });

  it('is complete at once when there is nothing to do', () => {
    assert.equal(new ProgressSteps(0).advance(0), 100);
  });
});

describe('workspace scan: file contents', () => {
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('decodes UTF-8 text', () => {
    assert.deepEqual(decodeFile(bytes('kind: Pod # café\n'), 100), { kind: 'text', text: 'kind: Pod # café\n' });
  });

  it('calls a file with a NUL in its first 8,000 bytes binary, not one with a NUL further on', () => {
    assert.deepEqual(decodeFile(new Uint8Array([0x61, 0x00, 0x62]), 100), { kind: 'binary' });
    const late = new Uint8Array(9000).fill(0x61);
    late[8500] = 0;
    assert.equal(decodeFile(late, 10_000).kind, 'text');
  });

  it('does not decode a file over the size limit', () => {
    assert.deepEqual(decodeFile(bytes('x'.repeat(11)), 10), { kind: 'too-large' });
    assert.equal(decodeFile(bytes('x'.repeat(10)), 10).kind, 'text');
  });
});

describe('workspace scan: reading a local file', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeplan-scan-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a small file as text', async () => {
    const file = path.join(dir, 'pod.yaml');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: Pod\n');
    assert.deepEqual(await readLocalFile(file, 1000), { kind: 'text', text: 'apiVersion: v1\nkind: Pod\n' });
  });

  it('does not read a file over the limit, nor a binary one', async () => {
    const big = path.join(dir, 'big.yaml');
    fs.writeFileSync(big, 'a: 1\n'.repeat(100));
    assert.deepEqual(await readLocalFile(big, 499), { kind: 'too-large' });
    const binary = path.join(dir, 'binary.yaml');
    fs.writeFileSync(binary, Buffer.from([0x6b, 0x00, 0xff]));
    assert.deepEqual(await readLocalFile(binary, 1000), { kind: 'binary' });
  });

  it('does not open a FIFO (the read would wait for a writer) nor a directory', async function () {
    assert.deepEqual(await readLocalFile(dir, 1000), { kind: 'not-a-file' });
    if (process.platform === 'win32') this.skip();
    const fifo = path.join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    assert.deepEqual(await readLocalFile(fifo, 1000), { kind: 'not-a-file' });
  });

  it('throws for a file that is gone', async () => {
    await assert.rejects(readLocalFile(path.join(dir, 'gone.yaml'), 1000), { code: 'ENOENT' });
  });
});
