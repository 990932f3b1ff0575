/**
 * @fileoverview The diagram webview: receives ClusterView pictures from the extension, draws them
 * with the shared drawing code, and handles the viewer's interaction (layers, colours, grouping,
 * search, zoom, what-if, export, click → source). Its UI state survives hide/restore through
 * `getState`/`setState`. Every string from the manifests is set as text, never parsed as HTML;
 * there is no inline handler and no network access (the panel's CSP forbids both).
 */
import { select } from 'd3-selection';
import { zoom as d3zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import type { ClusterView, ObjectRef, SourceRef } from '../src/protocol/cluster-view';
import { isEmptyWhatIf, isWhatIfRequest, NO_WHAT_IF, parseToWebview, type FromWebview, type ToWebview, type WhatIfRequest } from '../src/protocol/messages';
import { applyFilter, applySelection, drawDiagram, recolor, setLayers, type ColorBy, type Drawing } from './diagram/draw';
import { toLocale, translator, type StringId, type Translate } from './diagram/i18n';
import { DEFAULT_LAYERS, LAYERS, layoutView, type LayerId } from './diagram/layout';
import { diagramCss, VSCODE } from './diagram/style';
import { exportSvg, svgToPngBase64 } from './app/export';
import { matchingKeys, namespacesOf, searchables } from './app/search';
import { sourceWithin, workloadKey } from './diagram/model';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** What survives hide/restore. */
interface UiState {
  layers: LayerId[];
  colorBy: ColorBy;
  groupByNamespace: boolean;
  query: string;
  namespace: string;
  transform: { k: number; x: number; y: number } | null;
  whatIf: WhatIfRequest;
  locale: string;
  scope: string;
  selected: string | null;
  view: ClusterView | null;
}

const LAYER_LABELS: Record<LayerId, StringId> = {
  ingress: 'layerIngress', services: 'layerServices', traffic: 'layerTraffic', config: 'layerConfig', rbac: 'layerRbac', owners: 'layerOwners',
};
const SCALABLE_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

const vscode = acquireVsCodeApi();
const state: UiState = restoreState(vscode.getState());
let t: Translate = translator(toLocale(state.locale));
let drawing: Drawing | null = null;
let highlighted = new Set<string>();
let zoomBehavior: ZoomBehavior<SVGSVGElement, unknown>;
/** Views drawn so far (tests wait on `data-rendered`). */
let renders = 0;

const app = document.getElementById('app') ?? document.body;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};

// ---------------------------------------------------------------------------------------------
// Chrome: toolbar, what-if bar, banners, the drawing area and the details panel.

const toolbar = el('div', { class: 'kp-toolbar', role: 'toolbar' });
const whatIfBar = el('div', { class: 'kp-whatif', role: 'group' });
const banner = el('div', { class: 'kp-banner', role: 'alert', hidden: '' });
const whatIfBanner = el('div', { class: 'kp-banner kp-banner-info', role: 'status', hidden: '' });
const stage = el('div', { class: 'kp-stage' });
const details = el('aside', { class: 'kp-details', 'aria-live': 'polite' });
const tooltip = el('div', { class: 'kp-tooltip', role: 'tooltip', hidden: '' });
const svgElement = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
svgElement.setAttribute('class', 'kp-svg');
svgElement.setAttribute('role', 'application');
stage.append(svgElement, tooltip);
const main = el('div', { class: 'kp-main' });
main.append(stage, details);
app.append(toolbar, whatIfBar, banner, whatIfBanner, main);
const svg = select(svgElement);

// The diagram's stylesheet, allowed by the CSP through the page script's nonce.
const nonce = (document.querySelector('script[nonce]') as HTMLScriptElement | null)?.nonce ?? '';
const styleElement = el('style');
if (nonce) styleElement.setAttribute('nonce', nonce);
styleElement.textContent = diagramCss(VSCODE);
document.head.append(styleElement);

let searchInput: HTMLInputElement;
let namespaceSelect: HTMLSelectElement;
let matchCount: HTMLElement;

