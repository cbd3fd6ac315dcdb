// Screenshots of pages (stories or the demo) at several widths, light and dark, for design review:
//   node scripts/screenshots.js <out-dir> <url> [<url> …]
// Prints any console error or page error, so a story that fails at run time is seen, not guessed.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { CHROME_ARGS, findChrome } from './chrome-path.js';

const [outDir = 'screenshots', ...urls] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS.filter((a) => a !== '--headless=new') });
let failures = 0;
for (const url of urls) {
  for (const width of [1280, 360]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && (failures++, console.error(`[console] ${url}: ${m.text()}`)));
    page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('favicon.ico') && !r.url().includes('/api/') && (failures++, console.error(`[http ${r.status()}] ${r.url()}`)));
    page.on('pageerror', (e) => (failures++, console.error(`[pageerror] ${url}: ${e.message}`)));
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    const name = new URL(url).searchParams.get('id') ?? (new URL(url).pathname + new URL(url).search).replace(/\W+/g, '_');
    const theme = new URL(url).searchParams.get('globals') ?? '';
    const file = `${outDir}/${name}${theme ? `-${theme.replace(/\W+/g, '_')}` : ''}-${width}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    await page.close();
  }
}
await browser.close();
process.exitCode = failures ? 1 : 0;
