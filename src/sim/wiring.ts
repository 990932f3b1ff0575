/**
 * @fileoverview How the placed pods are wired: Services and their endpoints (ports resolved to
 * container ports), Ingresses down to pods, the traffic NetworkPolicies allow or deny (with
 * Kubernetes' exact isolation and peer semantics, DNS egress included), the permissions of
 * each ServiceAccount through its bindings, and storage (claims, volumes, ConfigMaps, Secrets).
 */
import type { Manifest } from '../core/source/parse';
import { isRecord } from '../core/source/parse';
import { stringRecord } from '../core/model/pod-template';
import { matchesLabelSelector } from '../core/model/selector';
import type {
  IngressPathView, IngressView, ObjectRef, PolicyRuleView, ServiceAccountView, ServicePortView, ServiceView,
  SourceRef, TrafficPeer, TrafficView, VolumeView,
} from '../protocol/cluster-view';
import type { SimPod } from './expand';
import { wholeUnits } from './resources';

export interface Wiring {
  services: ServiceView[];
  ingresses: IngressView[];
  traffic: TrafficView[];
  serviceAccounts: ServiceAccountView[];
  volumes: VolumeView[];
}

interface Placed {
  pod: SimPod;
  node: string | null;
}

/** Above this many candidate client → Service pairs, only clients that name the Service are considered. */
const MAX_ALL_PAIRS = 2000;

export function wire(manifests: readonly Manifest[], placed: Placed[], defaultNamespace: string, sourceOf: (m: Manifest) => SourceRef): Wiring {
  const ns = (m: Manifest): string => m.namespace ?? defaultNamespace;
  const ofKind = (kind: string): Manifest[] => manifests.filter((m) => m.kind === kind);
  const byNamespace = new Map<string, Placed[]>();
  for (const p of placed) {
    const list = byNamespace.get(p.pod.namespace);
    if (list) list.push(p);
    else byNamespace.set(p.pod.namespace, [p]);
  }
  const services = ofKind('Service').map((m) => serviceView(m, ns(m), byNamespace.get(ns(m)) ?? [], sourceOf(m)));
  const serviceByKey = new Map(services.map((s) => [`${s.namespace}/${s.name}`, s]));
  const secrets = new Set(ofKind('Secret').map((m) => `${ns(m)}/${m.name}`));
  const ingresses = ofKind('Ingress').map((m) => ingressView(m, ns(m), serviceByKey, secrets, sourceOf(m)));
  const traffic = trafficViews(manifests, ns, placed, byNamespace, services, ingresses, serviceByKey);
  return {
    services,
    ingresses,
    traffic,
    serviceAccounts: serviceAccountViews(manifests, ns, placed, sourceOf),
    volumes: volumeViews(manifests, ns, placed, sourceOf),
  };
}

// ------------------------------------------------------------------ Services

/** The container port a Service's targetPort reaches on a pod: a number as is, a name looked up in the pod's containers. */
export function resolveTargetPort(pod: SimPod, target: number | string, protocol: string): number | undefined {
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of Array.isArray(pod.spec.containers) ? pod.spec.containers : []) {
    if (!isRecord(c) || !Array.isArray(c.ports)) continue;
    for (const p of c.ports) {
      if (isRecord(p) && p.name === target && (p.protocol ?? 'TCP') === protocol && typeof p.containerPort === 'number') return p.containerPort;
    }
  }
  return undefined;
}

/** Placed pods by `key\u0000value` of each of their labels, built once per list. */
const labelIndexes = new WeakMap<Placed[], Map<string, Placed[]>>();

function labelIndex(placed: Placed[]): Map<string, Placed[]> {
  let index = labelIndexes.get(placed);
  if (!index) {
    index = new Map();
    for (const p of placed) {
      for (const k in p.pod.labels) {
        const key = `${k}\u0000${p.pod.labels[k]}`;
        const list = index.get(key);
        if (list) list.push(p);
        else index.set(key, [p]);
      }
    }
    labelIndexes.set(placed, index);
  }
  return index;
}

/** Pods of a namespace that a Service's map selector selects (an empty selector selects none). */
function selectPlaced(placed: Placed[], namespace: string, selector: Record<string, string>): Placed[] {
  const pairs = Object.entries(selector);
  if (pairs.length === 0) return [];
  const out: Placed[] = [];
  const [k0, v0] = pairs[0]!;
  outer: for (const p of labelIndex(placed).get(`${k0}\u0000${v0}`) ?? []) {
    if (p.pod.namespace !== namespace) continue;
    for (const [k, v] of pairs) if (p.pod.labels[k] !== v) continue outer;
    out.push(p);
  }
  return out;
}

