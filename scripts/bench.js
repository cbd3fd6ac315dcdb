// `npm run bench`: the agents table against hand-written DOM, Vaadin Grid and lit + @lit-labs/virtualizer,
// and our calls list paging through 100,000 calls, in one headless Chromium run (the system's), over
// the demo backend on real HTTP. Writes bench/results.json (medians, raw samples, machine, verdicts)
// and prints Markdown tables. Not part of `npm test`; timings are never asserted.
//
//   npm run bench                    the full run (sizes 200, 1,000, 10,000 and 100,000; 5 rounds, 3 for 100,000):
//                                    about 15 min on a busy 2-core machine, most of it hand-written DOM at 100,000 rows
//   npm run bench -- --quick         1 round of 200 and 1,000 (and the calls list); writes bench/dist/results.quick.json
//   options: --sizes=200,1000  --rounds=5  --rounds-large=3 (sizes ≥ 100,000)  --contestants=vanilla,ours-endpoint
//            --no-calls  --out=FILE  --timeout-ms=N (per timed step; default max(60 s, 3 ms × rows))
//
// One fresh page (a new browser context) per sample; each round visits every size, and every
// contestant in an order rotated per round, so slow phases of a busy machine spread over all of them.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import * as prettier from 'prettier';
import { CHROME_ARGS, findChrome } from './chrome-path.js';
import './register-ts.js';
import { measure } from './sizes.js';
import { startStaticServer } from './static-server.js';

const { apiMiddleware, bulkAgents, createApi, BULK_MONTH } = await import('../demo/api.js');

// --- Options --------------------------------------------------------------------------------------

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    rounds: { type: 'string' },
    'rounds-large': { type: 'string' },
    contestants: { type: 'string' },
    'no-calls': { type: 'boolean', default: false },
    out: { type: 'string' },
    'timeout-ms': { type: 'string' },
  },
});

/** The contestants, in the tables' order. `ours-endpoint` fetches from the demo backend itself; the others are handed the parsed answer. */
const CONTESTANTS = [
  { id: 'vanilla', label: 'vanilla DOM', bundle: 'vanilla' },
  { id: 'vaadin-grid', label: 'Vaadin Grid 25', bundle: 'vaadin-grid' },
  { id: 'lit-virtualizer', label: 'lit + virtualizer', bundle: 'lit-virtualizer' },
  { id: 'ours-data', label: 'ours, dataSource', bundle: 'ours' },
  { id: 'ours-endpoint', label: 'ours, endpoint', bundle: 'ours' },
];
const LARGE = 100_000;
const CALLS = 100_000;
const CALL_SCREENS = 20;

const list = (/** @type {string | undefined} */ text) =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const sizes = options.sizes ? list(options.sizes).map(Number) : options.quick ? [200, 1000] : [200, 1000, 10_000, LARGE];
const rounds = Number(options.rounds ?? (options.quick ? 1 : 5));
const roundsLarge = Number(options['rounds-large'] ?? (options.quick ? 1 : 3));
const roundsFor = (/** @type {number} */ rows) => (rows >= LARGE ? Math.min(rounds, roundsLarge) : rounds);
const contestants = options.contestants ? CONTESTANTS.filter((c) => list(options.contestants).includes(c.id)) : CONTESTANTS;
const withCalls = !options['no-calls'];
const out = options.out ?? (options.quick ? 'bench/dist/results.quick.json' : 'bench/results.json');
const timeoutFor = (/** @type {number} */ rows) => Number(options['timeout-ms'] ?? Math.max(60_000, rows * 3));
if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 110_000)) throw new Error(`--sizes: whole numbers from 1 to 110,000, not ${options.sizes}`);
if (contestants.length === 0) throw new Error(`--contestants: some of ${CONTESTANTS.map((c) => c.id).join(', ')}`);

// --- Build: one bundle per contestant (its min+gzip is its own), plus the page harness ------------

