/**
 * @fileoverview Pod resource requests as kube-scheduler counts them: API-server defaulting
 * (requests default to limits), the max of init containers against the long-running ones
 * (app containers and native sidecars), pod overhead, the scheduler's non-zero defaults
 * used for scoring, and the QoS class the kubelet would give the pod.
 */
import { isRecord } from '../core/source/parse';
import { parseQuantityMilli } from '../core/model/quantity';
import type { Qos } from '../protocol/cluster-view';

/** Requests in scheduler units: CPU in millicores, the rest in whole units (bytes, count). */
export interface Req {
  cpu: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended resources (`nvidia.com/gpu`, `hugepages-2Mi`), whole units. */
  extended: Record<string, number>;
}

/** kube-scheduler's stand-ins for a container without a request, used by scoring only. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export function emptyReq(): Req {
  return { cpu: 0, memory: 0, ephemeralStorage: 0, extended: {} };
}

/** CPU in millicores (rounded up, like `Quantity.MilliValue`). */
export function cpuMilli(value: unknown): number | undefined {
  const m = parseQuantityMilli(value);
  return m === undefined ? undefined : Number(m);
}

/** A quantity in whole units, rounded up like `Quantity.Value` (`0.5` bytes is 1 byte). */
export function wholeUnits(value: unknown): number | undefined {
  const m = parseQuantityMilli(value);
  if (m === undefined) return undefined;
  const q = m / 1000n;
  return Number(m % 1000n > 0n ? q + 1n : q);
}

function isComputeName(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name === 'ephemeral-storage' || name === 'pods' || name === 'storage';
}

/** A ResourceList (`{cpu: 100m, memory: 1Gi}`) as Req; unknown keys with a `/` or `hugepages-` are extended. */
export function readResourceList(list: unknown): { req: Req; present: Set<string> } {
  const req = emptyReq();
  const present = new Set<string>();
  if (!isRecord(list)) return { req, present };
  for (const [name, value] of Object.entries(list)) {
    if (name === 'cpu') {
      const v = cpuMilli(value);
      if (v !== undefined) { req.cpu = v; present.add(name); }
    } else if (name === 'memory' || name === 'ephemeral-storage') {
      const v = wholeUnits(value);
      if (v === undefined) continue;
      present.add(name);
      if (name === 'memory') req.memory = v;
      else req.ephemeralStorage = v;
    } else if (!isComputeName(name)) {
      const v = wholeUnits(value);
      if (v !== undefined) { req.extended[name] = v; present.add(name); }
    }
  }
  return { req, present };
}

/** A container's requests after defaulting: a resource with a limit and no request requests its limit. */
export function containerRequests(container: unknown): { req: Req; present: Set<string>; limits: Set<string>; limitReq: Req } {
  const resources = isRecord(container) && isRecord(container.resources) ? container.resources : {};
  const requests = readResourceList(resources.requests);
  const limits = readResourceList(resources.limits);
  const req = requests.req;
  const present = new Set(requests.present);
  for (const name of limits.present) {
    if (present.has(name)) continue;
    present.add(name);
    if (name === 'cpu') req.cpu = limits.req.cpu;
    else if (name === 'memory') req.memory = limits.req.memory;
    else if (name === 'ephemeral-storage') req.ephemeralStorage = limits.req.ephemeralStorage;
    else req.extended[name] = limits.req.extended[name]!;
  }
  return { req, present, limits: limits.present, limitReq: limits.req };
}

function add(into: Req, r: Req): void {
  into.cpu += r.cpu;
  into.memory += r.memory;
  into.ephemeralStorage += r.ephemeralStorage;
  for (const [k, v] of Object.entries(r.extended)) into.extended[k] = (into.extended[k] ?? 0) + v;
}

function max(into: Req, r: Req): void {
  into.cpu = Math.max(into.cpu, r.cpu);
  into.memory = Math.max(into.memory, r.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, r.ephemeralStorage);
  for (const [k, v] of Object.entries(r.extended)) into.extended[k] = Math.max(into.extended[k] ?? 0, v);
}

function clone(r: Req): Req {
  return { cpu: r.cpu, memory: r.memory, ephemeralStorage: r.ephemeralStorage, extended: { ...r.extended } };
}

function list(spec: Record<string, unknown>, field: string): Array<Record<string, unknown>> {
  const v = spec[field];
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

/**
 * The pod's effective requests, as `resourcehelper.PodRequests` computes them: the sum of app
 * containers and native sidecars, against each init container plus the sidecars started before
 * it, whichever is larger per resource; then the pod overhead. With `nonZero`, a container
 * missing a CPU or memory request counts as 100m / 200Mi (what the scheduler uses to score).
 */
export function podRequests(spec: Record<string, unknown>, nonZero = false): Req {
  const requestOf = (c: unknown): Req => {
    const { req, present } = containerRequests(c);
    if (nonZero) {
      if (!present.has('cpu')) req.cpu = DEFAULT_MILLI_CPU_REQUEST;
      if (!present.has('memory')) req.memory = DEFAULT_MEMORY_REQUEST;
    }
    return req;
  };
  const total = emptyReq();
  for (const c of list(spec, 'containers')) add(total, requestOf(c));
  const sidecars = emptyReq();
  const initMax = emptyReq();
  for (const c of list(spec, 'initContainers')) {
    const r = requestOf(c);
    if (c.restartPolicy === 'Always') {
      add(total, r);
      add(sidecars, r);
      max(initMax, sidecars);
    } else {
      const during = clone(sidecars);
      add(during, r);
      max(initMax, during);
    }
  }
  max(total, initMax);
  const overhead = readResourceList(spec.overhead).req;
  add(total, overhead);
  return total;
}

/** The QoS class the kubelet gives the pod (from CPU and memory of every container, init ones included). */
export function qosClass(spec: Record<string, unknown>): Qos {
  const containers = [...list(spec, 'initContainers'), ...list(spec, 'containers')];
  let anySet = false;
  let guaranteed = true;
  for (const c of containers) {
    const { req, present, limits, limitReq } = containerRequests(c);
    for (const name of ['cpu', 'memory'] as const) {
      if (present.has(name) || limits.has(name)) anySet = true;
      if (!limits.has(name) || !present.has(name) || req[name] !== limitReq[name]) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed && containers.length > 0 ? 'Guaranteed' : 'Burstable';
}
