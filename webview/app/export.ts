/**
 * @fileoverview Export of the drawn diagram from the browser: a self-contained SVG (the theme's
 * current colours inlined, the zoom undone) and a PNG drawn from it on a canvas.
 */
import { diagramCss, VSCODE, type Palette } from '../diagram/style';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The VS Code palette with each `var(--x, fallback)` replaced by the theme's current value. */
export function resolvedPalette(element: Element): Palette {
  const computed = getComputedStyle(element);
  const resolve = (value: string): string => value.replace(/var\((--[\w-]+),\s*([^)]*)\)/g, (_, name: string, fallback: string) =>
    computed.getPropertyValue(name).trim() || fallback.trim());
  const out = {} as Record<keyof Palette, string>;
  for (const [key, value] of Object.entries(VSCODE) as Array<[keyof Palette, string]>) out[key] = resolve(value);
  return out;
}

/** The diagram as standalone SVG text. */
export function exportSvg(svg: SVGSVGElement, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.querySelector('.kp-root')?.removeAttribute('transform');
  for (const el of Array.from(clone.querySelectorAll('[tabindex]'))) el.removeAttribute('tabindex');
  for (const el of Array.from(clone.querySelectorAll('.kp-selected, .kp-dim'))) el.classList.remove('kp-selected', 'kp-dim');
  const palette = resolvedPalette(document.body);
  const style = document.createElementNS(SVG_NS, 'style');
  style.textContent = diagramCss(palette);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', palette.background);
  clone.insertBefore(background, clone.firstChild);
  clone.insertBefore(style, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

/** A PNG (base64, no data: prefix) of an SVG text, at most `maxSide` pixels on its longer side. */
export async function svgToPngBase64(svgText: string, width: number, height: number, maxSide = 8192): Promise<string> {
  const scale = Math.min(2, maxSide / Math.max(width, height));
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the SVG could not be drawn'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
  } finally {
    URL.revokeObjectURL(url);
  }
}
