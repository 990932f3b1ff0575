/**
 * @fileoverview Draws a laid-out ClusterView with d3 into an `<svg>` selection on any DOM: the
 * browser's in the webview, linkedom's in `kubeplan render`. It uses no DOM global, so the same
 * code runs in both. Every string from the manifests goes through `.text()` or an attribute
 * value, never through markup. Elements carry `data-key` (see model.ts) and the class `kp-el`.
 */
import type * as d3 from 'd3';
import { select } from 'd3-selection';
import type { ClusterView, PodView, SourceRef } from '../../src/protocol/cluster-view';
import {
  describeAccount, describeFindings, describeIngress, describeNode, describePod, describeService, describeTraffic, describeVolume,
  describeWorkload, taintText,
} from './describe';
import type { Translate } from './i18n';
import type { Band, EdgeGeom, ItemBox, Layout, LayerId, NodeBox, PodBox } from './layout';
import { LAYERS } from './layout';
import {
  findingsByKey, formatBytes, formatCpu, fraction, QOS_COLORS, STATE_COLORS, workloadColors, type FindingCount,
} from './model';

// d3 selections over whatever DOM the caller has (no DOM types here: the CLI compiles without them).
// Groups are always drawn fresh, so data joins use enter().append() (join() would reorder, which is
// quadratic in linkedom).
/* eslint-disable @typescript-eslint/no-explicit-any */
export type AnySelection = d3.Selection<any, any, any, any>;

export type ColorBy = 'workload' | 'qos' | 'state';

export interface DrawOptions {
  t: Translate;
  colorBy: ColorBy;
  /** Layers shown; the others are drawn hidden (`interactive`) or left out. */
  layers: ReadonlySet<LayerId>;
  /** Focusable elements with roles and accessible names (the webview); plain SVG otherwise. */
  interactive: boolean;
}

/** What the drawing keeps for later restyling without a redraw. */
export interface Drawing {
  t: Translate;
  view: ClusterView;
  layout: Layout;
  colors: Map<string, string>;
  findings: Map<string, FindingCount>;
  /** The lines describing each element, by key (hover text, details panel). */
  describe(key: string): string[];
  /** Where each element comes from (click → reveal), by key. */
  sources: Map<string, SourceRef>;
  /** Draws a layer's edges if they are not drawn yet (interactive drawings draw hidden layers on demand). */
  ensureLayer(layer: LayerId): void;
}

/** Layers with an edge per pod: no hover text on their edges (the pods and their ends have it). */
const BULK_LAYERS: ReadonlySet<LayerId> = new Set(['services', 'owners', 'config']);

const fit = (text: string, px: number, fontPx = 11): string => {
  const max = Math.max(1, Math.floor(px / (fontPx * 0.6)));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
};

/** The fill of a pod for a colouring mode. */
export function podColor(pod: PodView, ownerKey: string, colorBy: ColorBy, colors: Map<string, string>): string {
  if (colorBy === 'qos') return QOS_COLORS[pod.qos] ?? '#999999';
  if (colorBy === 'state') return STATE_COLORS[pod.phase] ?? '#999999';
  return colors.get(ownerKey) ?? '#999999';
}

/**
 * Draws the diagram into `svg` (emptied first) and returns what later restyling needs.
 * The caller sizes the svg; this sets its viewBox to the layout's size.
 */