/** Vaadin's development-time usage statistics are left out of production builds; leave them out here too. */
const vaadinOptOut = {
  name: 'vaadin-usage-statistics-opt-out',
  setup(/** @type {import('esbuild').PluginBuild} */ b) {
    b.onResolve({ filter: /^@vaadin\/vaadin-usage-statistics\/vaadin-usage-statistics\.js$/ }, () => ({
      path: resolve('node_modules/@vaadin/vaadin-usage-statistics/vaadin-usage-statistics-optout.js'),
    }));
  },
};

const BUNDLES = ['vanilla', 'vaadin-grid', 'lit-virtualizer', 'ours', 'calls'];
await build({
  entryPoints: [{ in: 'bench/harness.ts', out: 'harness' }, ...BUNDLES.map((name) => ({ in: `bench/contestants/${name}.ts`, out: name }))],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  outdir: 'bench/dist',
  tsconfig: 'tsconfig.json',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [vaadinOptOut],
  logLevel: 'warning',
});

/** @param {string} file */
const sizeOf = (file) => {
  const { raw, gzip } = measure(readFileSync(file));
  return { file, raw, gzip };
};
const bundleSizes = {
  ...Object.fromEntries(BUNDLES.map((name) => [name, sizeOf(`bench/dist/${name}.js`)])),
  ...(existsSync('dist/ai-usage-elements.bundle.js') ? { 'ai-usage-elements.bundle': sizeOf('dist/ai-usage-elements.bundle.js') } : {}),
};

// --- What each size should show -------------------------------------------------------------------

/** Folded as the elements' filter folds ASCII queries: accents stripped, lower case. */
const fold = (/** @type {string} */ s) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const FILTERS = ['billing assistant', 'jonas bokningar', 'priya appointment'];

/** @typedef {{ first: string; sorted: string; filter: string; filtered: string; matches: number }} Expected */
/** @type {Map<number, Expected>} */
const expectations = new Map();
/** The first row as given, the first after sorting by billable minutes this month (ascending; they never tie), and after a filter. */
function expected(/** @type {number} */ rows) {
  let e = expectations.get(rows);
  if (e) return e;
  const agents = bulkAgents(rows).agents;
  const byMinutes = [...agents].sort((a, b) => a.billableMinutesThisMonth - b.billableMinutesThisMonth);
  const first = agents[0]?.name ?? '';
  const sorted = byMinutes[0]?.name ?? '';
  for (const filter of FILTERS) {
    const words = fold(filter).split(/\s+/);
    const matching = byMinutes.filter((a) => words.every((w) => fold(`${a.name}\n${a.entity.name}`).includes(w)));
    const filtered = matching[0]?.name;
    if (filtered && filtered !== sorted) {
      e = { first, sorted, filter, filtered, matches: matching.length };
      break;
    }
  }
  if (!e) throw new Error(`No filter for ${rows} agents changes the first row.`);
  expectations.set(rows, e);
  return e;
}

// --- The browser ----------------------------------------------------------------------------------

const api = createApi();
const server = await startStaticServer({
  root: '.',
  middleware: [/** @type {import('./static-server.js').Middleware} */ (/** @type {unknown} */ (apiMiddleware(api)))],
});
const launch = () => chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS.filter((a) => a !== '--headless=new') });
let browser = await launch();
const chromiumVersion = browser.version();

/** @typedef {import('playwright-core').CDPSession} CDPSession */
/** @param {CDPSession} cdp */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}
/** Main-thread time in tasks, script and style+layout between two `metrics()` (thread CPU time, in ms). */
const cpu = (/** @type {Record<string, number>} */ a, /** @type {Record<string, number>} */ b) => ({
  taskMs: ((b.TaskDuration ?? 0) - (a.TaskDuration ?? 0)) * 1000,
  scriptMs: ((b.ScriptDuration ?? 0) - (a.ScriptDuration ?? 0)) * 1000,
  layoutMs: ((b.LayoutDuration ?? 0) + (b.RecalcStyleDuration ?? 0) - (a.LayoutDuration ?? 0) - (a.RecalcStyleDuration ?? 0)) * 1000,
});
/** Heap in use after a forced garbage collection, in bytes: V8's (`js`) and, with it, Blink's for the DOM (`total`). */
async function heap(/** @type {CDPSession} */ cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return { js: usage.usedSize, total: usage.usedSize + (usage.embedderHeapUsedSize ?? 0) };
}

