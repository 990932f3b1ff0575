// Preloaded (node --require) into a measured process: writes its peak RSS (KB) to $BENCH_RSS_FILE on exit.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
