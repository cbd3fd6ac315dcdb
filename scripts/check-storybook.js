// Loads every story and docs page of the built Storybook (storybook-static/) in headless Chromium and
// fails on any page error, console error or failed request, or a story whose ai-* element renders
// nothing. Proves the stories work in Storybook's own runtime, not only as test fixtures.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from './chrome-path.js';

const root = 'storybook-static';
if (!existsSync(join(root, 'index.json'))) throw new Error('Build Storybook first: storybook-static/index.json is missing.');
/** @type {Record<string, string>} */
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
  if (!existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const entries = Object.values(JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')).entries);
const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS.filter((a) => a !== '--headless=new') });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const problems = [];
let current = '';
page.on('pageerror', (e) => problems.push(`${current}: ${e.message}`));
page.on('console', (m) => m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && problems.push(`${current}: console: ${m.text()}`));
page.on('response', (r) => r.status() >= 400 && problems.push(`${current}: HTTP ${r.status()} ${r.url()}`));

let checked = 0;
for (const entry of entries) {
  for (const theme of entry.type === 'story' ? ['light', 'dark'] : ['light']) {
    current = `${entry.id} (${entry.type}, ${theme})`;
    await page.goto(`${base}/iframe.html?id=${entry.id}&viewMode=${entry.type === 'docs' ? 'docs' : 'story'}&globals=theme:${theme}`);
    // Rendered: an ai-* element whose shadow root shows a table, a skeleton or a state panel.
    const rendered = await page
      .waitForFunction(
        () => {
          /** @param {ParentNode} root @returns {boolean} */
          const found = (root) =>
            [...root.querySelectorAll('*')].some(
              (el) => el.localName.startsWith('ai-') && !!el.shadowRoot && (!!el.shadowRoot.querySelector('table, .state, .chart, .chart-skeleton') || found(el.shadowRoot)),
            );
          return found(document);
        },
        undefined,
        { timeout: 10_000 },
      )
      .then(() => true, () => false);
    if (!rendered) problems.push(`${current}: no ai-* element rendered`);
    checked++;
  }
}
await browser.close();
server.close();
if (problems.length) {
  console.error(`Storybook check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`Storybook: ${checked} story and docs pages rendered without errors.`);