/** @typedef {Record<string, unknown> & { error?: string; errors: string[] }} Sample */
/**
 * A fresh page for one sample: a new context, DevTools metrics on thread CPU time, page errors
 * collected. `run` gets the page and its DevTools session; the context is closed afterwards.
 * @param {string} contestant
 * @param {(page: import('playwright-core').Page, cdp: CDPSession) => Promise<Record<string, unknown>>} run
 * @returns {Promise<Sample>}
 */
async function withPage(contestant, run) {
  if (!browser.isConnected()) browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  /** @type {string[]} */
  const errors = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(`${server.url}/bench/index.html?c=${contestant}`);
    await page.waitForFunction(() => window.bench?.ready || window.bench?.error);
    const loadError = await page.evaluate(() => window.bench.error);
    if (loadError) throw new Error(loadError);
    return { ...(await run(page, cdp)), errors: errors.slice(0, 5) };
  } catch (error) {
    return { error: String(error instanceof Error ? error.message : error).split('\n')[0], errors: errors.slice(0, 5) };
  } finally {
    await Promise.race([context.close(), new Promise((r) => setTimeout(r, 10_000))]).catch(() => undefined);
  }
}

/**
 * One sample of one contestant at one size: first paint, sort-to-paint, (ours) filter-to-paint,
 * and what each cost.
 * @param {(typeof CONTESTANTS)[number]} c
 * @param {number} rows
 */
async function sampleAgents(c, rows) {
  const e = expected(rows);
  const timeout = timeoutFor(rows);
  const endpoint = `/api/scenarios/bulk-agents=${rows}/`;
  return withPage(c.id, async (page, cdp) => {
    const blank = await heap(cdp);
    if (c.id === 'ours-endpoint') await page.evaluate((url) => window.bench.useEndpoint(url), endpoint);
    else await page.evaluate((url) => window.bench.loadData(url), endpoint);
    await heap(cdp);

    const m0 = await metrics(cdp);
    const first = await page.evaluate(([name, t]) => window.bench.firstPaint(name, t), /** @type {[string, number]} */ ([e.first, timeout]));
    await page.evaluate(() => window.bench.settle());
    const m1 = await metrics(cdp);
    const longestFirst = await page.evaluate((t) => window.bench.longestTask(t), first.t0);

    const sort = await page.evaluate(([name, t]) => window.bench.sortPaint(name, t), /** @type {[string, number]} */ ([e.sorted, timeout]));
    await page.evaluate(() => window.bench.settle());
    const m2 = await metrics(cdp);
    const longestSort = await page.evaluate((t) => window.bench.longestTask(t), sort.t0);
    const domNodes = await page.evaluate(() => window.bench.domNodes());
    const after = await heap(cdp);

    /** @type {Record<string, number>} */
    const extra = {};
    if (c.id.startsWith('ours')) {
      const m3 = await metrics(cdp);
      const filter = await page.evaluate(([q, name, t]) => window.bench.filterPaint(q, name, t), /** @type {[string, string, number]} */ ([e.filter, e.filtered, timeout]));
      await page.evaluate(() => window.bench.settle());
      const m4 = await metrics(cdp);
      Object.assign(extra, { filterPaintMs: filter.ms, cpuFilterMs: cpu(m3, m4).taskMs, longestFilterMs: await page.evaluate((t) => window.bench.longestTask(t), filter.t0) });
    }
    if (c.id === 'ours-endpoint') {
      const { netMs, parseMs, elementRequestMs, bytes } = await page.evaluate(() => window.bench.netAndParse());
      Object.assign(extra, { netMs, parseMs, elementRequestMs, answerBytes: bytes });
    }
    const cpuFirst = cpu(m0, m1);
    const cpuSort = cpu(m1, m2);
    return {
      firstPaintMs: first.ms,
      // The endpoint variant with fetch and JSON parse subtracted, to compare with contestants handed parsed data.
      firstPaintRenderMs: first.ms - (extra.netMs ?? 0) - (extra.parseMs ?? 0),
      sortPaintMs: sort.ms,
      cpuFirstMs: cpuFirst.taskMs,
      scriptFirstMs: cpuFirst.scriptMs,
      layoutFirstMs: cpuFirst.layoutMs,
      cpuSortMs: cpuSort.taskMs,
      scriptSortMs: cpuSort.scriptMs,
      layoutSortMs: cpuSort.layoutMs,
      longestFirstMs: longestFirst,
      longestSortMs: longestSort,
      domNodes,
      heapBytes: after.total - blank.total,
      jsHeapBytes: after.js - blank.js,
      ...extra,
    };
  });
}

