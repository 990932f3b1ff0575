/**
 * @fileoverview What `kubeplan simulate` and `kubeplan render` share: the flags that choose the
 * inputs, the cluster and the what-if, reading the files, and running the simulation.
 */
import * as path from 'node:path';
import type { ResolvedConfig } from '../core/config/config';
import { podTemplateOf } from '../core/model/pod-template';
import { parseFile, type Manifest, type SourceFile } from '../core/source/parse';
import type { ClusterView } from '../protocol/cluster-view';
import { lineResolver, simulate } from '../sim';
import { ConfigResolver } from './config-loader';
import { describeFsError, UserError } from './errors';
import { displayPath, expandInputs } from './files';
import type { Io } from './io';

/** The `parseFlags` options both commands accept. */
export const SIMULATION_FLAGS = {
  cluster: { type: 'string' },
  'without-node': { type: 'string', multiple: true },
  cordon: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  now: { type: 'string' },
} as const;

export interface Simulation {
  view: ClusterView;
  /** The files given as inputs, in order (the `--cluster` file is not among them). */
  inputs: SourceFile[];
  config: ResolvedConfig;
}

/** Reads the inputs and the cluster, resolves the configuration, and simulates. */
export async function runSimulation(io: Io, positionals: string[], values: Record<string, unknown>): Promise<Simulation> {
  let now = new Date();
  if (values.now !== undefined) {
    now = new Date(values.now as string);
    if (Number.isNaN(now.getTime())) throw new UserError(`--now: expected an ISO 8601 date, got "${values.now as string}"`);
  }
  const found = await expandInputs(positionals.length ? positionals : ['.'], io.cwd, io.fs);
  const inputs: SourceFile[] = [];
  for (const input of found) inputs.push(await readManifests(io, input.absolute, input.display));
  const manifests: Manifest[] = inputs.flatMap((f) => f.manifests);
  const files = [...inputs];

  let clusterManifests: Manifest[] | undefined;
  if (values.cluster !== undefined) {
    const absolute = path.resolve(io.cwd, values.cluster as string);
    const file = await readManifests(io, absolute, displayPath(io.cwd, absolute));
    // Nodes or a k3d config describe the cluster; workloads in the file are taken as already running.
    clusterManifests = file.manifests;
    if (!clusterManifests.some((m) => m.kind === 'Node' || (m.kind === 'Simple' && m.apiVersion.startsWith('k3d.io/')) || podTemplateOf(m))) {
      throw new UserError(`--cluster ${values.cluster as string}: no Node objects, no k3d config (kind: Simple) and no running workloads in the file`);
    }
    files.push(file);
  }
  const resolver = new ConfigResolver(io.fs, io.cwd, values.config !== undefined ? { configFile: values.config as string } : {});
  const { config } = await resolver.forFile(found[0]?.absolute ?? path.join(io.cwd, '.kubeplan.yaml'));

  const view = simulate(manifests, {
    clusterManifests,
    clusterConfig: config.cluster,
    defaultNamespace: config.defaultNamespace,
    now,
    withoutNodes: (values['without-node'] as string[] | undefined) ?? [],
    cordon: (values.cordon as string[] | undefined) ?? [],
    lineOf: lineResolver(files),
  });
  return { view, inputs, config };
}

async function readManifests(io: Io, file: string, shown: string): Promise<SourceFile> {
  let text: string;
  try {
    text = await io.fs.readFile(file);
  } catch (error) {
    throw new UserError(`cannot read ${shown}: ${describeFsError(error)}`);
  }
  return parseFile(shown, text);
}
