/**
 * @fileoverview The messages between the extension (the diagram panel) and the diagram webview,
 * shared by both sides, and their validation: each side checks what it receives with
 * `parseToWebview` / `parseFromWebview` and drops anything malformed (a webview is a web page: what
 * it sends is input, not trusted data). Pure: no vscode, no DOM.
 */
import { CLUSTER_VIEW_VERSION, type ClusterView, type ObjectRef, type SourceRef } from './cluster-view';

/** What-if changes the webview asks the extension to simulate (the files are not touched). */
export interface WhatIfRequest {
  removeNodes: string[];
  cordonNodes: string[];
  /** Replicas to use instead of the manifests' for some workloads. */
  replicas: Array<{ workload: ObjectRef; replicas: number }>;
}

/** Extension → webview. */
export type ToWebview =
  /** A new picture. `whatIf` echoes the request it was simulated with (absent: the plain simulation). */
  | { type: 'view'; view: ClusterView; locale: string; scope: string; whatIf?: WhatIfRequest }
  /** The manifests do not parse or simulate right now: keep the last picture, show a banner (null: clear it). */
  | { type: 'status'; broken: string | null }
  /** The editor's selection lies in this manifest's lines: highlight what it produced (null file: clear). */
  | { type: 'highlight'; file: string | null; startLine: number; endLine: number };

/** Webview → extension. */
export type FromWebview =
  /** The page has loaded (or was restored) and wants the current picture. */
  | { type: 'ready' }
  /** The user activated an element: reveal the YAML that produced it. */
  | { type: 'reveal'; source: SourceRef; key: string }
  /** Re-simulate with these what-if changes (empty lists: back to the plain simulation). */
  | { type: 'whatIf'; whatIf: WhatIfRequest }
  /** Write a workload's replicas into its manifest (an undoable edit). */
  | { type: 'applyReplicas'; workload: ObjectRef; replicas: number; source: SourceRef }
  /** Save an export: SVG text, or a PNG as base64. */
  | { type: 'export'; format: 'svg' | 'png'; data: string };

// ---------------------------------------------------------------------------------------------
// Validation helpers

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const isString = (x: unknown): x is string => typeof x === 'string';
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every(isString);
const isArrayOf = (x: unknown, item: (y: unknown) => boolean): boolean => Array.isArray(x) && x.every(item);
const optional = (x: unknown, check: (y: unknown) => boolean): boolean => x === undefined || check(x);

export function isSourceRef(x: unknown): x is SourceRef {
  return isObject(x) && isString(x.file) && isNumber(x.line) && optional(x.column, isNumber);
}

export function isObjectRef(x: unknown): x is ObjectRef {
  return isObject(x) && isString(x.kind) && isString(x.name) && optional(x.namespace, isString);
}

const isResources = (x: unknown): boolean => isObject(x) && isNumber(x.cpu) && isNumber(x.memory);
const isStringRecord = (x: unknown): boolean => isObject(x) && Object.values(x).every(isString);
const named = (x: unknown): x is Json => isObject(x) && isString(x.name) && optional(x.source, isSourceRef);

const isNode = (x: unknown): boolean => named(x) && isString(x.role) && isStringRecord(x.labels) &&
  isArrayOf(x.taints, (t) => isObject(t) && isString(t.key) && isString(t.effect)) && typeof x.unschedulable === 'boolean' &&
  isResources(x.allocatable) && isResources(x.requested);
const isPod = (x: unknown): boolean => named(x) && isString(x.namespace) && isObjectRef(x.owner) && (x.node === null || isString(x.node)) &&
  isString(x.phase) && optional(x.reason, isString) && isResources(x.requests) && isString(x.qos) && isStringRecord(x.labels) &&
  isNumber(x.priority) && optional(x.preempted, isStringArray);
const isWorkload = (x: unknown): boolean => named(x) && isObjectRef(x) && isNumber(x.replicas) && isStringArray(x.pods) &&
  optional(x.schedule, (s) => isObject(s) && isString(s.expression) && isStringArray(s.nextRuns)) &&
  optional(x.autoscaler, (a) => isObject(a) && isString(a.name) && isNumber(a.minReplicas) && isNumber(a.maxReplicas));
const isService = (x: unknown): boolean => named(x) && isString(x.namespace) && isString(x.type) && isStringRecord(x.selector) &&
  isArrayOf(x.ports, (p) => isObject(p) && isNumber(p.port) && (isNumber(p.targetPort) || isString(p.targetPort))) && isStringArray(x.endpoints);
const isIngressPath = (p: unknown): boolean => isObject(p) && isString(p.service) && typeof p.resolved === 'boolean';
const isIngress = (x: unknown): boolean => named(x) && isString(x.namespace) && isArrayOf(x.paths, isIngressPath) &&
  optional(x.defaultBackend, isIngressPath) && isArrayOf(x.tls, (t) => isObject(t) && isStringArray(t.hosts));