function buildToolbar(): void {
  toolbar.replaceChildren();
  toolbar.setAttribute('aria-label', t('title'));
  const layers = el('fieldset', { class: 'kp-layers' });
  layers.append(el('legend', {}, t('layers')));
  for (const layer of LAYERS) {
    const label = el('label');
    const box = el('input', { type: 'checkbox', 'data-layer': layer });
    box.checked = state.layers.includes(layer);
    box.addEventListener('change', () => {
      state.layers = LAYERS.filter((l) => (l === layer ? box.checked : state.layers.includes(l)));
      if (drawing) setLayers(svg, drawing, new Set(state.layers));
      save();
    });
    label.append(box, document.createTextNode(` ${t(LAYER_LABELS[layer])}`));
    layers.append(label);
  }

  const colorLabel = el('label', {}, `${t('colorBy')} `);
  const colorSelect = el('select', { 'data-control': 'colorBy' });
  for (const [value, id] of [['workload', 'colorWorkload'], ['qos', 'colorQos'], ['state', 'colorState']] as const) {
    const option = el('option', { value }, t(id));
    option.selected = state.colorBy === value;
    colorSelect.append(option);
  }
  colorSelect.addEventListener('change', () => {
    state.colorBy = colorSelect.value as ColorBy;
    if (drawing) recolor(svg, drawing, state.colorBy);
    save();
  });
  colorLabel.append(colorSelect);

  const groupLabel = el('label');
  const groupBox = el('input', { type: 'checkbox', 'data-control': 'group' });
  groupBox.checked = state.groupByNamespace;
  groupBox.addEventListener('change', () => {
    state.groupByNamespace = groupBox.checked;
    render();
    save();
  });
  groupLabel.append(groupBox, document.createTextNode(` ${t('groupByNamespace')}`));

  namespaceSelect = el('select', { 'data-control': 'namespace', 'aria-label': t('namespace') });
  namespaceSelect.addEventListener('change', () => {
    state.namespace = namespaceSelect.value;
    refilter();
    save();
  });
  searchInput = el('input', { type: 'search', 'data-control': 'search', placeholder: t('search'), 'aria-label': t('search') });
  searchInput.value = state.query;
  searchInput.addEventListener('input', () => {
    state.query = searchInput.value;
    refilter();
    save();
  });
  matchCount = el('span', { class: 'kp-count', 'aria-live': 'polite' });

  const button = (id: StringId, action: () => void, control: string): HTMLButtonElement => {
    const b = el('button', { type: 'button', 'data-control': control, title: t(id) }, t(id));
    b.addEventListener('click', action);
    return b;
  };
  toolbar.append(
    layers, colorLabel, groupLabel, namespaceSelect, searchInput, matchCount,
    button('fit', () => fitToView(), 'fit'),
    button('zoomIn', () => svg.transition().call(zoomBehavior.scaleBy, 1.25), 'zoomIn'),
    button('zoomOut', () => svg.transition().call(zoomBehavior.scaleBy, 0.8), 'zoomOut'),
    button('exportSvg', () => void doExport('svg'), 'exportSvg'),
    button('exportPng', () => void doExport('png'), 'exportPng'),
  );
}

