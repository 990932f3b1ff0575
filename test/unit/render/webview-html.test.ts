import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, webviewHtml } from '../../../src/render/webview-html';

describe('diagram webview page', () => {
  const page = {
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'bm9uY2U', locale: 'fr-FR', title: 'Schéma "du" <cluster>',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/webview.js', styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/webview.css',
  };

  it('allows nothing by default, scripts only with the nonce, no inline code or eval', () => {
    const csp = contentSecurityPolicy(page.cspSource, page.nonce);
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    assert.equal(directives['default-src'], "'none'");
    assert.equal(directives['script-src'], "'nonce-bm9uY2U'");
    assert.equal(directives['style-src'], `${page.cspSource} 'nonce-bm9uY2U'`);
    assert.equal(directives['img-src'], `${page.cspSource} blob: data:`);
    assert.equal(directives['frame-src'], "'none'");
    assert.equal(directives['connect-src'], undefined, 'falls back to default-src: no connection');
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });

  it('loads one script, with the nonce, and escapes what it writes into attributes', () => {
    const html = webviewHtml(page);
    assert.match(html, /^<!DOCTYPE html>\n<html lang="fr">/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, /<script nonce="bm9uY2U" src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/media\/webview\.js"><\/script>/);
    assert.match(html, /<title>Schéma &quot;du&quot; &lt;cluster&gt;<\/title>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; /);
    assert.doesNotMatch(html, /\son[a-z]+=/i);
  });
});
