/**
 * @fileoverview The diagram's stylesheet, from a palette. In the webview the palette is made of
 * VS Code theme variables (light, dark and high-contrast themes then just work); `kubeplan render`
 * and the exports use concrete colours, so the SVG file looks the same anywhere.
 */

export interface Palette {
  background: string;
  foreground: string;
  muted: string;
  border: string;
  /** Border used by high-contrast themes on every box (transparent elsewhere). */
  contrast: string;
  card: string;
  band: string;
  item: string;
  focus: string;
  edge: string;
  allowed: string;
  denied: string;
  error: string;
  warning: string;
  info: string;
  barTrack: string;
  barFill: string;
  barHigh: string;
  barOver: string;
  fontFamily: string;
}

export const LIGHT: Palette = {
  background: '#ffffff',
  foreground: '#1f2328',
  muted: '#656d76',
  border: '#d0d7de',
  contrast: 'transparent',
  card: '#f6f8fa',
  band: '#fbfbfc',
  item: '#ffffff',
  focus: '#0969da',
  edge: '#8c959f',
  allowed: '#1a7f37',
  denied: '#cf222e',
  error: '#cf222e',
  warning: '#bf8700',
  info: '#0969da',
  barTrack: '#e6e9ed',
  barFill: '#4e79a7',
  barHigh: '#e08a00',
  barOver: '#cf222e',
  fontFamily: "'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif",
};

export const DARK: Palette = {
  background: '#1e1e1e',
  foreground: '#d4d4d4',
  muted: '#9d9d9d',
  border: '#454545',
  contrast: 'transparent',
  card: '#252526',
  band: '#202021',
  item: '#2d2d30',
  focus: '#3794ff',
  edge: '#7a7a7a',
  allowed: '#4ec970',
  denied: '#f14c4c',
  error: '#f14c4c',
  warning: '#cca700',
  info: '#3794ff',
  barTrack: '#3a3a3a',
  barFill: '#4e9bd6',
  barHigh: '#e0a000',
  barOver: '#f14c4c',
  fontFamily: "'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif",
};

const v = (name: string, fallback: string): string => `var(--vscode-${name}, ${fallback})`;

/** The palette of the webview: VS Code's theme variables, with the light palette behind them. */
export const VSCODE: Palette = {
  background: v('editor-background', LIGHT.background),
  foreground: v('editor-foreground', LIGHT.foreground),
  muted: v('descriptionForeground', LIGHT.muted),
  border: v('panel-border', LIGHT.border),
  contrast: v('contrastBorder', 'transparent'),
  card: v('sideBar-background', LIGHT.card),
  band: v('editorWidget-background', LIGHT.band),
  item: v('editor-background', LIGHT.item),
  focus: v('focusBorder', LIGHT.focus),
  edge: v('editorLineNumber-foreground', LIGHT.edge),
  allowed: v('testing-iconPassed', LIGHT.allowed),
  denied: v('errorForeground', LIGHT.denied),
  error: v('editorError-foreground', LIGHT.error),
  warning: v('editorWarning-foreground', LIGHT.warning),
  info: v('editorInfo-foreground', LIGHT.info),
  barTrack: v('input-background', LIGHT.barTrack),
  barFill: v('progressBar-background', LIGHT.barFill),
  barHigh: v('editorWarning-foreground', LIGHT.barHigh),
  barOver: v('editorError-foreground', LIGHT.barOver),
  fontFamily: v('font-family', LIGHT.fontFamily),
};