function buildWhatIfBar(): void {
  whatIfBar.replaceChildren();
  whatIfBar.setAttribute('aria-label', t('whatIf'));
  whatIfBar.append(el('span', { class: 'kp-whatif-title' }, t('whatIf')));
  const view = state.view;
  const nodeNames = view ? [...new Set([...view.nodes.map((n) => n.name), ...state.whatIf.removeNodes])].sort() : [];
  const nodeSelect = el('select', { 'data-control': 'whatIfNode', 'aria-label': t('selectNode') });
  nodeSelect.append(el('option', { value: '' }, t('selectNode')));
  for (const name of nodeNames) nodeSelect.append(el('option', { value: name }, name));
  const nodeAction = (id: StringId, control: string, change: (name: string) => void): HTMLButtonElement => {
    const b = el('button', { type: 'button', 'data-control': control }, t(id));
    b.addEventListener('click', () => {
      if (!nodeSelect.value) return;
      change(nodeSelect.value);
      requestWhatIf();
    });
    return b;
  };
  const without = (list: string[], name: string): string[] => list.filter((n) => n !== name);
  whatIfBar.append(
    nodeSelect,
    nodeAction('removeNode', 'removeNode', (n) => { state.whatIf.removeNodes = [...without(state.whatIf.removeNodes, n), n]; }),
    nodeAction('cordonNode', 'cordonNode', (n) => { state.whatIf.cordonNodes = [...without(state.whatIf.cordonNodes, n), n]; }),
    nodeAction('restoreNode', 'restoreNode', (n) => {
      state.whatIf.removeNodes = without(state.whatIf.removeNodes, n);
      state.whatIf.cordonNodes = without(state.whatIf.cordonNodes, n);
    }),
  );

  const scalable = view ? view.workloads.filter((w) => SCALABLE_KINDS.has(w.kind)) : [];
  const workloadSelect = el('select', { 'data-control': 'whatIfWorkload', 'aria-label': t('selectWorkload') });
  workloadSelect.append(el('option', { value: '' }, t('selectWorkload')));
  for (const w of scalable) workloadSelect.append(el('option', { value: workloadKey(w) }, `${w.kind}/${w.namespace ? `${w.namespace}/` : ''}${w.name}`));
  const replicasInput = el('input', { type: 'number', min: '0', max: '10000', step: '1', 'data-control': 'replicas', 'aria-label': t('replicas') });
  const selectedWorkload = (): (ObjectRef & { source?: SourceRef; replicas: number }) | undefined => scalable.find((w) => workloadKey(w) === workloadSelect.value);
  workloadSelect.addEventListener('change', () => {
    const w = selectedWorkload();
    const override = w && state.whatIf.replicas.find((r) => workloadKey(r.workload) === workloadKey(w));
    replicasInput.value = w ? String(override?.replicas ?? w.replicas) : '';
  });
  const readReplicas = (): number | null => {
    const n = Number(replicasInput.value);
    return replicasInput.value !== '' && Number.isInteger(n) && n >= 0 && n <= 10000 ? n : null;
  };
  const simulate = el('button', { type: 'button', 'data-control': 'simulateReplicas' }, t('whatIf'));
  simulate.addEventListener('click', () => {
    const w = selectedWorkload();
    const n = readReplicas();
    if (!w || n === null) return;
    const workload: ObjectRef = { kind: w.kind, name: w.name, ...(w.namespace ? { namespace: w.namespace } : {}) };
    state.whatIf.replicas = [...state.whatIf.replicas.filter((r) => workloadKey(r.workload) !== workloadKey(w)), { workload, replicas: n }];
    requestWhatIf();
  });
  const apply = el('button', { type: 'button', 'data-control': 'applyReplicas' }, t('applyReplicas'));
  apply.addEventListener('click', () => {
    const w = selectedWorkload();
    const n = readReplicas();
    if (!w || n === null || !w.source) return;
    vscode.postMessage({ type: 'applyReplicas', workload: { kind: w.kind, name: w.name, ...(w.namespace ? { namespace: w.namespace } : {}) }, replicas: n, source: w.source });
  });
  const reset = el('button', { type: 'button', 'data-control': 'resetWhatIf' }, t('resetWhatIf'));
  reset.addEventListener('click', () => {
    state.whatIf = structuredClone(NO_WHAT_IF);
    requestWhatIf();
  });
  const replicasLabel = el('label', {}, `${t('replicas')} `);
  replicasLabel.append(replicasInput);
  whatIfBar.append(workloadSelect, replicasLabel, simulate, apply, reset);
}

function requestWhatIf(): void {
  save();
  vscode.postMessage({ type: 'whatIf', whatIf: state.whatIf });
}

// ---------------------------------------------------------------------------------------------
// Drawing

function render(): void {
  const view = state.view;
  if (!view) {
    svg.selectAll('*').remove();
    details.textContent = t('waiting');
    return;
  }
  const layout = layoutView(view, { groupByNamespace: state.groupByNamespace });
  drawing = drawDiagram(svg, view, layout, { t, colorBy: state.colorBy, layers: new Set(state.layers), interactive: true });
  // The zoom transform positions the picture: no viewBox in the webview.
  svg.attr('viewBox', null);
  svg.select('.kp-root').attr('transform', currentTransform().toString());
  refreshNamespaces();
  // A fresh drawing has nothing dimmed or selected: touch the classes only when needed.
  if (state.query.trim() || state.namespace) refilter();
  else matchCount.textContent = '';
  const selected = new Set([...highlighted, ...(state.selected ? [state.selected] : [])]);
  if (selected.size) applySelection(svg, selected);
  if (state.selected && drawing.layout.boxes.has(state.selected)) showDetails(state.selected);
  else showSummary(view);
  updateWhatIfBanner();
}

