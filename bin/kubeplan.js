#!/usr/bin/env node
'use strict';
// The CLI's bin is a thin shim: all behaviour lives in out/cli.js (built from src/cli/main.ts).
//
// It loads the bundle with V8's code cache, so that from the second run on V8 does not compile
// the bundle again (docs/performance.md, "Start-up"): Node 22 has module.enableCompileCache();
// on Node 20, the bundle is compiled with vm.Script and the cache kept in one file. The cache is
// in $KUBEPLAN_COMPILE_CACHE, else $XDG_CACHE_HOME/kubeplan or ~/.cache/kubeplan (private to
// the user); KUBEPLAN_COMPILE_CACHE=off turns it off. A cache that is absent, stale (another
// bundle or Node), rejected by V8 or unreadable is ignored; one that cannot be written is not.
const fs = require('node:fs');
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'out', 'cli.js');

function cacheDir() {
  const setting = process.env.KUBEPLAN_COMPILE_CACHE;
  if (setting === 'off' || setting === '0') return undefined;
  if (setting) return path.resolve(setting);
  let base = process.env.XDG_CACHE_HOME;
  try {
    base ||= path.join(require('node:os').homedir(), '.cache');
  } catch { /* no home directory */ }
  return base ? path.join(base, 'kubeplan') : undefined;
}

/** out/cli.js compiled with the code cache in `dir` (Node 20: vm.Script and cachedData). */
function loadWithCache(dir) {
  const Module = require('node:module');
  if (typeof Module.enableCompileCache === 'function') {
    try {
      Module.enableCompileCache(dir);
    } catch { /* no cache */ }
    return require(bundle);
  }
  const vm = require('node:vm');
  const source = fs.readFileSync(bundle, 'utf8');
  const stat = fs.statSync(bundle);
  const identity = `kubeplan cli.js ${process.version} ${process.arch} ${stat.size} ${stat.mtimeMs}`;
  const cacheFile = path.join(dir, 'cli.js.v8-cache');
  // The header also lists the commands the cache has seen run: the first run of another command
  // (lint after --version) compiles functions the cache lacks, so it is written again, with them.
  const command = /^[a-z]{1,20}$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
  let commands = [];
  let cachedData;
  try {
    const data = fs.readFileSync(cacheFile);
    const headerLength = data.readUInt32LE(0);
    const [cachedIdentity, seen] = data.toString('utf8', 4, 4 + headerLength).split('\n');
    if (cachedIdentity === identity) {
      cachedData = data.subarray(4 + headerLength);
      commands = seen ? seen.split(',') : [];
    }
  } catch { /* absent or unreadable: compile */ }
  const newCommand = !commands.includes(command) && commands.length < 8;
  let script;
  try {
    script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  } catch (error) {
    if (!cachedData) throw error;
    cachedData = undefined;
    script = new vm.Script(Module.wrap(source), { filename: bundle });
  }
  // The bundle runs as the module out/cli.js would (its require() resolves from out/).
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(path.dirname(bundle));
  Module._cache[bundle] = mod;
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  mod.loaded = true;
  if (!cachedData || script.cachedDataRejected || newCommand) {
    const key = Buffer.from(`${identity}\n${[...(cachedData && !script.cachedDataRejected ? commands : []), command].join(',')}`);
    // Written once the command has run: the cache then holds the functions it compiled too.
    process.once('exit', () => {
      const temporary = `${cacheFile}.${process.pid}`;
      try {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        const header = Buffer.alloc(4);
        header.writeUInt32LE(key.length);
        fs.writeFileSync(temporary, Buffer.concat([header, key, script.createCachedData()]), { mode: 0o600 });
        fs.renameSync(temporary, cacheFile);
      } catch {
        try {
          fs.rmSync(temporary, { force: true });
        } catch { /* read-only */ }
      }
    });
  }
  return mod.exports;
}

if (!fs.existsSync(bundle)) {
  // A checkout that was not built: say what to run rather than show a stack trace.
  process.stderr.write(`kubeplan: ${path.relative(process.cwd(), bundle) || bundle} is missing: this copy of KubePlan is not built. Run "npm ci && npm run build" in ${path.join(__dirname, '..')} first.\n`);
  process.exit(2);
}
const dir = cacheDir();
(dir ? loadWithCache(dir) : require(bundle)).main();
