// Bundles the CLI and the extension with esbuild. The webview gets its own bundle (see webview/).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

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

const builds = [
  // @resvg/resvg-js (PNG for `kubeplan render`) loads a native binary: required at run time, not bundled.
  { ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'out', external: ['@resvg/resvg-js'] },
];
if (existsSync('src/vscode/extension.ts')) {
  builds.push({ ...common, entryPoints: { extension: 'src/vscode/extension.ts' }, outdir: 'out', external: ['vscode'] });
}
if (existsSync('webview/main.ts')) {
  builds.push({ ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: { webview: 'webview/main.ts' }, outdir: 'media' });
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