function refreshNamespaces(): void {
  if (!drawing) return;
  const namespaces = namespacesOf(searchables(drawing.layout));
  namespaceSelect.replaceChildren(el('option', { value: '' }, t('allNamespaces')), ...namespaces.map((n) => el('option', { value: n }, n)));
  namespaceSelect.value = namespaces.includes(state.namespace) ? state.namespace : '';
}

function refilter(): void {
  if (!drawing) return;
  const keys = matchingKeys(searchables(drawing.layout), state.query, state.namespace);
  applyFilter(svg, keys);
  matchCount.textContent = keys ? t('matches', { count: keys.size }) : '';
}

function showDetails(key: string): void {
  if (!drawing) return;
  details.replaceChildren(el('h2', {}, t('details')), ...drawing.describe(key).map((line) => el('p', {}, line)));
  if (drawing.sources.has(key)) details.append(el('p', { class: 'kp-hint' }, t('openSource')));
}

function showSummary(view: ClusterView): void {
  const pending = view.pods.filter((p) => p.node === null).length;
  details.replaceChildren(
    el('h2', {}, t('details')),
    el('p', {}, `${t('nodes')}: ${view.nodes.length} · ${t('pods')}: ${view.pods.length} · ${t('pending')}: ${pending}`),
    el('p', {}, `${t('services')}: ${view.services.length} · ${t('workloads')}: ${view.workloads.length}`),
    el('p', { class: 'kp-hint' }, t('openSource')),
  );
}

function updateWhatIfBanner(): void {
  const w = state.view?.whatIf;
  if (isEmptyWhatIf(state.whatIf) && !w) {
    whatIfBanner.hidden = true;
    return;
  }
  whatIfBanner.hidden = false;
  const lines = [t('whatIfActive')];
  if (w) {
    lines.push(t('whatIfSummary', { removed: w.removedNodes.length, cordoned: w.cordonedNodes.length, moved: w.moved.length, pending: w.newlyPending.length }));
    if (w.servicesWithoutEndpoints.length) lines.push(t('lostEndpoints', { list: w.servicesWithoutEndpoints.join(', ') }));
  }
  whatIfBanner.textContent = lines.join(' ');
}

function currentTransform(): ReturnType<typeof zoomIdentity.translate> {
  const tr = state.transform;
  return tr ? zoomIdentity.translate(tr.x, tr.y).scale(tr.k) : zoomIdentity;
}

function fitToView(): void {
  if (!drawing) return;
  const { width, height } = drawing.layout;
  const box = svgElement.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return;
  const k = Math.min(box.width / width, box.height / height, 2) * 0.98;
  const transform = zoomIdentity.translate((box.width - width * k) / 2, Math.max(0, (box.height - height * k) / 2)).scale(k);
  svg.call(zoomBehavior.transform, transform);
}

async function doExport(format: 'svg' | 'png'): Promise<void> {
  if (!drawing) return;
  const { width, height } = drawing.layout;
  const text = exportSvg(svgElement, width, height);
  const data = format === 'svg' ? text : await svgToPngBase64(text, width, height);
  vscode.postMessage({ type: 'export', format, data });
}

// ---------------------------------------------------------------------------------------------
// Interaction

function keyOf(target: EventTarget | null): string | null {
  const node = (target as Element | null)?.closest?.('.kp-el');
  return node?.getAttribute('data-key') ?? null;
}

function activate(key: string): void {
  state.selected = key;
  applySelection(svg, new Set([...highlighted, key]));
  showDetails(key);
  save();
  const source = drawing?.sources.get(key);
  if (source) vscode.postMessage({ type: 'reveal', source, key });
}

svgElement.addEventListener('click', (event) => {
  const key = keyOf(event.target);
  if (key) activate(key);
});
// Hover text, built when hovered (thousands of pods would otherwise each carry theirs).
svgElement.addEventListener('pointerover', (event) => {
  const key = keyOf(event.target);
  if (!key || !drawing) {
    tooltip.hidden = true;
    return;
  }
  tooltip.textContent = drawing.describe(key).join('\n');
  tooltip.hidden = false;
  placeTooltip(event);
});
svgElement.addEventListener('pointermove', (event) => {
  if (!tooltip.hidden) placeTooltip(event);
});
svgElement.addEventListener('pointerleave', () => {
  tooltip.hidden = true;
});