export function drawDiagram(svg: AnySelection, view: ClusterView, layout: Layout, options: DrawOptions): Drawing {
  const { t } = options;
  const colors = workloadColors(view);
  const findings = findingsByKey(view);
  const descriptions = new Map<string, () => string[]>();
  const drawing: Drawing = {
    t, view, layout, colors, findings,
    describe: (key) => [...(descriptions.get(key)?.() ?? []), ...describeFindings(t, findings.get(key))],
    sources: sourcesByKey(layout),
    ensureLayer: (layer) => {
      if (drawn.has(layer)) return;
      drawn.add(layer);
      drawLayer(layer);
    },
  };
  const drawn = new Set<LayerId>();

  svg.selectAll('*').remove();
  svg.attr('viewBox', `0 0 ${layout.width} ${layout.height}`).classed('kp-diagram', true);
  const defs = svg.append('defs');
  for (const [id, cls] of [['kp-arrow', 'kp-arrow'], ['kp-arrow-allowed', 'kp-arrow-allowed'], ['kp-arrow-denied', 'kp-arrow-denied']] as const) {
    defs.append('marker').attr('id', id).attr('viewBox', '0 0 10 10').attr('refX', 9).attr('refY', 5)
      .attr('markerWidth', 6).attr('markerHeight', 6).attr('orient', 'auto-start-reverse')
      .append('path').attr('d', 'M0,0L10,5L0,10z').attr('class', cls);
  }
  const root = svg.append('g').attr('class', 'kp-root');
  const back = root.append('g').attr('class', 'kp-backdrops');
  const edgesG = root.append('g').attr('class', 'kp-edges');
  const front = root.append('g').attr('class', 'kp-front');

  const focusable = (sel: AnySelection, key: (d: any) => string, label: (d: any) => string, tabbable = true): void => {
    sel.attr('data-key', key);
    if (!options.interactive) return;
    sel.attr('tabindex', tabbable ? 0 : -1).attr('role', 'button').attr('aria-label', label);
  };
  // Hover text: SVG titles in a static picture; the webview shows its own tooltip, built on hover.
  const title = (sel: AnySelection, key: (d: any) => string): void => {
    if (options.interactive) return;
    sel.append('title').text((d: any) => drawing.describe(key(d)).join('\n'));
  };

  // Bands and their items.
  const bandTitle: Record<Band['id'], string> = {
    edge: t('ingresses'), services: t('services'), workloads: t('workloads'), storage: t('storage'), accounts: t('accounts'),
  };
  for (const band of layout.bands) {
    back.append('text').attr('class', 'kp-band-title').attr('x', band.x).attr('y', band.y + 12).text(bandTitle[band.id]);
    for (const label of band.groupLabels) back.append('text').attr('class', 'kp-group-label').attr('x', label.x).attr('y', label.y).text(label.text || t('clusterScoped'));
    for (const it of band.items) descriptions.set(it.key, () => describeItem(t, it));
    const items = front.append('g').attr('class', `kp-band-items kp-band-${band.id}`)
      .selectAll('g').data(band.items).enter().append('g')
      .attr('class', (d: ItemBox) => `kp-el kp-item kp-${d.kind}`)
      .attr('transform', (d: ItemBox) => `translate(${d.x},${d.y})`);
    focusable(items, (d: ItemBox) => d.key, (d: ItemBox) => describeItem(t, d)[0] ?? d.name);
    items.append('rect').attr('class', 'kp-item-box').attr('width', (d: ItemBox) => d.w).attr('height', (d: ItemBox) => d.h).attr('rx', 4);
    items.filter((d: ItemBox) => d.kind === 'workload').append('rect')
      .attr('width', 5).attr('height', (d: ItemBox) => d.h).attr('rx', 2).attr('class', 'kp-swatch')
      .attr('fill', (d: ItemBox) => colors.get(d.key) ?? '#999999');
    items.append('text').attr('class', 'kp-item-title').attr('x', 10).attr('y', 16)
      .text((d: ItemBox) => fit(itemName(t, d), d.w - 24));
    items.append('text').attr('class', 'kp-item-sub').attr('x', 10).attr('y', 31)
      .text((d: ItemBox) => fit(d.subtitle, d.w - 14, 10));
    title(items, (d: ItemBox) => d.key);
    items.each(function (this: any, d: ItemBox) {
      badge(select(this), findings.get(d.key), d.w);
    });
  }

  // Nodes.
  back.append('text').attr('class', 'kp-section-title').attr('x', 20).attr('y', layout.nodesTitleY + 12).text(t('nodes'));
  const cards = front.append('g').attr('class', 'kp-nodes').selectAll('g.kp-node').data(layout.nodes).enter().append('g')
    .attr('class', (d: NodeBox) => `kp-el kp-node kp-${d.state}`)
    .attr('transform', (d: NodeBox) => `translate(${d.x},${d.y})`);
  focusable(cards, (d: NodeBox) => d.key, (d: NodeBox) => describeNode(t, d.name, d.node, d.state).join('. '));
  for (const n of layout.nodes) descriptions.set(n.key, () => describeNode(t, n.name, n.node, n.state));
  cards.append('rect').attr('class', 'kp-node-card').attr('width', (d: NodeBox) => d.w).attr('height', (d: NodeBox) => d.h).attr('rx', 6);
  cards.append('text').attr('class', 'kp-node-title').attr('x', 8).attr('y', 15)
    .text((d: NodeBox) => fit(`${d.name}${d.state === 'ready' ? '' : ` (${t(d.state)})`}`, d.w - 40, 12));
  cards.append('text').attr('class', 'kp-muted').attr('x', 8).attr('y', 28).style('font-size', '10px')
    .text((d: NodeBox) => (d.node ? fit(`${d.node.role}${d.node.zone ? ` · ${d.node.zone}` : ''} · ${d.node.origin}`, d.w - 16, 10) : ''));
  cards.each(function (this: any, d: NodeBox) {
    const card = select(this);
    const node = d.node;
    if (node) {
      const bars: Array<[string, number, number, string]> = [
        [t('cpu'), node.requested.cpu, node.allocatable.cpu, `${formatCpu(node.requested.cpu)}/${formatCpu(node.allocatable.cpu)}`],
        [t('memory'), node.requested.memory, node.allocatable.memory, `${formatBytes(node.requested.memory)}/${formatBytes(node.allocatable.memory)}`],
        [t('pods'), node.requested.pods ?? d.pods.length, node.allocatable.pods ?? 0, `${node.requested.pods ?? d.pods.length}/${node.allocatable.pods ?? '?'}`],
      ];
      bars.forEach(([label, used, total, text], i) => {
        const y = 34 + i * 14;
        const share = fraction(used, total);
        const over = total > 0 && used > total;
        card.append('text').attr('class', 'kp-bar-label').attr('x', 8).attr('y', y + 8).text(label);
        card.append('rect').attr('class', 'kp-bar-track').attr('x', 56).attr('y', y + 1).attr('width', 150).attr('height', 8).attr('rx', 2);
        card.append('rect').attr('class', `kp-bar-fill${over ? ' kp-over' : share >= 0.85 ? ' kp-high' : ''}`)
          .attr('x', 56).attr('y', y + 1).attr('width', Math.max(share > 0 ? 1 : 0, Math.round(150 * share))).attr('height', 8).attr('rx', 2);
        card.append('text').attr('class', 'kp-bar-label').attr('x', 212).attr('y', y + 8).text(text);
      });
      node.taints.forEach((taint, i) => {
        const w = (d.w - 20) / 2;
        const chip = card.append('g').attr('class', 'kp-taint')
          .attr('transform', `translate(${8 + (i % 2) * (w + 4)},${d.taintsY - d.y + Math.floor(i / 2) * 18})`);
        chip.append('rect').attr('width', w).attr('height', 15).attr('rx', 7);
        chip.append('text').attr('x', 6).attr('y', 11).text(fit(taintText(taint), w - 10, 9));
        chip.append('title').text(`taint ${taintText(taint)}`);
      });
    }
    for (const label of d.groupLabels) card.append('text').attr('class', 'kp-group-label').attr('x', label.x - d.x).attr('y', label.y - d.y).text(label.text);
    badge(card, findings.get(d.key), d.w);
  });
  if (!options.interactive) cards.insert('title', ':first-child').text((d: NodeBox) => drawing.describe(d.key).join('\n'));

  // Pending lane.
  const lane = layout.pending;
  const laneG = back.append('g').attr('class', 'kp-pending');
  laneG.append('rect').attr('class', 'kp-pending-lane').attr('x', lane.x).attr('y', lane.y).attr('width', lane.w).attr('height', lane.h).attr('rx', 6);
  laneG.append('text').attr('class', 'kp-section-title').attr('x', lane.x + 8).attr('y', lane.y + 14)
    .text(lane.pods.length ? `${t('pending')} (${lane.pods.length})` : `${t('pending')}: ${t('pendingEmpty')}`);
  for (const label of lane.groupLabels) laneG.append('text').attr('class', 'kp-group-label').attr('x', label.x).attr('y', label.y).text(label.text);

  // Pods, in nodes and in the Pending lane.
  const allPods: PodBox[] = [...layout.nodes.flatMap((n) => n.pods), ...lane.pods];
  for (const p of allPods) descriptions.set(p.key, () => describePod(t, p.pod, view.whatIf));
  const podFlag = (d: PodBox): string => {
    const f = findings.get(d.key) ?? findings.get(d.ownerKey);
    return f?.errors ? ' kp-flag-error' : f?.warnings ? ' kp-flag-warning' : '';
  };
  const podClass = (d: PodBox): string => `kp-el kp-pod${d.pod.node ? '' : ' kp-pending'}`;
  const podsG = front.append('g').attr('class', 'kp-pods');
  if (layout.detailed) {
    const pods = podsG.selectAll('g').data(allPods).enter().append('g').attr('class', podClass)
      .attr('transform', (d: PodBox) => `translate(${d.x},${d.y})`);
    focusable(pods, (d: PodBox) => d.key, (d: PodBox) => describePod(t, d.pod, view.whatIf).join('. '), !!options.interactive);
    pods.append('rect').attr('class', (d: PodBox) => `kp-pod-fill${podFlag(d)}`).attr('width', (d: PodBox) => d.w).attr('height', (d: PodBox) => d.h).attr('rx', 4)
      .attr('fill', (d: PodBox) => podColor(d.pod, d.ownerKey, options.colorBy, colors));
    pods.append('text').attr('class', (d: PodBox) => podNameClass(podColor(d.pod, d.ownerKey, options.colorBy, colors)))
      .attr('x', 5).attr('y', 13).text((d: PodBox) => fit(d.pod.name, d.w - 8, 10));
    title(pods, (d: PodBox) => d.key);
  } else {
    const pods = podsG.selectAll('rect').data(allPods).enter().append('rect').attr('class', (d: PodBox) => `${podClass(d)} kp-pod-fill${podFlag(d)}`)
      .attr('x', (d: PodBox) => d.x).attr('y', (d: PodBox) => d.y).attr('width', (d: PodBox) => d.w).attr('height', (d: PodBox) => d.h).attr('rx', 2)
      .attr('fill', (d: PodBox) => podColor(d.pod, d.ownerKey, options.colorBy, colors));
    // Thousands of squares: reachable with the arrow keys from their node rather than with Tab.
    focusable(pods, (d: PodBox) => d.key, (d: PodBox) => `Pod ${d.pod.namespace}/${d.pod.name}`, false);
    title(pods, (d: PodBox) => d.key);
  }

  // Edges, one group per layer (in z-order); a hidden layer of an interactive drawing is filled when first shown.
  const layerGroups = new Map<LayerId, AnySelection>();
  for (const layer of LAYERS) {
    const shown = options.layers.has(layer);
    if (!shown && !options.interactive) continue;
    const g = edgesG.append('g').attr('class', `kp-layer kp-layer-${layer}`).attr('data-layer', layer);
    if (!shown) g.attr('display', 'none');
    layerGroups.set(layer, g);
  }
  const drawLayer = (layer: LayerId): void => {
    const g = layerGroups.get(layer);
    if (!g) return;
    const edges = layout.edges.filter((e) => e.layer === layer);
    if (BULK_LAYERS.has(layer)) {
      // One path per source element (a Service to all its endpoints...): thousands of edges, a few dozen elements.
      const bySource = new Map<string, { from: string; to: string[]; d: string[] }>();
      for (const e of edges) {
        let entry = bySource.get(e.from);
        if (!entry) bySource.set(e.from, (entry = { from: e.from, to: [], d: [] }));
        entry.to.push(e.to);
        entry.d.push(e.d);
      }
      g.selectAll('path').data([...bySource.values()]).enter().append('path')
        .attr('class', 'kp-edge kp-plain')
        .attr('d', (d: { d: string[] }) => d.d.join(''))
        .attr('data-from', (d: { from: string }) => d.from);
      return;
    }
    const paths = g.selectAll('path').data(edges).enter().append('path')
      .attr('class', (d: EdgeGeom) => `kp-edge kp-${d.style}`)
      .attr('d', (d: EdgeGeom) => d.d)
      .attr('data-from', (d: EdgeGeom) => d.from).attr('data-to', (d: EdgeGeom) => d.to);
    paths.attr('marker-end', (d: EdgeGeom) => `url(#${d.style === 'plain' ? 'kp-arrow' : `kp-arrow-${d.style}`})`);
    paths.append('title').text((d: EdgeGeom) => (d.traffic ? describeTraffic(t, d.traffic) : [`${d.from.replace(/^\w+:/, '')} → ${d.to.replace(/^\w+:/, '')}${d.label ? ` (${d.label})` : ''}`]).join('\n'));
  };
  for (const layer of options.layers) drawing.ensureLayer(layer);

  drawLegend(svg, drawing, options.colorBy);

  if (layout.nodes.length === 0 && view.pods.length === 0 && view.services.length === 0) {
    root.append('text').attr('class', 'kp-muted').attr('x', 20).attr('y', 40).text(t('empty'));
  }
  return drawing;
}