/** The calls list over 100,000 calls: the first screen (requests, time), then 19 × "Next page", and the heap after screens 1 and 20. */
async function sampleCalls() {
  const endpoint = `/api/scenarios/bulk-calls=${CALLS}/`;
  const timeout = 60_000;
  return withPage('calls', async (page, cdp) => {
    const blank = await heap(cdp);
    const name0 = await page.evaluate(([url, month]) => window.bench.callAt(url, month, 0), [endpoint, BULK_MONTH]);
    await heap(cdp);
    const m0 = await metrics(cdp);
    const first = await page.evaluate(
      ([url, month, name, t]) => window.bench.callsFirstScreen(String(url), String(month), String(name), Number(t)),
      [endpoint, BULK_MONTH, name0, timeout],
    );
    await page.evaluate(() => window.bench.settle());
    const m1 = await metrics(cdp);
    const requests = await page.evaluate((t) => window.bench.callsRequests(t), first.t0);
    const longestFirst = await page.evaluate((t) => window.bench.longestTask(t), first.t0);
    const heapFirst = (await heap(cdp)).total;
    const limit = requests[0]?.limit ?? 50;
    /** @type {number[]} */
    const nextMs = [];
    let nextRequests = 0;
    for (let screen = 2; screen <= CALL_SCREENS; screen++) {
      const name = await page.evaluate(([url, month, offset]) => window.bench.callAt(String(url), String(month), Number(offset)), [endpoint, BULK_MONTH, (screen - 1) * limit]);
      const next = await page.evaluate(([n, t]) => window.bench.callsNextPage(String(n), Number(t)), [name, timeout]);
      nextMs.push(next.ms);
      await page.evaluate(() => window.bench.settle());
      nextRequests += (await page.evaluate((t) => window.bench.callsRequests(t), next.t0)).length;
    }
    const heapScreen20 = (await heap(cdp)).total;
    return {
      firstScreenMs: first.ms,
      cpuFirstMs: cpu(m0, m1).taskMs,
      longestFirstMs: longestFirst,
      firstScreenRequests: requests.length,
      firstScreenLimits: requests.map((r) => r.limit),
      nextPageMs: median(nextMs),
      nextPageRequests: nextRequests,
      heapFirstBytes: heapFirst,
      heapScreen20Bytes: heapScreen20,
      heapBlankBytes: blank.total,
      heapRatio: heapScreen20 / heapFirst,
    };
  });
}

// --- Statistics -----------------------------------------------------------------------------------

/** @param {number[]} values */
function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? /** @type {number} */ (sorted[mid]) : /** @type {number} */ (sorted[mid - 1] + /** @type {number} */ (sorted[mid])) / 2;
}

/** Medians of every numeric field over the samples without an error. @param {Record<string, unknown>[]} samples */
function medians(samples) {
  const ok = samples.filter((s) => !s.error);
  const keys = [...new Set(ok.flatMap((s) => Object.keys(s).filter((k) => typeof s[k] === 'number')))];
  return Object.fromEntries(keys.map((k) => [k, median(ok.map((s) => /** @type {number} */ (s[k])))]));
}

// --- The run --------------------------------------------------------------------------------------

const started = new Date();
const loadBefore = os.loadavg();
const rotate = (/** @type {typeof contestants} */ items, /** @type {number} */ by) =>
  items.map((_, i) => /** @type {(typeof contestants)[number]} */ (items[(i + by) % items.length]));
