/**
 * @fileoverview Shared by the probe rules: which kinds run long enough to need probes, and a
 * suggested probe built from the container's own ports.
 */
import type { ContainerRef } from '../../model/pod-template';
import type { RuleFix } from '../types';

/** Long-running workloads; Jobs and CronJobs run to completion and are not probed. */
export const PROBED_KINDS: readonly string[] = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController'];

/**
 * A TCP probe on the container's first declared port, inserted after its `ports`: a suggestion
 * only, since the right check (an HTTP path, a command) depends on the application.
 */
export function probeSuggestion(c: ContainerRef, field: 'livenessProbe' | 'readinessProbe' | 'startupProbe'): RuleFix | undefined {
  const port = c.container.ports?.find((p) => typeof p?.containerPort === 'number');
  if (!port) return undefined;
  const target = port.name ? port.name : port.containerPort;
  return {
    title: `Add a TCP ${field} on port ${target}`,
    ops: [{
      op: 'set',
      path: [...c.path, field],
      value: { tcpSocket: { port: target }, periodSeconds: 10 },
      after: ['ports', 'image'],
    }],
  };
}