function placeTooltip(event: PointerEvent): void {
  const box = stage.getBoundingClientRect();
  const x = event.clientX - box.left + 14;
  const y = event.clientY - box.top + 14;
  tooltip.style.left = `${Math.min(x, Math.max(0, box.width - tooltip.offsetWidth - 4))}px`;
  tooltip.style.top = `${y + tooltip.offsetHeight > box.height ? Math.max(0, y - tooltip.offsetHeight - 20) : y}px`;
}

svgElement.addEventListener('focusin', (event) => {
  const key = keyOf(event.target);
  if (key) showDetails(key);
});
svgElement.addEventListener('keydown', (event) => {
  const current = (event.target as Element).closest?.('.kp-el');
  if (!current) return;
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    const key = current.getAttribute('data-key');
    if (key) activate(key);
    return;
  }
  const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
  if (!step) return;
  event.preventDefault();
  const all = Array.from(svgElement.querySelectorAll<SVGElement>('.kp-el[tabindex]'));
  const next = all[all.indexOf(current as SVGElement) + step];
  next?.focus();
});

zoomBehavior = d3zoom<SVGSVGElement, unknown>()
  .scaleExtent([0.05, 8])
  .filter((event: Event) => !(event.type === 'dblclick'))
  .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
    svg.select('.kp-root').attr('transform', event.transform.toString());
    state.transform = { k: event.transform.k, x: event.transform.x, y: event.transform.y };
    saveSoon();
  });
svg.call(zoomBehavior).on('dblclick.zoom', null);
/** A restored panel keeps its zoom; a new one fits its first picture to the view. */
const restoredZoom = state.transform !== null;
svg.call(zoomBehavior.transform, currentTransform());

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseToWebview(event.data);
  if (!message) return;
  handle(message);
});

function handle(message: ToWebview): void {
  switch (message.type) {
    case 'view': {
      const first = state.view === null;
      const localeChanged = toLocale(message.locale) !== toLocale(state.locale);
      state.view = message.view;
      state.locale = message.locale;
      state.scope = message.scope;
      state.whatIf = message.whatIf ?? structuredClone(NO_WHAT_IF);
      if (localeChanged) {
        t = translator(toLocale(state.locale));
        buildToolbar();
      }
      buildWhatIfBar();
      render();
      if (first && !restoredZoom) fitToView();
      // Saving clones the whole view: after the frame is painted, not before.
      saveSoon();
      document.body.setAttribute('data-rendered', String(++renders));
      break;
    }
    case 'status':
      banner.hidden = message.broken === null;
      banner.textContent = message.broken === null ? '' : t('brokenBanner', { message: message.broken });
      break;
    case 'highlight': {
      highlighted = new Set();
      if (drawing && message.file !== null) {
        for (const [key, source] of drawing.sources) {
          if (sourceWithin(source, message.file, message.startLine, message.endLine)) highlighted.add(key);
        }
      }
      applySelection(svg, new Set([...highlighted, ...(state.selected ? [state.selected] : [])]));
      break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// State

function restoreState(saved: unknown): UiState {
  const s = (typeof saved === 'object' && saved !== null ? saved : {}) as Partial<UiState>;
  const layers = Array.isArray(s.layers) ? s.layers.filter((l): l is LayerId => LAYERS.includes(l)) : [...DEFAULT_LAYERS];
  const restored = parseToWebview({ type: 'view', view: s.view, locale: String(s.locale ?? 'en'), scope: String(s.scope ?? '') });
  return {
    layers,
    colorBy: s.colorBy === 'qos' || s.colorBy === 'state' ? s.colorBy : 'workload',
    groupByNamespace: s.groupByNamespace === true,
    query: typeof s.query === 'string' ? s.query : '',
    namespace: typeof s.namespace === 'string' ? s.namespace : '',
    transform: s.transform && typeof s.transform.k === 'number' && typeof s.transform.x === 'number' && typeof s.transform.y === 'number' ? s.transform : null,
    whatIf: isWhatIfRequest(s.whatIf) ? s.whatIf : structuredClone(NO_WHAT_IF),
    locale: typeof s.locale === 'string' ? s.locale : 'en',
    scope: typeof s.scope === 'string' ? s.scope : '',
    selected: typeof s.selected === 'string' ? s.selected : null,
    view: restored?.type === 'view' ? restored.view : null,
  };
}

function save(): void {
  vscode.setState(state);
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
function saveSoon(): void {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(save, 250);
}

buildToolbar();
buildWhatIfBar();
render();
vscode.postMessage({ type: 'ready' });
