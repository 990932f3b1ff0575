/**
 * @fileoverview How long the diagram webview takes to draw 50, 500 and 2,000 pods in chromium:
 * first render (a fresh page receives its first picture) and re-render (a new picture of the same
 * size, as after a keystroke), each measured from the message's arrival to the next painted frame
 * (script, style, layout and paint). Targets: first render of 2,000 pods under 1 s, re-render
 * under 200 ms. Run: `npm run bench:diagram` (builds first), or `npx tsx bench/diagram.ts` after a build.
 * Also times `kubeplan render`'s SVG for the same sizes (Node, linkedom).
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import type { ClusterView } from '../src/protocol/cluster-view';
import { renderSvg } from '../src/render/render';
import { syntheticView } from '../test/fixtures/cluster-view/synthetic';
import { startHarness } from '../test/e2e/webview/harness';

const SIZES = [50, 500, 2000];
const RUNS = 5;

/**
 * Milliseconds from dispatching a `view` message to the next frame, measured in the page; `cpu`:
 * the renderer main thread's CPU time meanwhile (from a trace), which a busy machine inflates far
 * less than wall time.
 */
async function timeView(page: Page, view: ClusterView): Promise<{ script: number; frame: number; cpu: number }> {
  // The view is handed to the page first (as postMessage would have delivered it), outside the measure.
  await page.evaluate((v) => { (globalThis as unknown as { __next: unknown }).__next = v; }, view as unknown as ClusterView);
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const wall = await dispatchView(page);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: Array<{ name: string; ph: string; pid: number; tid: number; tdur?: number; args?: { name?: string } }> };
  const main = trace.traceEvents.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const cpu = trace.traceEvents
    .filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask' && e.tdur !== undefined)
    .reduce((sum, e) => sum + e.tdur! / 1000, 0);
  return { ...wall, cpu };
}

/** Dispatches the `view` message the way the webview receives it and waits for the next painted frame. */
async function dispatchView(page: Page): Promise<{ script: number; frame: number }> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as {
      __next: unknown;
      dispatchEvent(e: unknown): void;
      MessageEvent: new (type: string, init: { data: unknown }) => unknown;
      requestAnimationFrame(cb: () => void): void;
      performance: { now(): number };
      setTimeout(cb: () => void, ms: number): void;
    };
    const t0 = g.performance.now();
    g.dispatchEvent(new g.MessageEvent('message', { data: { type: 'view', view: g.__next, locale: 'en', scope: 'bench' } }));
    const script = g.performance.now() - t0;
    await new Promise<void>((resolve) => g.requestAnimationFrame(() => g.setTimeout(resolve, 0)));
    return { script, frame: g.performance.now() - t0 };
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number): string => `${x.toFixed(0).padStart(5)} ms`;

async function main(): Promise<void> {
  const harness = await startHarness();
  try {
    console.log('Diagram webview in chromium, median of %d runs. script: DOM built; frame: painted (wall time);', RUNS);
    console.log('cpu: renderer main thread CPU time until painted (what the targets are about on a busy machine)');
    console.log('pods   first render (script / frame / cpu)     re-render (script / frame / cpu)');
    for (const size of SIZES) {
      const views = [syntheticView(size), syntheticView(size)];
      // A re-render gets a different picture: one pod more Pending, one node busier.
      const second = views[1]!;
      second.pods[0] = { ...second.pods[0]!, node: null, phase: 'Pending', reason: '0/3 nodes are available: 3 Insufficient cpu.' };
      const first: Array<{ script: number; frame: number; cpu: number }> = [];
      const again: Array<{ script: number; frame: number; cpu: number }> = [];
      for (let run = 0; run < RUNS; run++) {
        const page = await harness.open({ width: 1600, height: 1000 });
        first.push(await timeView(page, views[0]!));
        again.push(await timeView(page, views[1]!));
        again.push(await timeView(page, views[0]!));
        await page.context().close();
      }
      const row = (xs: typeof first): string => `${ms(median(xs.map((x) => x.script)))} / ${ms(median(xs.map((x) => x.frame)))} / ${ms(median(xs.map((x) => x.cpu)))}`;
      console.log(`${String(size).padStart(5)}   ${row(first)}      ${row(again)}`);
    }
  } finally {
    await harness.close();
  }
  console.log('\nkubeplan render (SVG text, Node + linkedom)');
  for (const size of SIZES) {
    const view = syntheticView(size);
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      renderSvg(view);
      times.push(performance.now() - t0);
    }
    console.log(`${String(size).padStart(5)} pods ${ms(median(times))}`);
  }
}

console.log(`load average: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} CPU(s)`);
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