const isPeer = (p: unknown): boolean => isObject(p) && (p.kind === 'external' || p.kind === 'dns' || (p.kind === 'workload' && isObjectRef(p.workload)));
const isTraffic = (x: unknown): boolean => isObject(x) && isPeer(x.from) && isPeer(x.to) && (isNumber(x.port) || isString(x.port)) &&
  isString(x.protocol) && (x.via === null || isObjectRef(x.via)) && typeof x.allowed === 'boolean' && isStringArray(x.policies);
const isAccount = (x: unknown): boolean => named(x) && isString(x.namespace) && typeof x.defined === 'boolean' &&
  isArrayOf(x.rules, (r) => isObject(r) && isStringArray(r.verbs) && isStringArray(r.resources) && isStringArray(r.apiGroups) && isString(r.scope) && isString(r.via)) &&
  isArrayOf(x.workloads, isObjectRef);
const isVolume = (x: unknown): boolean => named(x) && isString(x.kind) && isString(x.status) && isStringArray(x.usedBy);
const isFinding = (x: unknown): boolean => isObject(x) && isObjectRef(x.target) && isString(x.ruleId) &&
  (x.severity === 'error' || x.severity === 'warning' || x.severity === 'info') && isString(x.message) && optional(x.source, isSourceRef);

/** True when `x` has the shape of a ClusterView of the version this code draws. */
export function isClusterView(x: unknown): x is ClusterView {
  return isObject(x) && x.version === CLUSTER_VIEW_VERSION &&
    isArrayOf(x.nodes, isNode) && isArrayOf(x.pods, isPod) && isArrayOf(x.workloads, isWorkload) &&
    isArrayOf(x.services, isService) && isArrayOf(x.ingresses, isIngress) && isArrayOf(x.traffic, isTraffic) &&
    isArrayOf(x.serviceAccounts, isAccount) && isArrayOf(x.volumes, isVolume) && isArrayOf(x.findings, isFinding) &&
    optional(x.whatIf, (w) => isObject(w) && isStringArray(w.removedNodes) && isStringArray(w.cordonedNodes) && isStringArray(w.newlyPending) &&
      isStringArray(w.servicesWithoutEndpoints) && isArrayOf(w.moved, (m) => isObject(m) && isString(m.pod) && isString(m.from) && isString(m.to)));
}

export function isWhatIfRequest(x: unknown): x is WhatIfRequest {
  return isObject(x) && isStringArray(x.removeNodes) && isStringArray(x.cordonNodes) &&
    isArrayOf(x.replicas, (r) => isObject(r) && isObjectRef(r.workload) && isNumber(r.replicas) && Number.isInteger(r.replicas) && r.replicas >= 0 && r.replicas <= 10000);
}

/** Largest export the extension accepts from the webview (base64 PNG of a large cluster included). */
export const MAX_EXPORT_CHARS = 64 * 1024 * 1024;

/** The message if `x` is a valid extension → webview message, else null. */
export function parseToWebview(x: unknown): ToWebview | null {
  if (!isObject(x)) return null;
  switch (x.type) {
    case 'view':
      return isClusterView(x.view) && isString(x.locale) && isString(x.scope) && optional(x.whatIf, isWhatIfRequest) ? (x as ToWebview) : null;
    case 'status':
      return x.broken === null || isString(x.broken) ? (x as ToWebview) : null;
    case 'highlight':
      return (x.file === null || isString(x.file)) && isNumber(x.startLine) && isNumber(x.endLine) ? (x as ToWebview) : null;
    default:
      return null;
  }
}

/** The message if `x` is a valid webview → extension message, else null. */
export function parseFromWebview(x: unknown): FromWebview | null {
  if (!isObject(x)) return null;
  switch (x.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      return isSourceRef(x.source) && isString(x.key) ? { type: 'reveal', source: x.source, key: x.key } : null;
    case 'whatIf':
      return isWhatIfRequest(x.whatIf) ? { type: 'whatIf', whatIf: x.whatIf } : null;
    case 'applyReplicas':
      return isObjectRef(x.workload) && isNumber(x.replicas) && Number.isInteger(x.replicas) && x.replicas >= 0 && x.replicas <= 10000 && isSourceRef(x.source)
        ? { type: 'applyReplicas', workload: x.workload, replicas: x.replicas, source: x.source }
        : null;
    case 'export':
      return (x.format === 'svg' || x.format === 'png') && isString(x.data) && x.data.length <= MAX_EXPORT_CHARS
        ? { type: 'export', format: x.format, data: x.data }
        : null;
    default:
      return null;
  }
}

/** An empty what-if (the plain simulation). */
export const NO_WHAT_IF: WhatIfRequest = { removeNodes: [], cordonNodes: [], replicas: [] };

export function isEmptyWhatIf(w: WhatIfRequest | undefined): boolean {
  return !w || (w.removeNodes.length === 0 && w.cordonNodes.length === 0 && w.replicas.length === 0);
}
