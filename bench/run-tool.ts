/**
 * @fileoverview One measurement in its own process (so peak memory is the tool's own):
 * loads the dataset's files into memory, sets the tool up (timed apart), warms it up on a
 * slice of the files, then times full runs. Prints one JSON line on stdout.
 *
 *   node --import tsx bench/run-tool.ts <tool> <file-list.json> [repeat]
 */
import { readFileSync } from 'node:fs';
import type { BenchFile, Tool } from './lib/types';
import { createFloor, createKubeplan, createKubeplanJobs } from './tools/kubeplan';
import { createMonokle } from './tools/monokle';
import { createYls } from './tools/yls';

async function makeTool(name: string): Promise<Tool> {
  switch (name) {
    case 'floor': return createFloor();
    case 'kubeplan': return createKubeplan('all');
    case 'kubeplan-schema': return createKubeplan('schema');
    case 'kubeplan-jobs2': return createKubeplanJobs(2);
    case 'yls': return createYls();
    case 'monokle': return createMonokle();
    default: throw new Error(`unknown tool ${name}`);
  }
}

async function main(): Promise<void> {
  const [toolName, listFile, repeatArg] = process.argv.slice(2);
  if (!toolName || !listFile) throw new Error('usage: run-tool.ts <tool> <file-list.json> [repeat]');
  const repeat = Number(repeatArg ?? 5);
  const budgetMs = Number(process.env.BENCH_BUDGET_MS ?? 60_000);
  const files: BenchFile[] = (JSON.parse(readFileSync(listFile, 'utf8')) as string[]).map((p) => ({ path: p, text: readFileSync(p, 'utf8') }));
  let t = performance.now();
  const tool = await makeTool(toolName);
  const setupMs = performance.now() - t;
  // Warm the JIT up on a slice (about 5%) of the files. That is not a steady state yet (KubePlan's
  // lint of the generated corpus still gets faster on its third full run): hence up to 5 runs.
  const slice = files.filter((_, i) => i % 20 === 0);
  t = performance.now();
  await tool.run(slice.length ? slice : files);
  const warmMs = performance.now() - t;
  // A tool too slow for the whole set within the budget is timed on its first files only (its
  // rate, resources per second, is what the report compares).
  const sliceBytes = (slice.length ? slice : files).reduce((n, f) => n + f.text.length, 0);
  const allBytes = files.reduce((n, f) => n + f.text.length, 0);
  const estimateMs = (warmMs * allBytes) / Math.max(1, sliceBytes);
  const totalFiles = files.length;
  if (estimateMs > budgetMs && files.length > 1) {
    const keep = Math.max(1, Math.floor((files.length * budgetMs) / estimateMs));
    files.splice(keep);
  }
  const runsMs: number[] = [];
  let last: Awaited<ReturnType<Tool['run']>> = { findings: 0 };
  let spent = 0;
  for (let i = 0; i < repeat && (i === 0 || spent < budgetMs); i++) {
    t = performance.now();
    last = await tool.run(files);
    const ms = performance.now() - t;
    runsMs.push(ms);
    spent += ms;
  }
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ tool: tool.name, setupMs, runsMs, bestMs: Math.min(...runsMs), findings: last.findings, resources: last.resources, maxRssMB, files: files.length, totalFiles })}\n`);
}

main().catch((error: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
  if (process.env.BENCH_DEBUG) console.error(error);
  process.exitCode = 1;
});
