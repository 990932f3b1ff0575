// Bundles the CLI and the extension with esbuild. The webview gets its own bundle (see webview/).
//
// Start-up: V8 parses all of a bundle before it runs a line of it, so what a command needs only
// sometimes stays out of the main bundles (docs/performance.md, "Start-up"):
// - schemas/kubernetes/ (bundle.json, validators/: one module per kind) is left as files that
//   src/core/schema/kubernetes.ts requires at run time, so only the validators of the kinds seen
//   are parsed;
// - `kubeplan render`'s drawing code with its DOM (linkedom, d3) is out/lazy/render.js, imported
//   by the command when it runs;
// - cron-parser (with luxon) and cronstrue are out/lazy/cron.js, loaded on first use (a CronJob):
//   the main bundles hold a stand-in module whose exports are getters that load the file;
// - ajv (only for CustomResourceDefinition schemas, already required on first use) is
//   out/lazy/ajv.js.
// The VSIX ships out/lazy/cron.js, out/lazy/ajv.js and schemas/kubernetes/ (see .vscodeignore).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const requireHere = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

/** Packages loaded from out/lazy/<chunk>.js on first use of one of their exports. */
const LAZY_PACKAGES = {
  'cron-parser': 'cron',
  cronstrue: 'cron',
  // A side effect (French wording registered with cronstrue): done when cron.js loads.
  'cronstrue/locales/fr': 'cron',
};

/**
 * Keeps the rarely needed code out of a main bundle (out/cli.js or out/extension.js): the schema
 * files, the render module, ajv, and the LAZY_PACKAGES behind stand-ins.
 */
function startupPlugin({ render }) {
  const schemaDir = path.join(root, 'schemas', 'kubernetes') + path.sep;
  const renderModule = path.join(root, 'src', 'render', 'render.ts');
  const lazyFilter = new RegExp(`^(${Object.keys(LAZY_PACKAGES).map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})$`);
  return {
    name: 'kubeplan-startup',
    setup(build) {
      build.onResolve({ filter: /schemas\/kubernetes\/|render\/render$/ }, async (args) => {
        if (args.pluginData?.inner) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { inner: true } });
        if (resolved.errors.length) return undefined;
        // A path relative to the bundle (out/), so that require() finds the file at run time.
        if (resolved.path.startsWith(schemaDir)) return { path: `../${path.relative(root, resolved.path).split(path.sep).join('/')}`, external: true };
        if (render && resolved.path === renderModule) return { path: './lazy/render.js', external: true };
        return undefined;
      });
      build.onResolve({ filter: /^ajv$/ }, () => ({ path: './lazy/ajv.js', external: true }));
      build.onResolve({ filter: /^\.\/lazy\// }, (args) => ({ path: args.path, external: true }));
      build.onResolve({ filter: lazyFilter }, (args) => ({ path: args.path, namespace: 'lazy-package' }));
      // The stand-in: the package's export names, each a getter that loads the chunk. esbuild reads
      // an import of a CommonJS module at each use (`import_x.name`), so nothing loads before that.
      build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => {
        const real = requireHere(args.path);
        const names = Object.keys(real).filter((n) => n !== '__esModule');
        const chunk = `./lazy/${LAZY_PACKAGES[args.path]}.js`;
        const contents = [
          `let loaded;`,
          `const load = () => (loaded ??= require(${JSON.stringify(chunk)})[${JSON.stringify(args.path)}]);`,
          real.__esModule ? `Object.defineProperty(exports, '__esModule', { value: true });` : '',
          `for (const name of ${JSON.stringify(names)}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
        ].join('\n');
        return { contents, loader: 'js', resolveDir: root };
      });
    },
  };
}

/** out/lazy/<chunk>.js: the LAZY_PACKAGES of a chunk, keyed by package name. */
function lazyChunk(chunk) {
  const packages = Object.keys(LAZY_PACKAGES).filter((p) => LAZY_PACKAGES[p] === chunk);
  return {
    ...common,
    stdin: { contents: `module.exports = {\n${packages.map((p) => `  ${JSON.stringify(p)}: require(${JSON.stringify(p)}),`).join('\n')}\n};\n`, resolveDir: root, sourcefile: `lazy-${chunk}.js` },
    outfile: `out/lazy/${chunk}.js`,
  };
}

const builds = [
  // @resvg/resvg-js (PNG for `kubeplan render`) loads a native binary: required at run time, not bundled.
  { ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'out', external: ['@resvg/resvg-js'], plugins: [startupPlugin({ render: true })] },
  { ...common, entryPoints: { render: 'src/render/render.ts' }, outdir: 'out/lazy', external: ['@resvg/resvg-js'] },
  { ...common, stdin: { contents: 'module.exports = require("ajv");\n', resolveDir: root, sourcefile: 'lazy-ajv.js' }, outfile: 'out/lazy/ajv.js' },
  lazyChunk('cron'),
];
if (existsSync('src/vscode/extension.ts')) {
  builds.push({ ...common, entryPoints: { extension: 'src/vscode/extension.ts' }, outdir: 'out', external: ['vscode'], plugins: [startupPlugin({ render: false })] });
}
if (existsSync('webview/main.ts')) {
  builds.push({ ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: { webview: 'webview/main.ts' }, outdir: 'media' });
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
