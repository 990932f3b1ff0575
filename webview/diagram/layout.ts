/**
 * @fileoverview Where everything goes: a pure function from a ClusterView (and the viewer's
 * grouping choice) to boxes and edge paths, with no DOM. Bands from top to bottom: the outside
 * world and Ingresses, Services, workloads, the node grid (pods packed inside each node) with
 * the Pending lane, configuration and storage, service accounts. Edges run between bands.
 * The layout does not depend on the search, the colouring or which layers are shown, so those
 * change classes only, never positions.
 */
import type {
  ClusterView, IngressView, NodeView, PodView, ServiceAccountView, ServiceView, TrafficPeer, TrafficView, VolumeView, WorkloadView,
} from '../../src/protocol/cluster-view';
import {
  accountKey, DNS_KEY, EXTERNAL_KEY, ingressKey, nodeKey, podKey, podWorkloads, serviceKey, volumeKey, workloadKey,
} from './model';

/** The wiring layers a user can toggle. */
export type LayerId = 'ingress' | 'services' | 'traffic' | 'config' | 'rbac' | 'owners';
export const LAYERS: readonly LayerId[] = ['ingress', 'services', 'traffic', 'config', 'rbac', 'owners'];
export const DEFAULT_LAYERS: readonly LayerId[] = ['ingress', 'services', 'traffic'];

