/**
 * @fileoverview Ports as Services and Ingresses resolve them: a Service port's `targetPort`
 * (a number, or the name of a container port) against the containers of the pods it selects,
 * and an Ingress backend's port (number or name) against the Service's ports.
 */
import { isRecord } from '../source/parse';
import type { Path } from '../source/path';
import { longRunningContainers, type PodTemplate } from './pod-template';

/** One port of a Service, as written, with its path. */
export interface ServicePort {
  index: number;
  path: Path;
  name: string | undefined;
  port: number | undefined;
  /** `targetPort` as written, or the `port` when it is absent (the API server's default). */
  targetPort: number | string | undefined;
  /** True when `targetPort` is written (false: it defaults to `port`). */
  targetPortWritten: boolean;
  protocol: string;
  nodePort: number | undefined;
}

/** The ports of a Service spec. */
export function servicePorts(spec: unknown): ServicePort[] {
  if (!isRecord(spec) || !Array.isArray(spec.ports)) return [];
  const out: ServicePort[] = [];
  spec.ports.forEach((p, index) => {
    if (!isRecord(p)) return;
    const port = typeof p.port === 'number' ? p.port : undefined;
    const written = typeof p.targetPort === 'number' || (typeof p.targetPort === 'string' && p.targetPort !== '');
    const target = written ? (typeof p.targetPort === 'string' && /^\d+$/.test(p.targetPort) ? Number(p.targetPort) : (p.targetPort as number | string)) : port;
    out.push({
      index, path: ['spec', 'ports', index],
      name: typeof p.name === 'string' ? p.name : undefined,
      port, targetPort: target, targetPortWritten: written,
      protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP',
      nodePort: typeof p.nodePort === 'number' ? p.nodePort : undefined,
    });
  });
  return out;
}

/** A port a container declares. */
export interface ContainerPort {
  container: string;
  name: string | undefined;
  containerPort: number;
  protocol: string;
}

/** Ports declared by the long-running containers (app containers and native sidecars) of a template. */
export function containerPorts(template: PodTemplate): ContainerPort[] {
  const out: ContainerPort[] = [];
  for (const c of longRunningContainers(template)) {
    const ports = (c.container as unknown as Record<string, unknown>).ports;
    if (!Array.isArray(ports)) continue;
    for (const p of ports) {
      if (!isRecord(p) || typeof p.containerPort !== 'number') continue;
      out.push({ container: c.name, name: typeof p.name === 'string' ? p.name : undefined, containerPort: p.containerPort, protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP' });
    }
  }
  return out;
}

/**
 * How a Service `targetPort` resolves on the pods of one template:
 * - `found`: a container port with that number (or name) and protocol;
 * - `undeclared`: a number no container declares (traffic still reaches the pod if the
 *   process listens; declaring ports is informative), or the template declares no port at all;
 * - `unknownName`: a name no container port has (the endpoints stay empty: an error).
 */
export type TargetResolution = { status: 'found'; port: ContainerPort } | { status: 'undeclared' } | { status: 'unknownName' };

export function resolveTargetPort(target: number | string, protocol: string, template: PodTemplate): TargetResolution {
  const ports = containerPorts(template);
  if (typeof target === 'string') {
    const port = ports.find((p) => p.name === target && p.protocol === protocol);
    return port ? { status: 'found', port } : { status: 'unknownName' };
  }
  const port = ports.find((p) => p.containerPort === target && p.protocol === protocol);
  return port ? { status: 'found', port } : { status: 'undeclared' };
}

/** True when any long-running container of the template declares at least one port. */
export function declaresPorts(template: PodTemplate): boolean {
  return containerPorts(template).length > 0;
}

/** The Service port an Ingress backend port (number or name) designates, if any. */
export function findServicePort(ports: readonly ServicePort[], backendPort: number | string): ServicePort | undefined {
  return typeof backendPort === 'number' ? ports.find((p) => p.port === backendPort) : ports.find((p) => p.name === backendPort);
}
