/**
 * @fileoverview The diagram webview's HTML page: one place for its Content-Security-Policy, used
 * by the VS Code panel and by the browser tests (which load the same bundle in chromium). Pure.
 *
 * The policy: nothing by default; styles only from the bundled assets or with the page's nonce
 * (the diagram's stylesheet is added by the script with that nonce); scripts only with the nonce;
 * images only from the assets and from `blob:`/`data:` (the PNG export draws the SVG on a canvas);
 * no connection, no frame, no form, no inline handler.
 */

export interface WebviewPage {
  /** The webview's `cspSource` (VS Code) or the test page's origin. */
  cspSource: string;
  /** A fresh random nonce per page load. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** `en` or `fr` (sets the page language). */
  locale: string;
  title: string;
}

const attr = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} blob: data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
}

export function webviewHtml(page: WebviewPage): string {
  const lang = /^fr\b|^fr[-_]/i.test(page.locale) ? 'fr' : 'en';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(page.cspSource, page.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(page.styleUri)}">
<title>${attr(page.title)}</title>
</head>
<body>
<div id="app"></div>
<script nonce="${attr(page.nonce)}" src="${attr(page.scriptUri)}"></script>
</body>
</html>
`;
}