function serviceView(m: Manifest, namespace: string, placed: Placed[], source: SourceRef): ServiceView {
  const spec = isRecord(m.object.spec) ? m.object.spec : {};
  const type = (['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(String(spec.type)) ? spec.type : 'ClusterIP') as ServiceView['type'];
  const selector = stringRecord(spec.selector);
  const backends = type === 'ExternalName' ? [] : selectPlaced(placed, namespace, selector);
  const running = backends.filter((p) => p.node !== null);
  const ports: ServicePortView[] = (Array.isArray(spec.ports) ? spec.ports : []).filter(isRecord).map((p) => {
    const port = typeof p.port === 'number' ? p.port : 0;
    const protocol = typeof p.protocol === 'string' ? p.protocol : 'TCP';
    const targetPort = typeof p.targetPort === 'number' || typeof p.targetPort === 'string' ? p.targetPort : port;
    const view: ServicePortView = { port, protocol, targetPort };
    if (typeof p.name === 'string') view.name = p.name;
    const resolved = backends.map((b) => resolveTargetPort(b.pod, targetPort, protocol)).find((x) => x !== undefined);
    if (resolved !== undefined) view.resolvedPort = resolved;
    if (typeof p.nodePort === 'number') view.nodePort = p.nodePort;
    return view;
  });
  const view: ServiceView = {
    name: m.name,
    namespace,
    type,
    headless: spec.clusterIP === 'None',
    selector,
    ports,
    endpoints: running.map((p) => p.pod.name),
    source,
  };
  if (type === 'ExternalName' && typeof spec.externalName === 'string') view.externalName = spec.externalName;
  return view;
}

// ------------------------------------------------------------------ Ingresses

function ingressView(m: Manifest, namespace: string, services: Map<string, ServiceView>, secrets: Set<string>, source: SourceRef): IngressView {
  const spec = isRecord(m.object.spec) ? m.object.spec : {};
  const backendOf = (b: unknown, host?: string, path?: string, pathType?: string): IngressPathView | undefined => {
    if (!isRecord(b) || !isRecord(b.service) || typeof b.service.name !== 'string') return undefined;
    const portSpec = isRecord(b.service.port) ? b.service.port : {};
    const port = typeof portSpec.number === 'number' ? portSpec.number : typeof portSpec.name === 'string' ? portSpec.name : undefined;
    const svc = services.get(`${namespace}/${b.service.name}`);
    const view: IngressPathView = {
      service: b.service.name,
      resolved: !!svc && (port === undefined || svc.ports.some((p) => p.port === port || p.name === port)),
    };
    if (port !== undefined) view.port = port;
    if (host !== undefined) view.host = host;
    if (path !== undefined) view.path = path;
    if (pathType !== undefined) view.pathType = pathType;
    return view;
  };
  const paths: IngressPathView[] = [];
  for (const rule of Array.isArray(spec.rules) ? spec.rules.filter(isRecord) : []) {
    const host = typeof rule.host === 'string' ? rule.host : undefined;
    const http = isRecord(rule.http) ? rule.http : {};
    for (const p of Array.isArray(http.paths) ? http.paths.filter(isRecord) : []) {
      const v = backendOf(p.backend, host, typeof p.path === 'string' ? p.path : undefined, typeof p.pathType === 'string' ? p.pathType : undefined);
      if (v) paths.push(v);
    }
  }
  const view: IngressView = {
    name: m.name,
    namespace,
    paths,
    tls: (Array.isArray(spec.tls) ? spec.tls.filter(isRecord) : []).map((t) => {
      const entry: IngressView['tls'][number] = {
        hosts: Array.isArray(t.hosts) ? t.hosts.map(String) : [],
        secretFound: typeof t.secretName === 'string' && secrets.has(`${namespace}/${t.secretName}`),
      };
      if (typeof t.secretName === 'string') entry.secretName = t.secretName;
      return entry;
    }),
    source,
  };
  if (typeof spec.ingressClassName === 'string') view.className = spec.ingressClassName;
  const def = backendOf(spec.defaultBackend);
  if (def) view.defaultBackend = def;
  return view;
}

// ------------------------------------------------------------------ NetworkPolicies

interface Policy {
  name: string;
  namespace: string;
  podSelector: unknown;
  ingress: boolean;
  egress: boolean;
  ingressRules: Array<Record<string, unknown>>;
  egressRules: Array<Record<string, unknown>>;
}

/** A party of a connection as policies see it: its labels and namespace, or outside the cluster. */
interface Endpoint {
  external: boolean;
  namespace: string;
  labels: Record<string, string>;
  /** The pod, to resolve named ports on a destination. */
  pod?: SimPod;
}

/** The cluster DNS as k3s and kubeadm run it: CoreDNS pods labelled `k8s-app=kube-dns` in kube-system, port 53. */
const DNS_ENDPOINT: Endpoint = { external: false, namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } };
/** k3s's default pod CIDR: an ipBlock covering it selects pods. */
const POD_CIDR = { base: ipToNumber('10.42.0.0')!, bits: 16 };

function readPolicies(manifests: readonly Manifest[], ns: (m: Manifest) => string): Policy[] {
  return manifests.filter((m) => m.kind === 'NetworkPolicy' && m.apiVersion === 'networking.k8s.io/v1').map((m) => {
    const spec = isRecord(m.object.spec) ? m.object.spec : {};
    const types = Array.isArray(spec.policyTypes) ? spec.policyTypes.map(String) : ['Ingress', ...(spec.egress !== undefined ? ['Egress'] : [])];
    return {
      name: m.name,
      namespace: ns(m),
      podSelector: isRecord(spec.podSelector) ? spec.podSelector : {},
      ingress: types.includes('Ingress'),
      egress: types.includes('Egress'),
      ingressRules: Array.isArray(spec.ingress) ? spec.ingress.map((r) => (isRecord(r) ? r : {})) : [],
      egressRules: Array.isArray(spec.egress) ? spec.egress.map((r) => (isRecord(r) ? r : {})) : [],
    };
  });
}

function ipToNumber(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((a, p) => a * 256 + Number(p), 0);
}

function cidrContains(outer: { base: number; bits: number }, inner: { base: number; bits: number }): boolean {
  if (outer.bits > inner.bits) return false;
  const size = 2 ** (32 - outer.bits);
  return Math.floor(outer.base / size) === Math.floor(inner.base / size);
}

function parseCidr(text: unknown): { base: number; bits: number } | undefined {
  if (typeof text !== 'string') return undefined;
  if (text === '::/0') return { base: 0, bits: 0 };
  const m = /^([\d.]+)\/(\d{1,2})$/.exec(text);
  const base = m ? ipToNumber(m[1]!) : undefined;
  return base === undefined ? undefined : { base, bits: Number(m![2]) };
}

/** An ipBlock: outside traffic matches a block covering everything (`0.0.0.0/0`); pods match one covering the pod CIDR. */
function ipBlockMatches(block: Record<string, unknown>, who: Endpoint): boolean {
  const cidr = parseCidr(block.cidr);
  if (!cidr) return false;
  const excepts = (Array.isArray(block.except) ? block.except : []).map(parseCidr).filter((c): c is { base: number; bits: number } => !!c);
  if (who.external) return cidr.bits === 0;
  return cidrContains(cidr, POD_CIDR) && !excepts.some((e) => cidrContains(e, POD_CIDR) || cidrContains(POD_CIDR, e));
}

function peerMatches(peer: unknown, policyNamespace: string, who: Endpoint, namespaceLabels: (ns: string) => Record<string, string>): boolean {
  if (!isRecord(peer)) return false;
  if (isRecord(peer.ipBlock)) return ipBlockMatches(peer.ipBlock, who);
  if (who.external) return false;
  const hasPods = peer.podSelector !== undefined && peer.podSelector !== null;
  const hasNs = peer.namespaceSelector !== undefined && peer.namespaceSelector !== null;
  if (!hasPods && !hasNs) return false;
  if (hasNs) {
    if (!matchesLabelSelector(namespaceLabels(who.namespace), peer.namespaceSelector)) return false;
  } else if (who.namespace !== policyNamespace) {
    return false;
  }
  return !hasPods || matchesLabelSelector(who.labels, peer.podSelector);
}

function portMatches(rulePorts: unknown, port: number, protocol: string, destination: Endpoint): boolean {
  if (!Array.isArray(rulePorts) || rulePorts.length === 0) return true;
  return rulePorts.some((p) => {
    if (!isRecord(p)) return false;
    if ((p.protocol ?? 'TCP') !== protocol) return false;
    if (p.port === undefined || p.port === null) return true;
    if (typeof p.port === 'string' && !/^\d+$/.test(p.port)) {
      return destination.pod !== undefined && resolveTargetPort(destination.pod, p.port, protocol) === port;
    }
    const start = Number(p.port);
    const end = typeof p.endPort === 'number' ? p.endPort : start;
    return port >= start && port <= end;
  });
}

/** One direction of a connection: is it allowed, and by which policies (or which isolate it). */
function direction(
  policies: Policy[], kind: 'ingress' | 'egress', subject: Endpoint, peer: Endpoint, port: number, protocol: string,
  destination: Endpoint, namespaceLabels: (ns: string) => Record<string, string>,
): { allowed: boolean; policies: string[]; isolated: boolean } {
  if (subject.external) return { allowed: true, policies: [], isolated: false };
  const selecting = policies.filter((p) => p[kind] && p.namespace === subject.namespace && matchesLabelSelector(subject.labels, p.podSelector));
  if (selecting.length === 0) return { allowed: true, policies: [], isolated: false };
  const allowing = selecting.filter((p) => (kind === 'ingress' ? p.ingressRules : p.egressRules).some((rule) => {
    const peers = kind === 'ingress' ? rule.from : rule.to;
    const peerOk = !Array.isArray(peers) || peers.length === 0 || peers.some((x) => peerMatches(x, p.namespace, peer, namespaceLabels));
    return peerOk && portMatches(rule.ports, port, protocol, destination);
  }));
  const name = (p: Policy): string => `${p.namespace}/${p.name}`;
  return allowing.length ? { allowed: true, policies: allowing.map(name), isolated: true } : { allowed: false, policies: selecting.map(name), isolated: true };
}

function trafficViews(
  manifests: readonly Manifest[], ns: (m: Manifest) => string, placed: Placed[], byNamespace: Map<string, Placed[]>, services: ServiceView[],
  ingresses: IngressView[], serviceByKey: Map<string, ServiceView>,
): TrafficView[] {
  const policies = readPolicies(manifests, ns);
  const nsLabels = new Map<string, Record<string, string>>();
  for (const m of manifests) if (m.kind === 'Namespace') nsLabels.set(m.name, stringRecord(isRecord(m.object.metadata) ? m.object.metadata.labels : undefined));
  const namespaceLabels = (n: string): Record<string, string> => ({ ...(nsLabels.get(n) ?? {}), 'kubernetes.io/metadata.name': n });

  // One representative pod per workload.
  const workloads = new Map<string, { ref: ObjectRef; pod: SimPod; words: Set<string> }>();
  for (const { pod } of placed) {
    if (workloads.has(pod.workload)) continue;
    const [kind, namespace, name] = pod.workload.split('/') as [string, string, string];
    // The words of its containers (env, args, command): a Service named there is one it calls.
    const words = new Set(JSON.stringify([pod.spec.containers, pod.spec.initContainers]).toLowerCase().split(/[^a-z0-9-]+/));
    workloads.set(pod.workload, { ref: { kind, name, namespace }, pod, words });
  }
  const endpointOf = (pod: SimPod): Endpoint => ({ external: false, namespace: pod.namespace, labels: pod.labels, pod });
  const out: TrafficView[] = [];
  const seen = new Set<string>();
  const peerKey = (p: TrafficPeer): string => (p.kind === 'workload' ? `${p.workload.kind}/${p.workload.namespace}/${p.workload.name}` : p.kind);
  const evaluate = (from: TrafficPeer, source: Endpoint, to: TrafficPeer, dest: Endpoint, port: number, protocol: string, via: ObjectRef | null): void => {
    // Two Service ports on one container port (80 and 443 to 8080) are one path.
    const key = `${peerKey(from)}\u0000${peerKey(to)}\u0000${port}/${protocol}\u0000${via ? `${via.kind}/${via.name}` : ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    const egress = direction(policies, 'egress', source, dest, port, protocol, dest, namespaceLabels);
    const ingress = direction(policies, 'ingress', dest, source, port, protocol, dest, namespaceLabels);
    const view: TrafficView = { from, to, port, protocol, via, allowed: egress.allowed && ingress.allowed, policies: [] };
    if (view.allowed) view.policies = [...egress.policies, ...ingress.policies];
    else {
      view.deniedBy = [];
      if (!egress.allowed) { view.deniedBy.push('egress'); view.policies.push(...egress.policies); }
      if (!ingress.allowed) { view.deniedBy.push('ingress'); view.policies.push(...ingress.policies); }
    }
    view.policies = [...new Set(view.policies)];
    out.push(view);
  };

  const backendCache = new Map<ServiceView, Array<{ ref: ObjectRef; pod: SimPod; key: string }>>();
  const backendsOf = (svc: ServiceView): Array<{ ref: ObjectRef; pod: SimPod; key: string }> => {
    const cached = backendCache.get(svc);
    if (cached) return cached;
    const seen = new Map<string, { ref: ObjectRef; pod: SimPod; key: string }>();
    for (const { pod } of selectPlaced(byNamespace.get(svc.namespace) ?? [], svc.namespace, svc.selector)) {
      if (seen.has(pod.workload)) continue;
      seen.set(pod.workload, { ...workloads.get(pod.workload)!, key: pod.workload });
    }
    const list = [...seen.values()];
    backendCache.set(svc, list);
    return list;
  };

  const all = [...workloads.entries()];
  const pairs = services.reduce((n, s) => n + (s.type === 'ExternalName' ? 0 : all.length), 0);
  // Beyond MAX_ALL_PAIRS, only the workloads that name a Service are its clients: index them by word.
  const byWord = new Map<string, Array<[string, (typeof all)[number][1]]>>();
  if (pairs > MAX_ALL_PAIRS) {
    for (const entry of all) {
      for (const word of entry[1].words) {
        const list = byWord.get(word);
        if (list) list.push(entry);
        else byWord.set(word, [entry]);
      }
    }
  }
  for (const svc of services) {
    if (svc.type === 'ExternalName') continue;
    const backends = backendsOf(svc);
    if (!backends.length) continue;
    const via: ObjectRef = { kind: 'Service', name: svc.name, namespace: svc.namespace };
    const clients = pairs > MAX_ALL_PAIRS ? byWord.get(svc.name.toLowerCase()) ?? [] : all;
    for (const [key, client] of clients) {
      if (backends.some((b) => b.key === key)) continue;
      for (const b of backends) {
        for (const p of svc.ports) {
          const port = resolveTargetPort(b.pod, p.targetPort, p.protocol);
          if (port === undefined) continue;
          evaluate({ kind: 'workload', workload: client.ref }, endpointOf(client.pod), { kind: 'workload', workload: b.ref }, endpointOf(b.pod), port, p.protocol, via);
        }
      }
    }
    if (svc.type === 'NodePort' || svc.type === 'LoadBalancer') {
      for (const b of backends) {
        for (const p of svc.ports) {
          const port = resolveTargetPort(b.pod, p.targetPort, p.protocol);
          if (port !== undefined) evaluate({ kind: 'external' }, { external: true, namespace: '', labels: {} }, { kind: 'workload', workload: b.ref }, endpointOf(b.pod), port, p.protocol, via);
        }
      }
    }
  }
  // Outside → Ingress → Service → pods (the ingress controller's own egress is outside the inputs).
  for (const ing of ingresses) {
    const via: ObjectRef = { kind: 'Ingress', name: ing.name, namespace: ing.namespace };
    const done = new Set<string>();
    for (const path of [...ing.paths, ...(ing.defaultBackend ? [ing.defaultBackend] : [])]) {
      const svc = serviceByKey.get(`${ing.namespace}/${path.service}`);
      if (!svc) continue;
      const sp = svc.ports.find((p) => p.port === path.port || p.name === path.port) ?? (path.port === undefined ? svc.ports[0] : undefined);
      if (!sp) continue;
      for (const b of backendsOf(svc)) {
        const port = resolveTargetPort(b.pod, sp.targetPort, sp.protocol);
        const key = `${b.key}/${port}`;
        if (port === undefined || done.has(key)) continue;
        done.add(key);
        evaluate({ kind: 'external' }, { external: true, namespace: '', labels: {} }, { kind: 'workload', workload: b.ref }, endpointOf(b.pod), port, sp.protocol, via);
      }
    }
  }
  // DNS: every workload resolves names through the cluster DNS (UDP 53), which egress policies must allow.
  if (policies.length) {
    for (const [, w] of all) evaluate({ kind: 'workload', workload: w.ref }, endpointOf(w.pod), { kind: 'dns' }, DNS_ENDPOINT, 53, 'UDP', null);
  }
  return out;
}

// ------------------------------------------------------------------ RBAC

interface RoleRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}

function readRules(raw: unknown): RoleRule[] {
  return (Array.isArray(raw) ? raw.filter(isRecord) : []).map((r) => {
    const rule: RoleRule = {
      apiGroups: Array.isArray(r.apiGroups) ? r.apiGroups.map(String) : [],
      resources: Array.isArray(r.resources) ? r.resources.map(String) : Array.isArray(r.nonResourceURLs) ? r.nonResourceURLs.map(String) : [],
      verbs: Array.isArray(r.verbs) ? r.verbs.map(String) : [],
    };
    if (Array.isArray(r.resourceNames) && r.resourceNames.length) rule.resourceNames = r.resourceNames.map(String);
    return rule;
  });
}

function serviceAccountViews(manifests: readonly Manifest[], ns: (m: Manifest) => string, placed: Placed[], sourceOf: (m: Manifest) => SourceRef): ServiceAccountView[] {
  const accounts = new Map<string, ServiceAccountView>();
  const get = (namespace: string, name: string): ServiceAccountView => {
    const key = `${namespace}/${name}`;
    let sa = accounts.get(key);
    if (!sa) {
      sa = { name, namespace, defined: false, rules: [], workloads: [] };
      accounts.set(key, sa);
    }
    return sa;
  };
  for (const m of manifests) {
    if (m.kind !== 'ServiceAccount') continue;
    const sa = get(ns(m), m.name);
    sa.defined = true;
    sa.source = sourceOf(m);
  }
  const seenWorkloads = new Set<string>();
  for (const { pod } of placed) {
    if (seenWorkloads.has(pod.workload)) continue;
    seenWorkloads.add(pod.workload);
    const name = typeof pod.spec.serviceAccountName === 'string' && pod.spec.serviceAccountName ? pod.spec.serviceAccountName
      : typeof pod.spec.serviceAccount === 'string' && pod.spec.serviceAccount ? pod.spec.serviceAccount : 'default';
    const [kind, namespace, wname] = pod.workload.split('/') as [string, string, string];
    const sa = get(pod.namespace, name);
    sa.workloads.push({ kind, name: wname, namespace });
    // Every namespace has its `default` ServiceAccount.
    if (name === 'default') sa.defined = true;
  }
  const clusterRoles = manifests.filter((m) => m.kind === 'ClusterRole');
  const roleRules = (kind: string, name: string, namespace: string): RoleRule[] => {
    if (kind === 'Role') return readRules(manifests.find((m) => m.kind === 'Role' && m.name === name && ns(m) === namespace)?.object.rules);
    const role = clusterRoles.find((m) => m.name === name);
    if (!role) return name === 'cluster-admin' ? [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }] : [];
    const aggregation = isRecord(role.object.aggregationRule) && Array.isArray(role.object.aggregationRule.clusterRoleSelectors) ? role.object.aggregationRule.clusterRoleSelectors : undefined;
    if (!aggregation) return readRules(role.object.rules);
    const rules: RoleRule[] = [];
    for (const other of clusterRoles) {
      if (other === role) continue;
      const labels = stringRecord(isRecord(other.object.metadata) ? other.object.metadata.labels : undefined);
      if (aggregation.some((s) => matchesLabelSelector(labels, s))) rules.push(...readRules(other.object.rules));
    }
    return rules;
  };
  const subjectsMatch = (subject: Record<string, unknown>, bindingNs: string | undefined, sa: ServiceAccountView): boolean => {
    const name = String(subject.name ?? '');
    if (subject.kind === 'ServiceAccount') return name === sa.name && (typeof subject.namespace === 'string' && subject.namespace ? subject.namespace : bindingNs) === sa.namespace;
    if (subject.kind === 'User') return name === `system:serviceaccount:${sa.namespace}:${sa.name}`;
    if (subject.kind === 'Group') return name === 'system:serviceaccounts' || name === `system:serviceaccounts:${sa.namespace}` || name === 'system:authenticated';
    return false;
  };
  for (const m of manifests) {
    if (m.kind !== 'RoleBinding' && m.kind !== 'ClusterRoleBinding') continue;
    const roleRef = isRecord(m.object.roleRef) ? m.object.roleRef : {};
    if (typeof roleRef.kind !== 'string' || typeof roleRef.name !== 'string') continue;
    const bindingNs = m.kind === 'RoleBinding' ? ns(m) : undefined;
    const subjects = Array.isArray(m.object.subjects) ? m.object.subjects.filter(isRecord) : [];
    // Explicit ServiceAccount subjects name accounts that may not be among the inputs.
    for (const s of subjects) {
      if (s.kind === 'ServiceAccount' && typeof s.name === 'string') get(typeof s.namespace === 'string' && s.namespace ? s.namespace : bindingNs ?? 'default', s.name);
    }
    const rules = roleRules(roleRef.kind, roleRef.name, bindingNs ?? '');
    const via = m.kind === 'RoleBinding' ? `RoleBinding/${bindingNs}/${m.name}` : `ClusterRoleBinding/${m.name}`;
    for (const sa of accounts.values()) {
      if (!subjects.some((s) => subjectsMatch(s, bindingNs, sa))) continue;
      for (const r of rules) {
        const view: PolicyRuleView = { ...r, scope: bindingNs ?? '*', via };
        sa.rules.push(view);
      }
    }
  }
  return [...accounts.values()];
}

// ------------------------------------------------------------------ Storage

/**
 * Claims among the inputs that no volume can bind before a pod is placed, and whose class does
 * not wait for a consumer (`namespace/name`): VolumeBinding keeps their pods Pending.
 */
export function unboundImmediateClaims(manifests: readonly Manifest[], defaultNamespace: string): Set<string> {
  const ns = (m: Manifest): string => m.namespace ?? defaultNamespace;
  const out = new Set<string>();
  for (const v of volumeViews(manifests, ns, [], () => ({ file: '', line: 1 }))) {
    if (v.kind === 'PersistentVolumeClaim' && v.status === 'Pending' && v.reason !== WAITING_FOR_CONSUMER) out.add(`${v.namespace}/${v.name}`);
  }
  return out;
}

const WAITING_FOR_CONSUMER = 'waiting for first consumer to be created before binding';

function volumeViews(manifests: readonly Manifest[], ns: (m: Manifest) => string, placed: Placed[], sourceOf: (m: Manifest) => SourceRef): VolumeView[] {
  const out: VolumeView[] = [];
  const classes = manifests.filter((m) => m.kind === 'StorageClass');
  const defaultClass = classes.find((m) => isRecord(m.object.metadata) && isRecord(m.object.metadata.annotations) && String(m.object.metadata.annotations['storageclass.kubernetes.io/is-default-class']) === 'true')?.name
    ?? (classes.length === 0 ? 'local-path' : undefined);
  const bindingMode = (name: string): string => {
    const sc = classes.find((m) => m.name === name);
    if (!sc) return name === 'local-path' ? 'WaitForFirstConsumer' : 'Immediate';
    return typeof sc.object.volumeBindingMode === 'string' ? sc.object.volumeBindingMode : 'Immediate';
  };
  const classExists = (name: string): boolean => classes.some((m) => m.name === name) || (classes.length === 0 && name === 'local-path');
  for (const sc of classes) {
    out.push({ kind: 'StorageClass', name: sc.name, status: 'Present', usedBy: [], source: sourceOf(sc) });
  }

  // Who mounts or references what.
  const usedBy = new Map<string, string[]>();
  const use = (key: string, pod: string): void => {
    const list = usedBy.get(key);
    if (!list) usedBy.set(key, [pod]);
    else if (!list.includes(pod)) list.push(pod);
  };
  const optional = new Set<string>();
  for (const { pod } of placed) {
    for (const claim of pod.claims) use(`PersistentVolumeClaim/${pod.namespace}/${claim}`, pod.name);
    for (const v of Array.isArray(pod.spec.volumes) ? pod.spec.volumes.filter(isRecord) : []) {
      if (isRecord(v.configMap) && typeof v.configMap.name === 'string') {
        use(`ConfigMap/${pod.namespace}/${v.configMap.name}`, pod.name);
        if (v.configMap.optional === true) optional.add(`ConfigMap/${pod.namespace}/${v.configMap.name}`);
      }
      if (isRecord(v.secret) && typeof v.secret.secretName === 'string') {
        use(`Secret/${pod.namespace}/${v.secret.secretName}`, pod.name);
        if (v.secret.optional === true) optional.add(`Secret/${pod.namespace}/${v.secret.secretName}`);
      }
      if (isRecord(v.projected) && Array.isArray(v.projected.sources)) {
        for (const s of v.projected.sources.filter(isRecord)) {
          if (isRecord(s.configMap) && typeof s.configMap.name === 'string') use(`ConfigMap/${pod.namespace}/${s.configMap.name}`, pod.name);
          if (isRecord(s.secret) && typeof s.secret.name === 'string') use(`Secret/${pod.namespace}/${s.secret.name}`, pod.name);
        }
      }
    }
    const containers = [...(Array.isArray(pod.spec.initContainers) ? pod.spec.initContainers : []), ...(Array.isArray(pod.spec.containers) ? pod.spec.containers : [])].filter(isRecord);
    for (const c of containers) {
      for (const e of Array.isArray(c.envFrom) ? c.envFrom.filter(isRecord) : []) {
        if (isRecord(e.configMapRef) && typeof e.configMapRef.name === 'string') use(`ConfigMap/${pod.namespace}/${e.configMapRef.name}`, pod.name);
        if (isRecord(e.secretRef) && typeof e.secretRef.name === 'string') use(`Secret/${pod.namespace}/${e.secretRef.name}`, pod.name);
      }
      for (const e of Array.isArray(c.env) ? c.env.filter(isRecord) : []) {
        const from = isRecord(e.valueFrom) ? e.valueFrom : {};
        if (isRecord(from.configMapKeyRef) && typeof from.configMapKeyRef.name === 'string') use(`ConfigMap/${pod.namespace}/${from.configMapKeyRef.name}`, pod.name);
        if (isRecord(from.secretKeyRef) && typeof from.secretKeyRef.name === 'string') use(`Secret/${pod.namespace}/${from.secretKeyRef.name}`, pod.name);
      }
    }
    for (const s of Array.isArray(pod.spec.imagePullSecrets) ? pod.spec.imagePullSecrets.filter(isRecord) : []) {
      if (typeof s.name === 'string') use(`Secret/${pod.namespace}/${s.name}`, pod.name);
    }
  }

  // ConfigMaps and Secrets: present ones, then referenced but missing ones.
  const present = new Set<string>();
  for (const m of manifests) {
    if (m.kind !== 'ConfigMap' && m.kind !== 'Secret') continue;
    const key = `${m.kind}/${ns(m)}/${m.name}`;
    present.add(key);
    out.push({ kind: m.kind, name: m.name, namespace: ns(m), status: 'Present', usedBy: usedBy.get(key) ?? [], source: sourceOf(m) });
  }
  for (const [key, pods] of usedBy) {
    const [kind, namespace, name] = key.split('/') as ['ConfigMap' | 'Secret' | 'PersistentVolumeClaim', string, string];
    if (kind === 'PersistentVolumeClaim' || present.has(key)) continue;
    const view: VolumeView = { kind, name, namespace, status: 'Missing', usedBy: pods };
    if (optional.has(key)) view.reason = 'optional: the pods start without it';
    out.push(view);
  }

  // Claims (from manifests and StatefulSet templates) against volumes.
  interface Claim { name: string; namespace: string; spec: Record<string, unknown>; source?: SourceRef }
  const claims: Claim[] = manifests.filter((m) => m.kind === 'PersistentVolumeClaim').map((m) => ({ name: m.name, namespace: ns(m), spec: isRecord(m.object.spec) ? m.object.spec : {}, source: sourceOf(m) }));
  const claimNames = new Set(claims.map((c) => `${c.namespace}/${c.name}`));
  for (const { pod } of placed) {
    if (pod.owner.kind !== 'StatefulSet') continue;
    const sts = manifests.find((m) => m.kind === 'StatefulSet' && m.name === pod.owner.name && ns(m) === pod.namespace);
    const templates = sts && isRecord(sts.object.spec) && Array.isArray(sts.object.spec.volumeClaimTemplates) ? sts.object.spec.volumeClaimTemplates.filter(isRecord) : [];
    for (const t of templates) {
      const tName = isRecord(t.metadata) && typeof t.metadata.name === 'string' ? t.metadata.name : '';
      const name = `${tName}-${pod.name}`;
      if (!tName || claimNames.has(`${pod.namespace}/${name}`)) continue;
      claimNames.add(`${pod.namespace}/${name}`);
      const claim: Claim = { name, namespace: pod.namespace, spec: isRecord(t.spec) ? t.spec : {} };
      if (sts) claim.source = sourceOf(sts);
      claims.push(claim);
    }
  }
  const pvs = manifests.filter((m) => m.kind === 'PersistentVolume').map((m) => {
    const spec = isRecord(m.object.spec) ? m.object.spec : {};
    return {
      m, spec,
      capacity: isRecord(spec.capacity) ? wholeUnits(spec.capacity.storage) ?? 0 : 0,
      modes: Array.isArray(spec.accessModes) ? spec.accessModes.map(String) : [],
      storageClass: typeof spec.storageClassName === 'string' ? spec.storageClassName : '',
      labels: stringRecord(isRecord(m.object.metadata) ? m.object.metadata.labels : undefined),
      boundTo: undefined as string | undefined,
    };
  });
  const placedByPod = new Map(placed.map((p) => [`${p.pod.namespace}/${p.pod.name}`, p.node]));
  for (const c of claims) {
    const key = `PersistentVolumeClaim/${c.namespace}/${c.name}`;
    const request = isRecord(c.spec.resources) && isRecord(c.spec.resources.requests) ? wholeUnits(c.spec.resources.requests.storage) ?? 0 : 0;
    const modes = Array.isArray(c.spec.accessModes) ? c.spec.accessModes.map(String) : [];
    const className = typeof c.spec.storageClassName === 'string' ? c.spec.storageClassName : defaultClass;
    const view: VolumeView = { kind: 'PersistentVolumeClaim', name: c.name, namespace: c.namespace, status: 'Pending', usedBy: usedBy.get(key) ?? [], accessModes: modes };
    if (className) view.storageClass = className;
    if (request) view.capacity = request;
    if (c.source) view.source = c.source;
    const fits = (pv: (typeof pvs)[number]): boolean =>
      pv.boundTo === undefined && pv.storageClass === (className ?? '') && pv.capacity >= request && modes.every((mode) => pv.modes.includes(mode))
      && (!isRecord(c.spec.selector) || matchesLabelSelector(pv.labels, c.spec.selector));
    let pv: (typeof pvs)[number] | undefined;
    if (typeof c.spec.volumeName === 'string' && c.spec.volumeName) {
      pv = pvs.find((p) => p.m.name === c.spec.volumeName);
      if (!pv) view.reason = `volume "${c.spec.volumeName}" not found`;
      else if (pv.boundTo !== undefined) { view.reason = `volume "${pv.m.name}" already bound to a different claim`; pv = undefined; }
    } else {
      pv = pvs.filter(fits).sort((a, b) => a.capacity - b.capacity || (a.m.name < b.m.name ? -1 : a.m.name > b.m.name ? 1 : 0))[0];
    }
    if (pv) {
      pv.boundTo = `${c.namespace}/${c.name}`;
      view.status = 'Bound';
      view.boundTo = pv.m.name;
    } else if (!view.reason) {
      if (!className) view.reason = 'no persistent volumes available for this claim and no storage class is set';
      else if (!classExists(className)) view.reason = `storageclass.storage.k8s.io "${className}" not found`;
      else if (bindingMode(className) === 'WaitForFirstConsumer' && !view.usedBy.some((p) => placedByPod.get(`${c.namespace}/${p}`))) view.reason = WAITING_FOR_CONSUMER;
      else {
        view.status = 'Bound';
        view.boundTo = `pvc-${c.namespace}-${c.name}`;
        view.reason = `dynamically provisioned by storage class "${className}"`;
      }
    }
    out.push(view);
  }
  for (const pv of pvs) {
    const view: VolumeView = { kind: 'PersistentVolume', name: pv.m.name, status: pv.boundTo ? 'Bound' : 'Available', usedBy: [], capacity: pv.capacity, accessModes: pv.modes, source: sourceOf(pv.m) };
    if (pv.storageClass) view.storageClass = pv.storageClass;
    if (pv.boundTo) {
      view.boundTo = pv.boundTo;
      view.usedBy = usedBy.get(`PersistentVolumeClaim/${pv.boundTo}`) ?? [];
    }
    out.push(view);
  }
  return out;
}