const fmt = (/** @type {number | undefined} */ v, digits = 0) =>
  v === undefined || !Number.isFinite(v) ? '–' : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

console.log(
  `Chromium ${chromiumVersion}; sizes ${sizes.join(', ')}; ${rounds} rounds (${roundsLarge} from ${LARGE.toLocaleString('en-US')}); ${contestants.map((c) => c.id).join(', ')}${withCalls ? '; calls list' : ''}`,
);

// One unrecorded page per contestant first: the browser's and the server's first loads are slower.
await (await fetch(`${server.url}/api/scenarios/bulk-agents=200/voice/agents`)).arrayBuffer();
for (const c of contestants) await sampleAgents(c, 200);

/** @type {(Record<string, unknown> & { contestant: string; rows: number; round: number })[]} */
const samples = [];
/** @type {(Sample & { round: number })[]} */
const callSamples = [];
const maxRounds = Math.max(...sizes.map(roundsFor));
for (let round = 0; round < maxRounds; round++) {
  for (const rows of sizes) {
    if (round >= roundsFor(rows)) continue;
    // The backend keeps only the last two bulk answers ready: build this size's before anyone's clock runs.
    await (await fetch(`${server.url}/api/scenarios/bulk-agents=${rows}/voice/agents`)).arrayBuffer();
    for (const c of rotate(contestants, round)) {
      const sample = { contestant: c.id, rows, round, ...(await sampleAgents(c, rows)) };
      samples.push(sample);
      const s = /** @type {Record<string, number | string | undefined>} */ (/** @type {unknown} */ (sample));
      console.log(
        `round ${round + 1}  ${String(rows).padStart(6)}  ${c.id.padEnd(16)}` +
          (s.error
            ? `  error: ${s.error}`
            : `  first ${fmt(/** @type {number} */ (s.firstPaintMs))} ms  sort ${fmt(/** @type {number} */ (s.sortPaintMs))} ms` +
              (s.filterPaintMs === undefined ? '' : `  filter ${fmt(/** @type {number} */ (s.filterPaintMs))} ms`) +
              `  nodes ${fmt(/** @type {number} */ (s.domNodes))}`),
      );
    }
  }
  if (withCalls && round < Math.min(rounds, roundsLarge)) {
    /** @type {Sample & { round: number }} */
    const sample = { round, ...(await sampleCalls()) };
    callSamples.push(sample);
    console.log(
      `round ${round + 1}  calls list  ${sample.error ? `error: ${sample.error}` : `first screen ${fmt(/** @type {number} */ (sample.firstScreenMs))} ms, heap ×${fmt(/** @type {number} */ (sample.heapRatio), 2)}`}`,
    );
  }
}
await browser.close();
await server.close();

// --- Results --------------------------------------------------------------------------------------

/** @type {{ rows: number; contestant: string; label: string; samples: number; errors: string[]; median: Record<string, number | undefined> }[]} */
const table = [];
for (const rows of sizes) {
  for (const c of contestants) {
    const mine = samples.filter((s) => s.rows === rows && s.contestant === c.id);
    table.push({
      rows,
      contestant: c.id,
      label: c.label,
      samples: mine.filter((s) => !s.error).length,
      errors: mine.flatMap((s) => (s.error ? [String(s.error)] : [])),
      median: medians(mine),
    });
  }
}
const callsMedian = medians(callSamples);
/** The `limit` of each sample's first-screen requests: "50, 50, 50" (one request each), "50+50" (two). */
const limitsText = () => callSamples.map((s) => (Array.isArray(s.firstScreenLimits) ? s.firstScreenLimits.join('+') : '–')).join(', ');
const row = (/** @type {number} */ rows, /** @type {string} */ id) => table.find((t) => t.rows === rows && t.contestant === id)?.median ?? {};

