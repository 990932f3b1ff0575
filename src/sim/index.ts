/**
 * @fileoverview The simulation's public API: `simulate(manifests, options) → ClusterView`.
 */
export { simulate, lineResolver, resolveNodes, type SimulateOptions } from './simulate';
export { defaultCluster, clusterFromConfig, clusterFromK3d, type SimNode } from './cluster';
export { fitMessage } from './scheduler';
export { workloadSummary } from './summary';
