/**
 * @fileoverview Headless rendering of the cluster diagram for `kubeplan render`: the webview's own
 * layout and drawing code (webview/diagram) run against linkedom's light DOM, and the result is
 * serialised as a self-contained SVG (stylesheet inlined, concrete colours); PNG goes through
 * resvg (a Rust SVG renderer shipped as a prebuilt binary inside its npm package, so no browser
 * and no network are needed in CI).
 */
import { select } from 'd3-selection';
import { DOMParser } from 'linkedom';
import type { ClusterView } from '../protocol/cluster-view';
import { drawDiagram, type ColorBy } from '../../webview/diagram/draw';
import { toLocale, translator } from '../../webview/diagram/i18n';
import { DEFAULT_LAYERS, LAYERS, layoutView, type LayerId } from '../../webview/diagram/layout';
import { DARK, LIGHT, diagramCss } from '../../webview/diagram/style';

export interface RenderOptions {
  /** `en` (default) or `fr`; any `fr-*` tag counts as French. */
  locale?: string;
  /** Wiring layers drawn (default: Ingress, Services, traffic). */
  layers?: readonly LayerId[];
  colorBy?: ColorBy;
  groupByNamespace?: boolean;
  theme?: 'light' | 'dark';
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The little of linkedom's XML document used here (its own typings are loose). */
interface XmlNode {
  textContent: string | null;
  firstChild: XmlNode | null;
  nextSibling: XmlNode | null;
  setAttribute(name: string, value: string): void;
  insertBefore(node: XmlNode, before: XmlNode | null): void;
  toString(): string;
}
interface XmlDocument {
  documentElement: XmlNode;
  createElementNS(ns: string, name: string): XmlNode;
}

/** The diagram of a ClusterView as a standalone SVG document (text). Deterministic. */
export function renderSvg(view: ClusterView, options: RenderOptions = {}): string {
  const layers = new Set(options.layers ?? DEFAULT_LAYERS);
  for (const l of layers) if (!LAYERS.includes(l)) throw new Error(`unknown layer: ${l}`);
  const palette = options.theme === 'dark' ? DARK : LIGHT;
  const doc = new DOMParser().parseFromString(`<svg xmlns="${SVG_NS}"></svg>`, 'image/svg+xml') as unknown as XmlDocument;
  const svgElement = doc.documentElement;
  const svg = select(svgElement as never);
  const layout = layoutView(view, { groupByNamespace: options.groupByNamespace ?? false });
  drawDiagram(svg, view, layout, {
    t: translator(toLocale(options.locale)),
    colorBy: options.colorBy ?? 'workload',
    layers,
    interactive: false,
  });
  svg.attr('width', layout.width).attr('height', layout.height);
  const style = doc.createElementNS(SVG_NS, 'style');
  style.textContent = diagramCss(palette);
  svgElement.insertBefore(style, svgElement.firstChild);
  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', palette.background);
  svgElement.insertBefore(background, style.nextSibling);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svgElement.toString()}\n`;
}

/** PNG bytes of an SVG produced by renderSvg, at `scale` (1 = one pixel per SVG unit). */
export async function svgToPng(svgText: string, scale = 1): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svgText, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