function sourcesByKey(layout: Layout): Map<string, SourceRef> {
  const out = new Map<string, SourceRef>();
  for (const band of layout.bands) {
    for (const it of band.items) if (it.data?.source) out.set(it.key, it.data.source);
  }
  for (const n of layout.nodes) {
    if (n.node?.source) out.set(n.key, n.node.source);
    for (const p of n.pods) if (p.pod.source) out.set(p.key, p.pod.source);
  }
  for (const p of layout.pending.pods) if (p.pod.source) out.set(p.key, p.pod.source);
  return out;
}

function itemName(t: Translate, d: ItemBox): string {
  if (d.kind === 'external') return t('external');
  if (d.kind === 'dns') return t('dns');
  return d.name;
}

function describeItem(t: Translate, d: ItemBox): string[] {
  switch (d.kind) {
    case 'external': return [t('external')];
    case 'dns': return [t('dns'), 'kube-system/kube-dns :53'];
    case 'ingress': return describeIngress(t, d.data as never);
    case 'service': return describeService(t, d.data as never);
    case 'workload': return describeWorkload(t, d.data as never);
    case 'hpa': {
      const w = d.data as { name: string; autoscaler?: { name: string; minReplicas: number; maxReplicas: number } };
      return [`HorizontalPodAutoscaler ${d.namespace ? `${d.namespace}/` : ''}${d.name} → ${w.name}`,
        t('autoscaler', { name: d.name, min: w.autoscaler?.minReplicas ?? 0, max: w.autoscaler?.maxReplicas ?? 0 })];
    }
    case 'volume': return describeVolume(t, d.data as never);
    case 'account': return describeAccount(t, d.data as never);
  }
}

