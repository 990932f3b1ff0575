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
  // Warm-up, and how many files fit the budget: the tool runs on the first 5% of the files, then
  // on twice as many, and so on, while the next run is expected to fit the budget; the runs timed
  // below are on the largest of these that did (all the files for every tool but the slowest). A
  // tool's time is taken to grow as the input's size to a power seen between its last two runs
  // (at least 1, at most 3): @monokle/validation's grows faster than linearly, more so the larger
  // its input (a linear estimate from 5% of the files once kept it 16 minutes on a 60-second
  // budget). That is not a steady state yet (KubePlan's lint of the generated corpus still gets
  // faster on its third full run): hence up to 5 timed runs.
  const bytesOf = (count: number): number => files.slice(0, count).reduce((n, f) => n + f.text.length, 0);
  const totalFiles = files.length;
  let count = Math.max(1, Math.ceil(files.length / 20));
  let previous: { bytes: number; ms: number } | undefined;
  let growth = 1;
  for (;;) {
    t = performance.now();
    await tool.run(files.slice(0, count));
    const ms = performance.now() - t;
    const bytes = bytesOf(count);
    if (previous && ms > 0 && previous.ms > 0 && bytes > previous.bytes) {
      growth = Math.min(3, Math.max(1, Math.log(ms / previous.ms) / Math.log(bytes / previous.bytes)));
    }
    if (count === files.length) break;
    const next = Math.min(files.length, count * 2);
    if (ms * (bytesOf(next) / Math.max(1, bytes)) ** growth > budgetMs) break;
    previous = { bytes, ms };
    count = next;
  }
  files.splice(count);
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
  process.stdout.write(`${JSON.stringify({ tool: tool.name, setupMs, runsMs, bestMs: Math.min(...runsMs), findings: last.findings, resources: last.resources, maxRssMB, files: files.length, totalFiles, growth: Math.round(growth * 100) / 100 })}\n`);
}

main().catch((error: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
  if (process.env.BENCH_DEBUG) console.error(error);
  process.exitCode = 1;
});
