/**
 * @fileoverview `kubeplan render`: the cluster diagram as an SVG or PNG file, drawn without VS
 * Code by the webview's own drawing code (src/render), so CI can attach the picture of a change
 * to its pull request. Same inputs as `kubeplan simulate`; lint findings become badges.
 */
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Linter } from '../../core/lint';
import { LOCALES } from '../../core/i18n';
import { findingBadges } from '../../render/findings';
import { LAYERS, type LayerId } from '../../../webview/diagram/layout';
import { describeFsError, EXIT, UserError } from '../errors';
import { displayPath } from '../files';
import type { Io } from '../io';
import { parseFlags } from './flags';
import type { Command } from './types';
import { runSimulation, SIMULATION_FLAGS } from '../simulation-input';

const usage = `Usage: kubeplan render [paths...] -o <file.svg|file.png> [options]

Draws the cluster diagram of the manifests: nodes with their pods and allocation, the Pending
pods, Services, Ingresses, workloads, the traffic NetworkPolicies allow and deny, with lint
findings as badges. The same picture as the editor's "KubePlan: Open Cluster Diagram".

Options:
  -o, --output <file>         where to write it; .svg or .png (\`-\` writes the SVG to stdout)
      --cluster <file>        Node objects (a List too) or a k3d config (kind: Simple); workloads
                              in it are taken as already running
      --layers <list>         wiring layers, comma-separated: ${LAYERS.join(', ')}
                              (default: ingress,services,traffic; \`all\` for every layer)
      --color-by <mode>       workload (default), qos or state
      --group-by-namespace    group pods and objects under their namespace
      --theme <name>          light (default) or dark
      --scale <n>             PNG pixels per SVG unit (default 1; 2 for high-DPI)
      --without-node <name>   what if this node disappeared (repeatable)
      --cordon <name>         what if this node were drained (repeatable)
      --no-findings           do not lint (no badges)
      --locale <lang>         language of the picture: ${LOCALES.join(', ')}
  -c, --config <file>         use this configuration file instead of the nearest .kubeplan.yaml
      --now <iso-date>        the moment CronJob next runs are computed from (default: now)
  -h, --help                  show this help

Exit codes: 0 written; 2 usage or input error.`;

function parseLayers(value: string | undefined): LayerId[] | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === 'all') return [...LAYERS];
  const layers = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const l of layers) {
    if (!LAYERS.includes(l as LayerId)) throw new UserError(`--layers: unknown layer "${l}"; expected some of ${LAYERS.join(', ')}`);
  }
  return layers as LayerId[];
}

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    output: { type: 'string', short: 'o' },
    ...SIMULATION_FLAGS,
    layers: { type: 'string' },
    'color-by': { type: 'string' },
    'group-by-namespace': { type: 'boolean' },
    theme: { type: 'string' },
    scale: { type: 'string' },
    'no-findings': { type: 'boolean' },
    locale: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(`${usage}\n`);
    return EXIT.ok;
  }
  const output = values.output as string | undefined;
  if (output === undefined) throw new UserError('missing -o <file.svg|file.png>');
  const format = output === '-' ? 'svg' : path.extname(output).toLowerCase().slice(1);
  if (format !== 'svg' && format !== 'png') throw new UserError(`-o ${output}: the file name must end in .svg or .png`);
  const layers = parseLayers(values.layers as string | undefined);
  const colorBy = (values['color-by'] as string | undefined) ?? 'workload';
  if (colorBy !== 'workload' && colorBy !== 'qos' && colorBy !== 'state') throw new UserError(`--color-by: unknown mode "${colorBy}"; expected workload, qos or state`);
  const theme = (values.theme as string | undefined) ?? 'light';
  if (theme !== 'light' && theme !== 'dark') throw new UserError(`--theme: unknown theme "${theme}"; expected light or dark`);
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!(scale > 0 && scale <= 8)) throw new UserError(`--scale: expected a number between 0 and 8, got "${values.scale as string}"`);
  const locale = (values.locale as string | undefined) ?? io.env.KUBEPLAN_LOCALE;
  if (values.locale !== undefined && !LOCALES.includes(String(values.locale).toLowerCase().split(/[-_]/)[0]!)) {
    throw new UserError(`--locale: unknown language "${values.locale as string}"; expected one of ${LOCALES.join(', ')}`);
  }
  const { view, inputs, config } = await runSimulation(io, positionals, values);
  for (const p of view.problems ?? []) io.stderr(`kubeplan render: ${p}\n`);
  if (!values['no-findings']) {
    const linter = new Linter({ config, incremental: false, ...(locale ? { locale } : {}) });
    for (const f of inputs) linter.setFile(f.path, f.text);
    for (const f of inputs) {
      const lines = linter.lines(f.path);
      view.findings.push(...findingBadges(linter.lintFile(f.path).findings, config.defaultNamespace, (x) => lines.position(x.range[0]).line + 1));
    }
  }

  // The drawing code and its DOM (linkedom, d3) load only here: the bundle keeps them in a file
  // of their own (out/lazy/render.js, see scripts/build.mjs), so other commands start faster.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { renderSvg, svgToPng } = require('../../render/render') as typeof import('../../render/render');
  const svg = renderSvg(view, {
    ...(locale ? { locale } : {}), ...(layers ? { layers } : {}), colorBy, theme,
    groupByNamespace: values['group-by-namespace'] === true,
  });
  if (output === '-') {
    io.stdout(svg);
    return EXIT.ok;
  }
  const target = path.resolve(io.cwd, output);
  try {
    if (format === 'svg') await io.fs.writeFile(target, svg);
    else await writeFile(target, await svgToPng(svg, scale));
  } catch (error) {
    throw new UserError(`cannot write ${output}: ${describeFsError(error)}`);
  }
  const pending = view.pods.filter((p) => p.node === null).length;
  io.stderr(`kubeplan render: wrote ${displayPath(io.cwd, target)} (${view.nodes.length} node(s), ${view.pods.length} pod(s), ${pending} Pending)\n`);
  return EXIT.ok;
}

const renderCommand: Command = {
  name: 'render',
  summary: 'draw the cluster diagram (nodes, pods, Pending, wiring, findings) as an SVG or PNG file',
  usage,
  run,
};

export default renderCommand;