/** @typedef {{ target: string; verdict: 'pass' | 'fail' | 'not measured'; detail: string }} Verdict */
/** @type {Verdict[]} */
const verdicts = [];
/** @param {string} target @param {boolean | undefined} pass @param {string} detail */
const judge = (target, pass, detail) => verdicts.push({ target, verdict: pass === undefined ? 'not measured' : pass ? 'pass' : 'fail', detail });
const both = /** @type {const} */ ([
  ['ours-data', 'dataSource'],
  ['ours-endpoint', 'endpoint, fetch and JSON parse subtracted'],
]);
const ratio = (/** @type {number | undefined} */ a, /** @type {number | undefined} */ b) => (a === undefined || b === undefined || b === 0 ? undefined : a / b);
const check = (/** @type {number | undefined} */ value, /** @type {(v: number) => boolean} */ test) => (value === undefined ? undefined : test(value));

for (const [id, how] of both) {
  const first = ratio(row(200, id).firstPaintRenderMs, row(200, 'vanilla').firstPaintRenderMs);
  const sort = ratio(row(200, id).sortPaintMs, row(200, 'vanilla').sortPaintMs);
  judge(
    `200 agents, first paint ≤ 1.2× vanilla (${how})`,
    check(first, (r) => r <= 1.2),
    `${fmt(first, 2)}×`,
  );
  judge(
    `200 agents, sort-to-paint ≤ 1.2× vanilla (${how})`,
    check(sort, (r) => r <= 1.2),
    `${fmt(sort, 2)}×`,
  );
  for (const rows of [1000, 10_000]) {
    const ours = row(rows, id);
    const vaadin = row(rows, 'vaadin-grid');
    judge(
      `${rows.toLocaleString('en-US')} agents, first paint faster than Vaadin Grid (${how})`,
      ours.firstPaintRenderMs === undefined || vaadin.firstPaintRenderMs === undefined ? undefined : ours.firstPaintRenderMs < vaadin.firstPaintRenderMs,
      `${fmt(ours.firstPaintRenderMs)} ms vs ${fmt(vaadin.firstPaintRenderMs)} ms`,
    );
    judge(
      `${rows.toLocaleString('en-US')} agents, sort-to-paint faster than Vaadin Grid (${how})`,
      ours.sortPaintMs === undefined || vaadin.sortPaintMs === undefined ? undefined : ours.sortPaintMs < vaadin.sortPaintMs,
      `${fmt(ours.sortPaintMs)} ms vs ${fmt(vaadin.sortPaintMs)} ms`,
    );
  }
  const larger = [10_000, LARGE].filter((n) => row(n, id).domNodes !== undefined);
  const most = Math.max(...larger.map((n) => /** @type {number} */ (row(n, id).domNodes)));
  judge(
    `DOM nodes do not grow with the row count: 10,000 and 100,000 agents ≤ 1.1× 1,000 (${id === 'ours-data' ? 'dataSource' : 'endpoint'})`,
    larger.length ? check(ratio(most, row(1000, id).domNodes), (r) => r <= 1.1) : undefined,
    `${[1000, ...larger].map((n) => `${fmt(row(n, id).domNodes)} at ${n.toLocaleString('en-US')}`).join(', ')}`,
  );
}
for (const [id, how] of both) {
  const large = row(LARGE, id);
  judge(
    `100,000 agents: no task over 200 ms while the answer is validated and shown (${how.split(',')[0]})`,
    check(large.longestFirstMs, (v) => v <= 200),
    `longest task ${fmt(large.longestFirstMs)} ms`,
  );
  judge(
    `100,000 agents: sort-to-paint under 100 ms after first paint (${how.split(',')[0]})`,
    check(large.sortPaintMs, (v) => v < 100),
    `${fmt(large.sortPaintMs)} ms`,
  );
  judge(
    `100,000 agents: filter-to-paint under 100 ms after first paint (${how.split(',')[0]})`,
    check(large.filterPaintMs, (v) => v < 100),
    `${fmt(large.filterPaintMs)} ms`,
  );
}
const oneRequest =
  callSamples.length && callSamples.every((s) => !s.error)
    ? callSamples.every((s) => s.firstScreenRequests === 1 && /** @type {number[]} */ (s.firstScreenLimits).every((l) => l <= 500))
    : undefined;