/** A finding badge in the top-right corner: errors and warnings counted, coloured by the worst (infos only on hover). */
function badge(sel: AnySelection, count: FindingCount | undefined, width: number): void {
  const shown = count ? count.errors + count.warnings : 0;
  if (!count || shown === 0) return;
  const g = sel.append('g').attr('class', `kp-badge kp-${count.errors ? 'error' : 'warning'}`).attr('transform', `translate(${width - 9},9)`);
  g.append('circle').attr('r', 8);
  g.append('text').attr('text-anchor', 'middle').attr('y', 3).text(String(shown));
}

/** Shows the layers in `layers`, hides the others (no redraw of what is drawn). */
export function setLayers(svg: AnySelection, drawing: Drawing, layers: ReadonlySet<LayerId>): void {
  for (const layer of layers) drawing.ensureLayer(layer);
  svg.selectAll('.kp-layer').attr('display', function (this: any) {
    return layers.has(this.getAttribute('data-layer')) ? null : 'none';
  });
}

/** The colour key, right-aligned on the Nodes title line (workload colours are the swatches of the Workloads band). */
function drawLegend(svg: AnySelection, drawing: Drawing, colorBy: ColorBy): void {
  const { t, layout } = drawing;
  svg.selectAll('.kp-legend').remove();
  const entries = colorBy === 'qos' ? Object.entries(QOS_COLORS) : colorBy === 'state' ? Object.entries(STATE_COLORS) : [];
  const legend = svg.select('.kp-root').append('g').attr('class', 'kp-legend');
  const label = t(colorBy === 'qos' ? 'legendQos' : colorBy === 'state' ? 'legendState' : 'legendWorkload');
  let x = layout.width - 20;
  for (const [name, color] of [...entries].reverse()) {
    x -= name.length * 6 + 4;
    legend.append('text').attr('class', 'kp-legend-text').attr('x', x).attr('y', layout.nodesTitleY + 12).text(name);
    x -= 14;
    legend.append('rect').attr('x', x).attr('y', layout.nodesTitleY + 3).attr('width', 10).attr('height', 10).attr('rx', 2).attr('fill', color);
    x -= 8;
  }
  legend.append('text').attr('class', 'kp-legend-text').attr('x', x).attr('y', layout.nodesTitleY + 12).attr('text-anchor', 'end').text(label);
}

