// Screenshots of pages (stories or the demo) at several widths, light and dark, for design review:
//   node scripts/screenshots.js <out-dir> <url-or-path> [<url-or-path> …]
// A full URL is taken as is; a path (e.g. `/`, `/demo/index.html` or
// `/storybook-static/iframe.html?id=…&globals=theme:dark`) is served from this folder, with the demo
// backend under /api/, by the scripts' static server (as `npm start` does): no server to start first.
// Prints any console error or page error, so a story that fails at run time is seen, not guessed.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { CHROME_ARGS, findChrome } from './chrome-path.js';
import { startStaticServer } from './static-server.js';

const [outDir = 'screenshots', ...targets] = process.argv.slice(2);
if (targets.length === 0) {
  console.error('Usage: node scripts/screenshots.js <out-dir> <url-or-path> [<url-or-path> …]');
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });

/** Started only when some target is a path. @type {Awaited<ReturnType<typeof startStaticServer>> | undefined} */
let server;
if (targets.some((t) => !/^https?:\/\//.test(t))) {
  const { default: config } = await import('../web-dev-server.config.js');
  server = await startStaticServer({ root: '.', middleware: /** @type {import('./static-server.js').Middleware[]} */ (/** @type {unknown} */ (config.middleware ?? [])) });
}
const urls = targets.map((t) => (/^https?:\/\//.test(t) ? t : `${server?.url}${t.startsWith('/') ? '' : '/'}${t}`));

const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS.filter((a) => a !== '--headless=new') });
let failures = 0;
try {
  for (const url of urls) {
    for (const width of [1280, 360]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && (failures++, console.error(`[console] ${url}: ${m.text()}`)));
      const failedRequest = (/** @type {import('playwright-core').Response} */ r) => r.status() >= 400 && !r.url().endsWith('favicon.ico') && !r.url().includes('/api/');
      page.on('response', (r) => failedRequest(r) && (failures++, console.error(`[http ${r.status()}] ${r.url()}`)));
      page.on('pageerror', (e) => (failures++, console.error(`[pageerror] ${url}: ${e.message}`)));
      await page.goto(url, { waitUntil: 'networkidle' });
      // Web fonts in, and two frames for the last layout and paint (no fixed sleep).
      await page.evaluate(async () => {
        await document.fonts.ready;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      });
      const name = new URL(url).searchParams.get('id') ?? (new URL(url).pathname + new URL(url).search).replace(/\W+/g, '_');
      const theme = new URL(url).searchParams.get('globals') ?? '';
      const file = `${outDir}/${name}${theme ? `-${theme.replace(/\W+/g, '_')}` : ''}-${width}.png`;
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server?.close();
}
process.exitCode = failures ? 1 : 0;