judge(
  'Calls list (100,000 calls): first screen from one request of at most 500 rows',
  oneRequest,
  `${fmt(callsMedian.firstScreenRequests)} request(s) per sample; limit ${limitsText()}`,
);
judge(
  'Calls list: heap after 20 screens ≤ 2× heap after the first',
  check(callsMedian.heapRatio, (r) => r <= 2),
  `${fmt(callsMedian.heapRatio, 2)}×`,
);

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGB: Math.round(os.totalmem() / 2 ** 30),
  platform: `${os.platform()} ${os.release()}`,
  node: process.version,
  loadAverageBefore: loadBefore.map((l) => Number(l.toFixed(2))),
  loadAverageAfter: os.loadavg().map((l) => Number(l.toFixed(2))),
};
const results = {
  generatedBy: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  date: started.toISOString(),
  durationMinutes: Number(((Date.now() - started.getTime()) / 60_000).toFixed(1)),
  machine,
  chromium: chromiumVersion,
  options: { sizes, rounds, roundsLarge, contestants: contestants.map((c) => c.id), calls: withCalls },
  method: {
    firstPaintMs: 'from handing over the parsed answer (ours, endpoint: from setting `endpoint`) to the task after the first frame rendered with the expected first row',
    firstPaintRenderMs: 'firstPaintMs, for the endpoint variant less netMs and parseMs (the others are handed parsed data)',
    netMs: 'fetch of the same voice/agents URL to its last byte (response.text()), timed in the page after the other measurements',
    parseMs: 'JSON.parse of that body, timed in the page right after',
    elementRequestMs:
      'raw: the element’s own request, start to last byte (Resource Timing); with a streamed, chunked reader it lasts as long as the reading, so it is not what is subtracted',
    sortPaintMs:
      'from a click on the “Billable minutes this month” header button to the task after the first frame rendered sorted ascending (aria-sort, where the contestant sets it) with the expected first row',
    filterPaintMs: 'ours only: from one input event carrying the whole filter text to the frame whose first row is the expected one',
    cpu: 'DevTools Performance.getMetrics in thread time: TaskDuration (cpu*Ms: all main-thread work), LayoutDuration + RecalcStyleDuration (layout*Ms), from the action until the page is idle; ScriptDuration (script*Ms) misses script run in microtasks (lit renders there), so it is kept only as a raw figure',
    longest: 'longest long task (≥ 50 ms; 0 = none) from the action until the page is idle (PerformanceObserver longtask)',
    domNodes: 'nodes under the host, shadow roots included (elements, text, comments), after the sort',
    heapBytes:
      'heap in use after a forced GC (DevTools HeapProfiler.collectGarbage, then Runtime.getHeapUsage: V8 usedSize + embedderHeapUsedSize, i.e. JS and DOM), after the sort, less the same on the blank page before the data was fetched; jsHeapBytes: V8 alone',
    heapCalls: 'the same heap figure (JS + DOM, absolute) after screen 1 and after screen 20 of the calls list',
    sizes: 'each contestant’s bundle built by esbuild (minified, legal comments left out, Vaadin usage statistics opted out as in a production build), gzip level 9',
  },
  expected: Object.fromEntries([...expectations].map(([rows, e]) => [rows, e])),
  bundleSizes,
  medians: table,
  calls: { calls: CALLS, screens: CALL_SCREENS, median: callsMedian, samples: callSamples },
  verdicts,
  samples,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, await prettier.format(JSON.stringify(results), { ...((await prettier.resolveConfig(out)) ?? {}), filepath: out }));

// --- Markdown -------------------------------------------------------------------------------------