/** Dark text on light fills, white on dark ones (relative luminance of a `#rrggbb` colour). */
function podNameClass(fill: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (!m) return 'kp-pod-name';
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! > 0.4 ? 'kp-pod-name kp-on-light' : 'kp-pod-name';
}

/** Recolours the pods and the legend (no redraw). */
export function recolor(svg: AnySelection, drawing: Drawing, colorBy: ColorBy): void {
  drawLegend(svg, drawing, colorBy);
  svg.selectAll('.kp-pod-name').attr('class', function (this: any) {
    const d = this.parentNode?.__data__ as PodBox | undefined;
    return d ? podNameClass(podColor(d.pod, d.ownerKey, colorBy, drawing.colors)) : 'kp-pod-name';
  });
  svg.selectAll('.kp-pod-fill').attr('fill', function (this: any) {
    const d = (this.__data__ ?? this.parentNode?.__data__) as PodBox | undefined;
    return d ? podColor(d.pod, d.ownerKey, colorBy, drawing.colors) : null;
  });
}

/** Dims every element whose key is not in `keep` (null: nothing dimmed); returns how many match. */
export function applyFilter(svg: AnySelection, keep: ReadonlySet<string> | null): void {
  svg.selectAll('.kp-el').classed('kp-dim', function (this: any) {
    return keep !== null && !keep.has(this.getAttribute('data-key'));
  });
  svg.selectAll('.kp-edge').classed('kp-dim', function (this: any) {
    if (keep === null) return false;
    const d = this.__data__ as { from: string; to: string | string[] } | undefined;
    if (!d) return false;
    return !(keep.has(d.from) || (Array.isArray(d.to) ? d.to.some((k) => keep.has(k)) : keep.has(d.to)));
  });
}

/** Marks the elements in `keys` as selected (editor selection, click). */
export function applySelection(svg: AnySelection, keys: ReadonlySet<string>): void {
  svg.selectAll('.kp-el').classed('kp-selected', function (this: any) {
    return keys.has(this.getAttribute('data-key'));
  });
}
