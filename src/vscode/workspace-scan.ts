/**
 * @fileoverview The workspace scan's plumbing, free of `vscode` so it is unit-tested on its own:
 * work done in batches that yield to the event loop between them (typing is handled in the
 * gaps) and stop at the first batch boundary after cancellation, progress as increments that
 * add up to 100, and what a file's bytes are (text, binary, too large, not a regular file).
 */
import { readFile, stat } from 'node:fs/promises';

/** Files read and linted between two yields: about 10 to 20 ms of work on a small manifest each. */
export const SCAN_BATCH_SIZE = 50;

/** How a scan ended. `files` = YAML files found; the others count what became of them. */
export interface ScanResult {
  files: number;
  /** Read (or taken from an open editor) and linted: their diagnostics are published. */
  linted: number;
  /** Not Kubernetes manifests (no `apiVersion:` and `kind:`), or excluded. */
  skipped: number;
  /** Could not be read: gone, unreadable, binary, or over the size limit. */
  unreadable: number;
  /** Stopped before every file was looked at; what was linted stays published. */
  cancelled: boolean;
}

/** One step of a running scan: `done` of `total` files looked at so far. */
export interface ScanProgress extends ScanResult {
  done: number;
  total: number;
  /** Percent of the whole scan since the previous step (what the progress notification adds). */
  increment: number;
}

export function emptyScanResult(files = 0): ScanResult {
  return { files, linted: 0, skipped: 0, unreadable: 0, cancelled: false };
}

/**
 * Turns "done of total" into the increments a progress notification adds: each step adds what
 * it moved, and the increments of a scan that reaches the total add up to 100 exactly.
 */
export class ProgressSteps {
  private reported = 0;

  constructor(readonly total: number) {}

  /** The increment (percent) to report now that `done` items are done. Never negative. */
  advance(done: number): number {
    const percent = this.total > 0 ? (Math.min(Math.max(done, 0), this.total) * 100) / this.total : 100;
    const increment = Math.max(0, percent - this.reported);
    this.reported += increment;
    return increment;
  }
}

export interface BatchOptions {
  size?: number;
  /** Asked before each batch: true stops the run there. */
  isCancelled: () => boolean;
  /** Awaited between two batches (not before the first, not after the last). */
  pause?: () => Promise<void>;
}

/**
 * Runs `work` on consecutive batches of `items`. The first batch starts synchronously (a short
 * list is handled at once, as before batching), and a cancellation is seen between batches.
 * `done` counts the items of the batches that ran.
 */
export async function forEachBatch<T>(
  items: readonly T[],
  work: (batch: readonly T[], start: number) => unknown,
  options: BatchOptions,
): Promise<{ done: number; cancelled: boolean }> {
  const size = Math.max(1, options.size ?? SCAN_BATCH_SIZE);
  const pause = options.pause ?? yieldToEventLoop;
  let done = 0;
  for (let start = 0; start < items.length; start += size) {
    if (start > 0) await pause();
    if (options.isCancelled()) return { done, cancelled: true };
    const batch = items.slice(start, start + size);
    await work(batch, start);
    done += batch.length;
  }
  return { done, cancelled: false };
}

/**
 * Lets the event loop run what is waiting (document changes, timers, messages from the
 * window) before the next batch. `setImmediate` comes after pending I/O in Node's loop.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}

/** Bytes looked at for a NUL when deciding that a file is binary (git looks at the same amount). */
const BINARY_SNIFF_BYTES = 8000;

/** What a file's bytes are to the scan: text to lint, or a reason not to. */
export type FileBytes = { kind: 'text'; text: string } | { kind: 'binary' } | { kind: 'too-large' } | { kind: 'not-a-file' };

/** Decodes a file's bytes as UTF-8 unless they are over `maxBytes` or hold a NUL in their first 8,000 bytes. */
export function decodeFile(bytes: Uint8Array, maxBytes: number): FileBytes {
  if (bytes.byteLength > maxBytes) return { kind: 'too-large' };
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { kind: 'binary' };
  return { kind: 'text', text: new TextDecoder().decode(bytes) };
}

/**
 * Reads a local file unless it is over `maxBytes` or not a regular file (a FIFO would block the
 * read): its size and type are asked first, so a huge file is never loaded. Throws when the file
 * is gone or unreadable.
 */
export async function readLocalFile(file: string, maxBytes: number): Promise<FileBytes> {
  const info = await stat(file);
  if (!info.isFile()) return { kind: 'not-a-file' };
  if (info.size > maxBytes) return { kind: 'too-large' };
  return decodeFile(await readFile(file), maxBytes);
}
