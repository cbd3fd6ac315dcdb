// `npm run bench`: builds bench/ with esbuild (production lit), runs every contestant in headless
// Chromium in one page, and prints medians and ratios against vanilla DOM, plus bundle sizes.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from './chrome-path.js';
import { measureFile } from './sizes.js';
import { startStaticServer } from './static-server.js';

const sizes = (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map(Number);
const repeats = Number(process.env.BENCH_REPEATS ?? 5);

await build({
  entryPoints: ['bench/bench.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  outfile: 'bench/dist/bench.js',
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});

const server = await startStaticServer({ root: 'bench' });

const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS.filter((a) => a !== '--headless=new') });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('pageerror', (e) => console.error(`[pageerror] ${e.message}`));
if (process.env.BENCH_VERBOSE) page.on('console', (m) => console.log(`[page] ${m.text()}`));
await page.goto(`${server.url}/`);
await page.waitForFunction(() => document.title === 'ready');
/** @type {{ contestant: string; rows: number; renderMs: number; sortMs: number }[]} */
const results = await page.evaluate(([s, r]) => /** @type {any} */ (window).runBench(s, r), [sizes, repeats]);
await browser.close();
await server.close();

const pad = (/** @type {unknown} */ v, /** @type {number} */ n) => String(v).padStart(n);
console.log(`\nRender and sort N AI voice agents in headless Chromium (median of ${repeats}; ratio = time / vanilla DOM)\n`);
console.log(`${'contestant'.padEnd(20)}${pad('rows', 7)}${pad('render ms', 12)}${pad('× vanilla', 11)}${pad('sort ms', 10)}${pad('× vanilla', 11)}`);
for (const r of results) {
  const base = results.find((b) => b.rows === r.rows && b.contestant === 'vanilla DOM');
  const ratio = (/** @type {number} */ a, /** @type {number | undefined} */ b) => (b ? (a / b).toFixed(1) : '–');
  console.log(
    `${r.contestant.padEnd(20)}${pad(r.rows, 7)}${pad(r.renderMs.toFixed(1), 12)}${pad(ratio(r.renderMs, base?.renderMs), 11)}${pad(r.sortMs.toFixed(1), 10)}${pad(ratio(r.sortMs, base?.sortMs), 11)}`,
  );
}

const gz = (/** @type {string} */ file) => (existsSync(file) ? `${(measureFile(file).gzip / 1024).toFixed(1)} KB` : 'not built (npm run build)');
console.log('\nSize, min+gzip:');
console.log(`  ai-usage-elements bundle (every element + lit): ${gz('dist/ai-usage-elements.bundle.js')}`);
console.log(`  Grid.js 6 (one table, no lit):               ${gz('node_modules/gridjs/dist/gridjs.production.es.min.js')}`);
