/**
 * @fileoverview Extension activation time without VS Code: `out/extension.js` is loaded with a
 * stub `vscode` module (every property a callable, chainable no-op; disposables dispose) and
 * its `activate()` is called with a fake context. It measures what the extension itself costs
 * (bundle load + activate), not VS Code's own extension-host overhead. Prints one JSON line.
 */
import Module from 'node:module';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

function stub(name: string): unknown {
  const fn = function () { return stub(`${name}()`); };
  return new Proxy(fn, {
    get(_target, key) {
      if (key === Symbol.toPrimitive) return () => name;
      if (key === 'then') return undefined; // not a promise
      if (key === Symbol.iterator) return function* () { /* empty */ };
      if (key === 'dispose') return () => undefined;
      if (key === 'length') return 0;
      return stub(`${name}.${String(key)}`);
    },
    set() { return true; },
    defineProperty() { return true; },
    construct() { return stub(`new ${name}`) as object; },
    apply() { return stub(`${name}()`); },
  });
}

/** The names the bundle reads off `vscode` (esbuild's interop copies own keys, so the stub must list them). */
function vscodeNames(bundle: string): string[] {
  return [...new Set([...bundle.matchAll(/\b(?:import_)?vscode\d*\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!))];
}

function moduleStub(names: readonly string[]): object {
  const out: Record<string, unknown> = {};
  for (const n of names) out[n] = stub(`vscode.${n}`);
  return out;
}

let vscode: object = {};
const originalLoad = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
(Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load = function (request: string, ...rest: unknown[]) {
  if (request === 'vscode') return vscode;
  return originalLoad.call(this, request, ...rest);
};

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const context = {
    subscriptions: [] as unknown[],
    extensionPath: root,
    extensionUri: stub('extensionUri'),
    globalState: { get: () => undefined, update: async () => undefined, keys: () => [] },
    workspaceState: { get: () => undefined, update: async () => undefined, keys: () => [] },
    asAbsolutePath: (p: string) => path.join(root, p),
    storageUri: undefined,
    globalStorageUri: stub('globalStorageUri'),
    logUri: stub('logUri'),
    extensionMode: 1,
    environmentVariableCollection: stub('env'),
    secrets: stub('secrets'),
    extension: stub('extension'),
  };
  vscode = moduleStub(vscodeNames(readFileSync(path.join(root, 'out/extension.js'), 'utf8')));
  const cpu = process.cpuUsage();
  let t = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extension = require(path.join(root, 'out/extension.js')) as { activate: (ctx: unknown) => unknown };
  const loadMs = performance.now() - t;
  t = performance.now();
  const result = extension.activate(context);
  const activateMs = performance.now() - t; // the synchronous part, what blocks the extension host
  // CPU time of load + activate(): what the wall time would be on an idle machine (less noisy under load).
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  if (result && typeof (result as Promise<unknown>).then === 'function') await Promise.race([result, new Promise((r) => setTimeout(r, 2000))]);
  process.stdout.write(`${JSON.stringify({ loadMs, activateMs, activationMs: loadMs + activateMs, cpuMs })}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: `activate() failed with a stub vscode: ${error instanceof Error ? error.message : String(error)}` })}\n`);
  process.exit(0);
});