/** The CSS of the diagram's SVG classes for a palette. */
export function diagramCss(p: Palette): string {
  return `
.kp-diagram { font-family: ${p.fontFamily}; font-size: 11px; }
.kp-diagram text { fill: ${p.foreground}; }
.kp-diagram .kp-muted { fill: ${p.muted}; }
.kp-diagram .kp-band { fill: ${p.band}; stroke: ${p.border}; stroke-width: 1; }
.kp-diagram .kp-band-title, .kp-diagram .kp-section-title { font-weight: bold; font-size: 12px; fill: ${p.muted}; }
.kp-diagram .kp-group-label { font-size: 10px; font-style: italic; fill: ${p.muted}; }
.kp-diagram .kp-item-box { fill: ${p.item}; stroke: ${p.border}; stroke-width: 1; }
.kp-diagram .kp-item-title { font-weight: bold; }
.kp-diagram .kp-item-sub { font-size: 10px; fill: ${p.muted}; }
.kp-diagram .kp-node-card { fill: ${p.card}; stroke: ${p.border}; stroke-width: 1; }
.kp-diagram .kp-node.kp-cordoned .kp-node-card { stroke: ${p.warning}; stroke-dasharray: 6 3; }
.kp-diagram .kp-node.kp-removed .kp-node-card { stroke: ${p.error}; stroke-dasharray: 2 3; fill-opacity: 0.4; }
.kp-diagram .kp-node-title { font-weight: bold; font-size: 12px; }
.kp-diagram .kp-bar-track { fill: ${p.barTrack}; }
.kp-diagram .kp-bar-fill { fill: ${p.barFill}; }
.kp-diagram .kp-bar-fill.kp-high { fill: ${p.barHigh}; }
.kp-diagram .kp-bar-fill.kp-over { fill: ${p.barOver}; }
.kp-diagram .kp-bar-label { font-size: 9px; fill: ${p.muted}; }
.kp-diagram .kp-taint rect { fill: none; stroke: ${p.warning}; }
.kp-diagram .kp-taint text { font-size: 9px; fill: ${p.warning}; }
.kp-diagram .kp-pending-lane { fill: ${p.band}; stroke: ${p.denied}; stroke-dasharray: 5 3; }
.kp-diagram .kp-pod-fill { stroke: ${p.contrast}; }
.kp-diagram .kp-pod.kp-pending .kp-pod-fill, .kp-diagram rect.kp-pod.kp-pending { stroke: ${p.denied}; stroke-width: 1.5; }
.kp-diagram .kp-pod-name { font-size: 10px; fill: #ffffff; }
.kp-diagram .kp-pod-name.kp-on-light { fill: #1f2328; }
.kp-diagram .kp-edge { fill: none; stroke: ${p.edge}; stroke-width: 1.2; stroke-opacity: 0.7; }
.kp-diagram .kp-edge.kp-allowed { stroke: ${p.allowed}; stroke-width: 1.2; stroke-opacity: 0.55; }
.kp-diagram .kp-edge.kp-denied { stroke: ${p.denied}; stroke-width: 2; stroke-dasharray: 6 4; stroke-opacity: 0.9; }
.kp-diagram .kp-layer-services .kp-edge { stroke-opacity: 0.35; }
.kp-diagram .kp-layer-config .kp-edge { stroke-dasharray: 2 3; }
.kp-diagram .kp-layer-rbac .kp-edge { stroke-dasharray: 8 3 2 3; }
.kp-diagram .kp-badge circle { stroke: ${p.background}; stroke-width: 1; }
.kp-diagram .kp-badge.kp-error circle { fill: ${p.error}; }
.kp-diagram .kp-badge.kp-warning circle { fill: ${p.warning}; }
.kp-diagram .kp-badge text { fill: #ffffff; font-size: 9px; font-weight: bold; }
.kp-diagram .kp-flag-error { stroke: ${p.error} !important; stroke-width: 2 !important; }
.kp-diagram .kp-flag-warning { stroke: ${p.warning} !important; stroke-width: 2 !important; }
.kp-diagram .kp-dim { opacity: 0.18; }
.kp-diagram .kp-selected > rect:first-of-type, .kp-diagram rect.kp-selected { stroke: ${p.focus}; stroke-width: 3; }
.kp-diagram .kp-el:focus { outline: none; }
.kp-diagram .kp-el:focus > rect:first-of-type, .kp-diagram rect.kp-el:focus { stroke: ${p.focus}; stroke-width: 3; }
.kp-diagram .kp-arrow { fill: ${p.edge}; }
.kp-diagram .kp-arrow-allowed { fill: ${p.allowed}; }
.kp-diagram .kp-arrow-denied { fill: ${p.denied}; }
.kp-diagram .kp-legend-text { font-size: 10px; fill: ${p.muted}; }
`;
}
