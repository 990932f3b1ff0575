/**
 * @fileoverview Loads the built webview bundle (media/webview.js) in Debian's chromium through
 * playwright-core, on the same HTML page and Content-Security-Policy as the VS Code panel, with a
 * stubbed `acquireVsCodeApi` that records what the page posts. Used by the browser tests and by
 * bench/diagram.ts. Run `npm run build` first.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ClusterView } from '../../../src/protocol/cluster-view';
import type { ToWebview } from '../../../src/protocol/messages';
import { webviewHtml } from '../../../src/render/webview-html';

const ROOT = path.resolve(__dirname, '../../..');
export const CHROMIUM = process.env.KUBEPLAN_CHROMIUM ?? '/usr/bin/chromium';
const NONCE = 'dGVzdC1ub25jZS0xMjM0NTY3ODkw';

export interface Harness {
  browser: Browser;
  origin: string;
  close(): Promise<void>;
  /** A fresh page with the webview loaded; `state` is what `getState()` returns (a restored panel). */
  open(options?: { state?: unknown; locale?: string; width?: number; height?: number; colorScheme?: 'light' | 'dark' }): Promise<Page>;
}

/** Starts a local server for the page and the bundle, and a headless chromium. */
export async function startHarness(): Promise<Harness> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const files: Record<string, [string, string]> = {
      '/media/webview.js': [path.join(ROOT, 'media/webview.js'), 'text/javascript'],
      '/media/webview.css': [path.join(ROOT, 'media/webview.css'), 'text/css'],
    };
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(webviewHtml({ cspSource: origin, nonce: NONCE, scriptUri: `${origin}/media/webview.js`, styleUri: `${origin}/media/webview.css`, locale: url.searchParams.get('locale') ?? 'en', title: 'KubePlan' }));
      return;
    }
    const file = files[url.pathname];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    readFile(file[0]).then((body) => {
      res.writeHead(200, { 'content-type': file[1] });
      res.end(body);
    }, () => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  } catch (error) {
    // Without this the server keeps the process alive and a script using the harness never ends.
    server.close();
    throw new Error(`could not start chromium at ${CHROMIUM} (apt-get install chromium, or set KUBEPLAN_CHROMIUM): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  return {
    browser,
    origin,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async open(options = {}) {
      const context = await browser.newContext({ viewport: { width: options.width ?? 1400, height: options.height ?? 900 }, colorScheme: options.colorScheme ?? 'light' });
      const page = await context.newPage();
      // Anything that tries to leave the machine fails the tests (see `requests`).
      await page.addInitScript(`(() => {
        window.__sent = [];
        window.__csp = [];
        window.__state = ${JSON.stringify(options.state ?? null)};
        document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
        window.acquireVsCodeApi = () => ({
          postMessage: (m) => window.__sent.push(JSON.parse(JSON.stringify(m))),
          getState: () => window.__state,
          setState: (s) => { window.__state = JSON.parse(JSON.stringify(s)); },
        });
      })();`);
      await page.goto(`${origin}/?locale=${options.locale ?? 'en'}`);
      // Function predicates (a string one would be eval'd in the page, which its CSP forbids).
      await page.waitForFunction(() => (globalThis as unknown as { __sent: Array<{ type: string }> }).__sent.some((m) => m.type === 'ready'));
      return page;
    },
  };
}

/** Posts a message to the page as the extension would. */
export async function post(page: Page, message: ToWebview): Promise<void> {
  await page.evaluate((m) => (globalThis as unknown as { postMessage(m: unknown, o: string): void }).postMessage(m, '*'), message as unknown);
}

/** Sends a view and waits until it is drawn. */
export async function showView(page: Page, view: ClusterView, locale = 'en'): Promise<void> {
  const before = await page.evaluate('document.body.getAttribute("data-rendered")');
  await post(page, { type: 'view', view, locale, scope: 'workspace' });
  await page.waitForFunction((b) => (globalThis as unknown as { document: { body: { getAttribute(n: string): string | null } } }).document.body.getAttribute('data-rendered') !== b, before);
}

/** The messages the page posted to the extension. */
export async function sent(page: Page): Promise<Array<Record<string, unknown>>> {
  return page.evaluate('window.__sent') as Promise<Array<Record<string, unknown>>>;
}