const kb = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (/** @type {number | undefined} */ bytes) => (bytes === undefined ? '–' : (bytes / 2 ** 20).toFixed(1));
const long = (/** @type {number | undefined} */ ms) => (ms === undefined ? '–' : ms < 50 ? '<50' : fmt(ms));
const times = (/** @type {number | undefined} */ r) => (r === undefined ? '–' : `${r.toFixed(r >= 10 ? 1 : r >= 0.1 ? 2 : 3)}×`);
const lines = [
  `Agents table, median of ${rounds} round${rounds === 1 ? '' : 's'}${sizes.includes(LARGE) ? ` (${Math.min(rounds, roundsLarge)} at ${LARGE.toLocaleString('en-US')})` : ''}; ${machine.cores} cores, Chromium ${chromiumVersion.split('.')[0]}, headless. First paint of “ours, endpoint”: fetch and JSON parse subtracted, shown in brackets.`,
  '',
  '| Agents | Contestant | First paint ms | × vanilla | Sort → paint ms | × vanilla | Filter → paint ms | CPU ms first / sort | Longest task ms first / sort | DOM nodes | Heap MB |',
  '| -----: | ---------- | -------------: | --------: | --------------: | --------: | ----------------: | ------------------: | ---------------------------: | --------: | ------: |',
];
for (const t of table) {
  const m = t.median;
  const base = row(t.rows, 'vanilla');
  const firstText =
    t.samples === 0
      ? `– (${t.errors[0]?.slice(0, 60) ?? 'not run'})`
      : m.netMs === undefined
        ? fmt(m.firstPaintRenderMs)
        : `${fmt(m.firstPaintRenderMs)} (+${fmt((m.netMs ?? 0) + (m.parseMs ?? 0))})`;
  lines.push(
    `| ${t.rows.toLocaleString('en-US')} | ${t.label} | ${firstText} | ${times(ratio(m.firstPaintRenderMs, base.firstPaintRenderMs))} | ${fmt(m.sortPaintMs)} | ${times(ratio(m.sortPaintMs, base.sortPaintMs))} | ${fmt(m.filterPaintMs)} | ${fmt(m.cpuFirstMs)} / ${fmt(m.cpuSortMs)} | ${long(m.longestFirstMs)} / ${long(m.longestSortMs)} | ${fmt(m.domNodes)} | ${mb(m.heapBytes)} |`,
  );
}
lines.push('', '| Bundle (esbuild, minified) | min+gzip |', '| -------------------------- | -------: |');
const BUNDLE_LABELS = /** @type {Record<string, string>} */ ({
  vanilla: 'vanilla DOM (the table code)',
  'vaadin-grid': 'Vaadin Grid 25 + sort column (lit included)',
  'lit-virtualizer': 'lit + @lit-labs/virtualizer (the table code, lit included)',
  ours: '`<ai-voice-usage>` alone (lit included)',
  calls: '`<ai-usage-calls>` alone (lit included)',
  'ai-usage-elements.bundle': '`dist/ai-usage-elements.bundle.js` (every element, lit included)',
});
for (const [name, size] of Object.entries(bundleSizes)) lines.push(`| ${BUNDLE_LABELS[name] ?? name} | ${kb(size.gzip)} |`);
if (withCalls) {
  lines.push(
    '',
    `Calls list over ${CALLS.toLocaleString('en-US')} calls (median of ${callSamples.length}): first screen ${fmt(callsMedian.firstScreenMs)} ms from ${fmt(callsMedian.firstScreenRequests)} request(s) per sample (limit ${limitsText()}), next page ${fmt(callsMedian.nextPageMs)} ms; heap ${mb(callsMedian.heapFirstBytes)} MB after screen 1, ${mb(callsMedian.heapScreen20Bytes)} MB after screen ${CALL_SCREENS} (${fmt(callsMedian.heapRatio, 2)}×).`,
  );
}
const measured = verdicts.filter((v) => v.verdict !== 'not measured');
lines.push('', '| Target | Verdict | Measured |', '| ------ | ------- | -------- |');
for (const v of measured) lines.push(`| ${v.target} | ${v.verdict} | ${v.detail} |`);
if (measured.length < verdicts.length)
  lines.push('', `${verdicts.length - measured.length} of ${verdicts.length} targets need sizes this run left out (see "verdicts" in ${out}).`);
const markdown = await prettier.format(lines.join('\n'), { parser: 'markdown', printWidth: 180 });
console.log(`\n${markdown}`);
const failed = [...samples, ...callSamples].filter((s) => s.error);
if (failed.length) console.log(`${failed.length} sample(s) failed; see "error" in ${out}.`);
console.log(`Results: ${out} (${results.durationMinutes} min)`);