export interface LayoutOptions {
  /** Pods inside a node, and the items of each band, grouped under their namespace. */
  groupByNamespace: boolean;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PodBox extends Box {
  key: string;
  pod: PodView;
  /** The workload it belongs to (its colour, its findings). */
  ownerKey: string;
}

export interface Label {
  x: number;
  y: number;
  /** A namespace; empty for cluster-scoped objects. */
  text: string;
}

export type NodeState = 'ready' | 'cordoned' | 'removed';

export interface NodeBox extends Box {
  key: string;
  /** Null for a node the what-if removed and the simulation no longer lists. */
  node: NodeView | null;
  name: string;
  state: NodeState;
  pods: PodBox[];
  /** Namespace headers among the pods, when grouping. */
  groupLabels: Label[];
  /** Top of the taint badges row and of the pods area. */
  taintsY: number;
  podsY: number;
}

export type ItemKind = 'external' | 'dns' | 'ingress' | 'service' | 'workload' | 'hpa' | 'volume' | 'account';

export interface ItemBox extends Box {
  key: string;
  kind: ItemKind;
  /** The object shown (absent for the outside world and DNS). */
  data?: IngressView | ServiceView | WorkloadView | VolumeView | ServiceAccountView;
  name: string;
  namespace?: string;
  /** What kind of object, shown under the name (`Deployment`, `ClusterIP :80→8080`...). */
  subtitle: string;
}

export interface Band extends Box {
  id: 'edge' | 'services' | 'workloads' | 'storage' | 'accounts';
  items: ItemBox[];
  groupLabels: Label[];
}

export type EdgeStyle = 'plain' | 'allowed' | 'denied';

export interface EdgeGeom {
  layer: LayerId;
  from: string;
  to: string;
  d: string;
  style: EdgeStyle;
  /** The traffic entries behind a traffic edge (same ends, same verdict). */
  traffic?: TrafficView[];
  /** A short label (ports, host/path). */
  label?: string;
}

export interface Layout {
  width: number;
  height: number;
  /** True when there are few enough pods to draw them as labelled pills. */
  detailed: boolean;
  bands: Band[];
  nodes: NodeBox[];
  nodesTitleY: number;
  pending: Box & { key: string; pods: PodBox[]; groupLabels: Label[] };
  edges: EdgeGeom[];
  /** Every drawn element by key (edges join them). */
  boxes: Map<string, Box>;
}

// Geometry, in SVG user units (px at zoom 1).
const MARGIN = 20;
const BAND_GAP = 56;
const TITLE_H = 18;
const ITEM_W = 176;
const ITEM_H = 40;
const ITEM_GAP = 10;
const NODE_W = 300;
const NODE_GAP = 16;
const NODE_PAD = 8;
const NODE_HEADER_H = 34;
const BAR_H = 14;
const TAINT_H = 16;
const PILL_H = 18;
const PILL_GAP = 4;
const CELL = 10;
const CELL_GAP = 2;
const GROUP_LABEL_H = 14;
/** Up to this many pods, pods are pills with their name; above, small squares. */
export const DETAIL_LIMIT = 120;
/** Node grid columns: as many as fit in this width. */
const MAX_GRID_WIDTH = 1600;

const byName = (a: { name: string; namespace?: string }, b: { name: string; namespace?: string }): number =>
  cmp(a.namespace ?? '', b.namespace ?? '') || cmp(a.name, b.name);

/** Lays a ClusterView out. Deterministic: the same view and options give the same layout. */
export function layoutView(view: ClusterView, options: LayoutOptions): Layout {
  const detailed = view.pods.length <= DETAIL_LIMIT;
  const boxes = new Map<string, Box>();
  const owners = podWorkloads(view);
  const ownerOf = (pod: PodView): string => owners.get(podKey(pod.namespace, pod.name)) ?? '';

  // Nodes, with ghost cards for nodes the what-if removed.
  const removed = new Set(view.whatIf?.removedNodes ?? []);
  const cordoned = new Set(view.whatIf?.cordonedNodes ?? []);
  const nodeEntries: Array<{ name: string; node: NodeView | null }> = view.nodes.map((n) => ({ name: n.name, node: n }));
  for (const name of removed) if (!view.nodes.some((n) => n.name === name)) nodeEntries.push({ name, node: null });

  const podsByNode = new Map<string, PodView[]>();
  const pendingPods: PodView[] = [];
  const known = new Set(nodeEntries.map((n) => n.name));
  for (const pod of view.pods) {
    if (pod.node && known.has(pod.node)) {
      let list = podsByNode.get(pod.node);
      if (!list) podsByNode.set(pod.node, (list = []));
      list.push(pod);
    } else {
      pendingPods.push(pod);
    }
  }

  const columns = Math.max(1, Math.min(nodeEntries.length || 1, Math.floor((MAX_GRID_WIDTH + NODE_GAP) / (NODE_W + NODE_GAP))));
  const gridWidth = columns * NODE_W + (columns - 1) * NODE_GAP;
  const width = Math.max(gridWidth, 4 * ITEM_W + 3 * ITEM_GAP) + 2 * MARGIN;
  const innerW = width - 2 * MARGIN;

  // Bands above the nodes.
  let y = MARGIN;
  const bands: Band[] = [];
  const addBand = (id: Band['id'], items: ItemBox[]): void => {
    if (items.length === 0) return;
    const band = flowBand(id, items, MARGIN, y, innerW, options.groupByNamespace);
    bands.push(band);
    for (const item of band.items) boxes.set(item.key, item);
    y += band.h + BAND_GAP;
  };

  const exposed = view.services.some((s) => s.type === 'NodePort' || s.type === 'LoadBalancer');
  const externalTraffic = view.traffic.some((t) => t.from.kind === 'external' || t.to.kind === 'external');
  const edgeItems: ItemBox[] = [];
  if (view.ingresses.length > 0 || exposed || externalTraffic) {
    edgeItems.push(item(EXTERNAL_KEY, 'external', undefined, '', undefined, ''));
  }
  for (const ing of [...view.ingresses].sort(byName)) {
    edgeItems.push(item(ingressKey(ing.namespace, ing.name), 'ingress', ing, ing.name, ing.namespace, `Ingress${ing.className ? ` (${ing.className})` : ''}`));
  }
  addBand('edge', edgeItems);

  const serviceItems: ItemBox[] = [...view.services].sort(byName).map((s) =>
    item(serviceKey(s.namespace, s.name), 'service', s, s.name, s.namespace, serviceSubtitle(s)));
  if (view.traffic.some((t) => t.from.kind === 'dns' || t.to.kind === 'dns')) serviceItems.push(item(DNS_KEY, 'dns', undefined, '', 'kube-system', 'kube-dns :53'));
  addBand('services', serviceItems);

  const workloadItems: ItemBox[] = [];
  for (const w of [...view.workloads].sort(byName)) {
    if (w.autoscaler) {
      workloadItems.push(item(`hpa:${w.namespace ?? ''}/${w.autoscaler.name}`, 'hpa', w, w.autoscaler.name, w.namespace, `HorizontalPodAutoscaler → ${w.name}`));
    }
    workloadItems.push(item(workloadKey(w), 'workload', w, w.name, w.namespace, workloadSubtitle(w)));
  }
  addBand('workloads', workloadItems);

  // The node grid.
  const nodesTitleY = y;
  y += TITLE_H;
  const nodes: NodeBox[] = [];
  for (let row = 0; row * columns < nodeEntries.length; row++) {
    const rowEntries = nodeEntries.slice(row * columns, (row + 1) * columns);
    const cards = rowEntries.map((entry, col) => {
      const state: NodeState = removed.has(entry.name) ? 'removed' : cordoned.has(entry.name) || entry.node?.unschedulable ? 'cordoned' : 'ready';
      return nodeCard(entry.name, entry.node, state, podsByNode.get(entry.name) ?? [], MARGIN + col * (NODE_W + NODE_GAP), y, detailed, options.groupByNamespace, ownerOf);
    });
    const rowH = Math.max(...cards.map((c) => c.h));
    for (const card of cards) {
      card.h = rowH;
      nodes.push(card);
      boxes.set(card.key, card);
      for (const p of card.pods) boxes.set(p.key, p);
    }
    y += rowH + NODE_GAP;
  }

  // The Pending lane, full width under the grid.
  const pendingTop = y + 4;
  const packed = packPods(sortPods(pendingPods, options.groupByNamespace, ownerOf), MARGIN + NODE_PAD, pendingTop + TITLE_H + 4, innerW - 2 * NODE_PAD, detailed, options.groupByNamespace, ownerOf);
  const pendingH = Math.max(TITLE_H + 4 + packed.height + NODE_PAD, TITLE_H + 24);
  const pending = { key: 'pending', x: MARGIN, y: pendingTop, w: innerW, h: pendingH, pods: packed.pods, groupLabels: packed.labels };
  for (const p of packed.pods) boxes.set(p.key, p);
  y = pendingTop + pendingH + BAND_GAP;

  // Bands below the nodes.
  addBand('storage', [...view.volumes].sort((a, b) => cmp(a.kind, b.kind) || byName(a, b)).map((v) =>
    item(volumeKey(v.kind, v.namespace, v.name), 'volume', v, v.name, v.namespace, volumeSubtitle(v))));
  addBand('accounts', [...view.serviceAccounts].sort(byName).map((sa) =>
    item(accountKey(sa.namespace, sa.name), 'account', sa, sa.name, sa.namespace, `ServiceAccount · ${sa.rules.length} rule(s)`)));

  const height = y - BAND_GAP + MARGIN;
  const edges = routeEdges(view, boxes);
  return { width, height, detailed, bands, nodes, nodesTitleY, pending, edges, boxes };
}

function item(key: string, kind: ItemKind, data: ItemBox['data'], name: string, namespace: string | undefined, subtitle: string): ItemBox {
  const out: ItemBox = { key, kind, name, subtitle, x: 0, y: 0, w: ITEM_W, h: ITEM_H };
  if (data) out.data = data;
  if (namespace !== undefined) out.namespace = namespace;
  return out;
}

function serviceSubtitle(s: ServiceView): string {
  if (s.type === 'ExternalName') return `ExternalName → ${s.externalName ?? ''}`;
  const ports = s.ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}→${p.resolvedPort ?? p.targetPort}`).join(' ');
  return `${s.headless ? 'Headless' : s.type} ${ports}`.trim();
}

function workloadSubtitle(w: WorkloadView): string {
  if (w.kind === 'CronJob' && w.schedule) return `CronJob ${w.schedule.expression}${w.schedule.suspended ? ' (suspended)' : ''}`;
  return `${w.kind} · ${w.pods.length}/${w.replicas}`;
}

function volumeSubtitle(v: VolumeView): string {
  return `${v.kind} · ${v.status}`;
}

/** Items of a band in rows, wrapping at the width; a new row per namespace when grouping. */
function flowBand(id: Band['id'], unsorted: ItemBox[], x0: number, y0: number, width: number, group: boolean): Band {
  // Grouping keeps each namespace together (a stable sort: the band's own order within each).
  const items = group ? [...unsorted].sort((a, b) => cmp(a.namespace ?? '', b.namespace ?? '')) : unsorted;
  const perRow = Math.max(1, Math.floor((width + ITEM_GAP) / (ITEM_W + ITEM_GAP)));
  const labels: Label[] = [];
  let x = 0;
  let y = y0 + TITLE_H;
  let col = 0;
  let current: string | undefined;
  let first = true;
  for (const it of items) {
    const groupName = it.namespace ?? '';
    if (group && (first || groupName !== current)) {
      if (!first) y += ITEM_H + ITEM_GAP;
      labels.push({ x: x0, y: y + 10, text: groupName });
      y += GROUP_LABEL_H;
      col = 0;
      current = groupName;
    } else if (col === perRow) {
      y += ITEM_H + ITEM_GAP;
      col = 0;
    }
    x = x0 + col * (ITEM_W + ITEM_GAP);
    it.x = x;
    it.y = y;
    col++;
    first = false;
  }
  const h = items.length ? y + ITEM_H - y0 : TITLE_H;
  return { id, x: x0, y: y0, w: width, h, items, groupLabels: labels };
}

function sortPods(pods: PodView[], group: boolean, ownerOf: (pod: PodView) => string): PodView[] {
  const keyed = pods.map((pod) => ({ pod, owner: ownerOf(pod) }));
  keyed.sort((a, b) =>
    (group ? cmp(a.pod.namespace, b.pod.namespace) : 0) || cmp(a.owner, b.owner) || cmp(a.pod.name, b.pod.name));
  return keyed.map((k) => k.pod);
}

/** Code-unit order: fast and the same everywhere (localeCompare depends on the ICU data). */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Packs pods in rows inside a width: two columns of pills, or a grid of squares. */
function packPods(pods: PodView[], x0: number, y0: number, width: number, detailed: boolean, group: boolean, ownerOf: (pod: PodView) => string): { pods: PodBox[]; labels: Label[]; height: number } {
  const cellW = detailed ? Math.min(ITEM_W - 20, (width - PILL_GAP) / 2) : CELL;
  const cellH = detailed ? PILL_H : CELL;
  const gap = detailed ? PILL_GAP : CELL_GAP;
  const perRow = Math.max(1, Math.floor((width + gap) / (cellW + gap)));
  const out: PodBox[] = [];
  const labels: Label[] = [];
  let col = 0;
  let y = y0;
  let current: string | undefined;
  pods.forEach((pod, i) => {
    if (group && (i === 0 || pod.namespace !== current)) {
      if (i > 0) y += cellH + gap;
      labels.push({ x: x0, y: y + 10, text: pod.namespace });
      y += GROUP_LABEL_H;
      col = 0;
      current = pod.namespace;
    } else if (col === perRow) {
      y += cellH + gap;
      col = 0;
    }
    out.push({ key: podKey(pod.namespace, pod.name), pod, ownerKey: ownerOf(pod), x: x0 + col * (cellW + gap), y, w: cellW, h: cellH });
    col++;
  });
  return { pods: out, labels, height: pods.length ? y + cellH - y0 : 0 };
}

function nodeCard(name: string, node: NodeView | null, state: NodeState, pods: PodView[], x: number, y: number, detailed: boolean, group: boolean, ownerOf: (pod: PodView) => string): NodeBox {
  const taintsY = y + NODE_HEADER_H + 3 * BAR_H + 4;
  const taintRows = node && node.taints.length ? Math.ceil(node.taints.length / 2) : 0;
  const podsY = taintsY + taintRows * (TAINT_H + 2) + 6;
  const packed = packPods(sortPods(pods, group, ownerOf), x + NODE_PAD, podsY, NODE_W - 2 * NODE_PAD, detailed, group, ownerOf);
  const h = podsY - y + packed.height + NODE_PAD;
  return { key: nodeKey(name), node, name, state, x, y, w: NODE_W, h, pods: packed.pods, groupLabels: packed.labels, taintsY, podsY };
}

// ---------------------------------------------------------------------------------------------
// Edges

const cx = (b: Box): number => b.x + b.w / 2;

/** A curve from one box to another: bottom → top when the target is below, top → bottom when above, an arc when side by side. */
export function connect(a: Box, b: Box): string {
  const r = (n: number): number => Math.round(n * 10) / 10;
  if (a.y + a.h <= b.y) {
    const y1 = a.y + a.h;
    const y2 = b.y;
    const my = (y1 + y2) / 2;
    return `M${r(cx(a))},${r(y1)}C${r(cx(a))},${r(my)} ${r(cx(b))},${r(my)} ${r(cx(b))},${r(y2)}`;
  }
  if (b.y + b.h <= a.y) {
    const y1 = a.y;
    const y2 = b.y + b.h;
    const my = (y1 + y2) / 2;
    return `M${r(cx(a))},${r(y1)}C${r(cx(a))},${r(my)} ${r(cx(b))},${r(my)} ${r(cx(b))},${r(y2)}`;
  }
  // Same row: an arc over the top.
  const top = Math.min(a.y, b.y);
  const lift = Math.min(48, 16 + Math.abs(cx(a) - cx(b)) * 0.08);
  return `M${r(cx(a))},${r(top)}Q${r((cx(a) + cx(b)) / 2)},${r(top - lift)} ${r(cx(b))},${r(top)}`;
}

function peerKey(peer: TrafficPeer): string {
  if (peer.kind === 'external') return EXTERNAL_KEY;
  if (peer.kind === 'dns') return DNS_KEY;
  return workloadKey(peer.workload);
}

function routeEdges(view: ClusterView, boxes: Map<string, Box>): EdgeGeom[] {
  const edges: EdgeGeom[] = [];
  const add = (layer: LayerId, from: string, to: string, style: EdgeStyle = 'plain', label?: string): EdgeGeom | undefined => {
    const a = boxes.get(from);
    const b = boxes.get(to);
    if (!a || !b || from === to) return undefined;
    const edge: EdgeGeom = { layer, from, to, d: connect(a, b), style };
    if (label) edge.label = label;
    edges.push(edge);
    return edge;
  };

  // Outside → Ingress → Service; outside → NodePort/LoadBalancer Services.
  for (const ing of view.ingresses) {
    const key = ingressKey(ing.namespace, ing.name);
    add('ingress', EXTERNAL_KEY, key);
    const seen = new Set<string>();
    for (const p of [...ing.paths, ...(ing.defaultBackend ? [ing.defaultBackend] : [])]) {
      const target = serviceKey(ing.namespace, p.service);
      if (seen.has(target)) continue;
      seen.add(target);
      add('ingress', key, target, p.resolved ? 'plain' : 'denied', `${p.host ?? '*'}${p.path ?? ''}`);
    }
  }
  for (const s of view.services) {
    if (s.type === 'NodePort' || s.type === 'LoadBalancer') add('ingress', EXTERNAL_KEY, serviceKey(s.namespace, s.name), 'plain', s.type);
  }

  // Service → endpoint pods.
  for (const s of view.services) {
    const key = serviceKey(s.namespace, s.name);
    for (const pod of s.endpoints) add('services', key, podKey(s.namespace, pod));
  }

  // NetworkPolicy traffic, merged per (from, to, verdict).
  const merged = new Map<string, EdgeGeom>();
  for (const t of view.traffic) {
    const from = peerKey(t.from);
    const to = peerKey(t.to);
    const id = `${from}|${to}|${t.allowed}`;
    const existing = merged.get(id);
    if (existing) {
      existing.traffic!.push(t);
      existing.label = existing.traffic!.map((x) => String(x.port)).join(',');
      continue;
    }
    const edge = add('traffic', from, to, t.allowed ? 'allowed' : 'denied', String(t.port));
    if (edge) {
      edge.traffic = [t];
      merged.set(id, edge);
    }
  }

  // ConfigMaps, Secrets and claims → pods; claim ↔ volume.
  for (const v of view.volumes) {
    const key = volumeKey(v.kind, v.namespace, v.name);
    for (const pod of v.usedBy) {
      const podRef = pod.includes('/') ? pod : `${v.namespace ?? 'default'}/${pod}`;
      add('config', key, `pod:${podRef}`);
    }
    if (v.kind === 'PersistentVolumeClaim' && v.boundTo) add('config', key, volumeKey('PersistentVolume', undefined, v.boundTo));
  }

  // Service accounts → the workloads that run as them.
  for (const sa of view.serviceAccounts) {
    for (const w of sa.workloads) add('rbac', accountKey(sa.namespace, sa.name), workloadKey({ ...w, namespace: w.namespace ?? sa.namespace }));
  }

  // Owners: workload → pods (CronJob → Job → pods), HPA → target.
  for (const w of view.workloads) {
    const key = workloadKey(w);
    for (const pod of w.pods) add('owners', key, podKey(w.namespace ?? 'default', pod));
    if (w.autoscaler) add('owners', `hpa:${w.namespace ?? ''}/${w.autoscaler.name}`, key);
  }
  return edges;
}
