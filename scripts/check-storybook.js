// Loads every story and docs page of the built Storybook (storybook-static/) in headless Chromium and
// fails on any page error, console error or failed request, or a page that does not show what it
// should: a loading story (its id says `loading`) its skeleton, a slow one (`slow`) its skeleton and
// then its data, every other story real content (data, a chart or a state panel) in every data
// element, not a skeleton (a story of a widget with no data element, e.g. <ai-voice-configure>: that
// widget, the same way). Proves the stories work in Storybook's own runtime, not only as test
// fixtures. Waits on conditions, never for a fixed time, and says what was on screen when it fails.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from './chrome-path.js';
import { startStaticServer } from './static-server.js';

const root = 'storybook-static';
/** How long one page may take to show what it should (a loaded 2-core machine is slow). */
const PAGE_TIMEOUT_MS = 30_000;
/** The elements that load and show data; nested ones (in shadow roots) count too. */
const DATA_TAGS = ['ai-voice-usage', 'ai-messaging-usage', 'ai-usage-history', 'ai-usage-calls'];
/** Elements that only hold others (their insides are checked instead). */
const CONTAINER_TAGS = ['ai-licenses-usage', 'ai-usage-provider'];

if (!existsSync(join(root, 'index.json'))) {
  console.error('Build Storybook first (npm run test:storybook does): storybook-static/index.json is missing.');
  process.exit(1);
}

/** @typedef {'content' | 'loading' | 'slow' | 'docs'} Expectation */

/**
 * What a page must show. Stories are named by their export (`Loading`, `SlowBackend`): the id ends
 * in `--loading`, `--slow-backend`.
 * @param {{ id: string; type: string }} entry
 * @returns {Expectation}
 */
function expectationFor(entry) {
  if (entry.type === 'docs') return 'docs';
  const words = (entry.id.split('--')[1] ?? '').split('-');
  if (words.includes('loading')) return 'loading';
  if (words.includes('slow')) return 'slow';
  return 'content';
}

/** @type {Record<Expectation, string>} */
const EXPECTED = {
  content: 'every data element showing real content (rows, a chart or a state panel), none loading',
  loading: 'every data element showing its loading skeleton',
  slow: 'the loading skeleton first, then real content in every data element',
  docs: 'every data element rendered (content or skeleton), at least one with real content',
};

/**
 * Runs in the page before any of its scripts (an init script): `window.__aiProbe` tells what the
 * data elements show, and records, frame by frame, every state the page has been in, so a skeleton
 * that shows for a moment is not missed. A story of another element (a widget such as
 * `<ai-voice-configure>`, no data element on the page) is checked the same way on that element.
 * @param {{ tags: string[]; containers: string[] }} options
 */
function installProbe({ tags, containers }) {
  const LOADING = '[aria-busy="true"], table.skeleton, .chart-skeleton';
  const ROWS = 'table:not(.skeleton) > tbody:not([aria-hidden="true"]) > tr[part~="row"]';
  const CONTENT = `[part~="state"], [part~="permission-notice"], [part~="chart"], ${ROWS}`;
  const text = (/** @type {Node | null} */ node) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

  /**
   * THE "rendered" predicate: what one element shows. `loading` (a skeleton or a busy region
   * anywhere in it), `content` (nothing loading, and rows, a chart, a state panel or notice; for a
   * widget, any of its parts), `blank` (nothing of that), or `undefined-element` (never upgraded).
   * A data element counts only when its reflected `status` agrees: loading ⇔ status=loading,
   * content ⇔ ready|empty|error|unconfigured.
   * @param {Element} el
   * @returns {'loading' | 'content' | 'blank' | 'undefined-element'}
   */
  const shows = (el) => {
    const shadow = el.shadowRoot;
    if (!shadow) return 'undefined-element';
    const screen = shadow.querySelector(LOADING) ? 'loading' : shadow.querySelector(tags.includes(el.localName) ? CONTENT : '[part]') ? 'content' : 'blank';
    if (!tags.includes(el.localName)) return screen;
    // A data element's reflected `status` and its screen must agree.
    const status = el.getAttribute('status');
    if (status === 'loading') return screen === 'loading' ? 'loading' : 'blank';
    return status && screen === 'content' ? 'content' : 'blank';
  };

  /** Every ai-* element in the page, in light DOM and nested shadow roots. @returns {Element[]} */
  const aiElements = () => {
    /** @type {Element[]} */
    const found = [];
    /** @param {Document | ShadowRoot} scope */
    const walk = (scope) => {
      for (const el of scope.querySelectorAll('*')) {
        if (el.localName.startsWith('ai-')) found.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return found;
  };

  /** The elements checked: the data elements; on a page with none, the other (non-container) ai-* elements. */
  const dataElements = () => {
    const all = aiElements();
    const data = all.filter((el) => tags.includes(el.localName));
    return data.length ? data : all.filter((el) => !containers.includes(el.localName));
  };

  /** The page as a whole: `none` (nothing to check), `content`, `loading`, or `mixed`. */
  const pageState = () => {
    const states = dataElements().map(shows);
    if (states.length === 0) return { state: 'none', states };
    if (states.every((s) => s === 'content')) return { state: 'content', states };
    if (states.every((s) => s === 'loading')) return { state: 'loading', states };
    return { state: 'mixed', states };
  };

  /** What an element shows, in words, for a failure message. @param {Element} el */
  const describe = (el) => {
    const shadow = el.shadowRoot;
    const status = el.getAttribute('status');
    const name = `<${el.localName}${status ? ` status="${status}"` : ''}>`;
    if (!shadow) return `${name} not upgraded (no shadow root: is the element defined?)`;
    const bits = [];
    const rows = shadow.querySelectorAll(ROWS).length;
    if (rows) bits.push(`${rows} data row${rows === 1 ? '' : 's'}`);
    if (shadow.querySelector('[part~="chart"]')) bits.push('a chart');
    for (const panel of shadow.querySelectorAll('[part~="state"], [part~="permission-notice"]')) bits.push(`“${text(panel).slice(0, 90)}”`);
    const skeletons = shadow.querySelectorAll('table.skeleton, .chart-skeleton').length;
    if (skeletons) bits.push(`${skeletons} skeleton${skeletons === 1 ? '' : 's'}`);
    const busy = shadow.querySelectorAll('[aria-busy="true"]').length;
    if (busy) bits.push(`${busy} busy region${busy === 1 ? '' : 's'}`);
    if (!bits.length) bits.push(`text “${text(shadow).slice(0, 120)}”`);
    return `${name} ${shows(el)}: ${bits.join(', ')}`;
  };

  /** What is on screen, in words. */
  const report = () => {
    const elements = dataElements();
    if (elements.length) return elements.map(describe).join('; ');
    const error = document.querySelector('.sb-errordisplay, #error-message');
    const errorText = error && getComputedStyle(error).display !== 'none' ? text(error) : '';
    const others = [...new Set(aiElements().map((el) => el.localName))];
    return [
      'no element to check',
      others.length ? `only ${others.join(', ')}` : 'no ai-* element at all',
      errorText ? `Storybook error: “${errorText.slice(0, 300)}”` : `page text: “${text(document.body).slice(0, 200)}”`,
    ].join('; ');
  };

  /** @type {string[]} Each page state seen, in order (repeats collapsed). */
  const seen = [];
  const record = () => {
    const { state } = pageState();
    if (seen.at(-1) !== state) seen.push(state);
    return state;
  };
  const loop = () => {
    // Recorded until real content shows: nothing after it matters to any expectation.
    if (document.readyState !== 'loading' && record() === 'content') return;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);

  /** @param {string} expectation */
  const met = (expectation) => {
    const { state, states } = pageState();
    if (seen.at(-1) !== state) seen.push(state);
    switch (expectation) {
      case 'content':
        return state === 'content';
      case 'loading':
        return state === 'loading';
      case 'slow':
        return seen.includes('loading') && state === 'content';
      default:
        return states.length > 0 && states.every((s) => s === 'content' || s === 'loading') && states.includes('content');
    }
  };

  Object.defineProperty(window, '__aiProbe', { value: { met, report, seen }, configurable: true });
}

const entries = /** @type {{ id: string; type: string }[]} */ (Object.values(JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')).entries));
const server = await startStaticServer({ root });
const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS.filter((a) => a !== '--headless=new') });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.setDefaultTimeout(PAGE_TIMEOUT_MS);
await page.addInitScript(installProbe, { tags: DATA_TAGS, containers: CONTAINER_TAGS });

/** @type {string[]} */
const problems = [];
let current = '';
page.on('pageerror', (e) => problems.push(`${current}: ${e.message}`));
page.on('console', (m) => m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && problems.push(`${current}: console: ${m.text()}`));
page.on('response', (r) => r.status() >= 400 && problems.push(`${current}: HTTP ${r.status()} ${r.url()}`));

/** @type {Record<Expectation, number>} */
const counts = { content: 0, loading: 0, slow: 0, docs: 0 };
let checked = 0;
try {
  for (const entry of entries) {
    const expectation = expectationFor(entry);
    for (const theme of entry.type === 'story' ? ['light', 'dark'] : ['light']) {
      current = `${entry.id} (${entry.type}, ${theme})`;
      const started = Date.now();
      try {
        await page.goto(`${server.url}/iframe.html?id=${entry.id}&viewMode=${entry.type === 'docs' ? 'docs' : 'story'}&globals=theme:${theme}`);
        await page.waitForFunction((e) => /** @type {any} */ (window).__aiProbe.met(e), expectation, { timeout: PAGE_TIMEOUT_MS, polling: 'raf' });
        counts[expectation]++;
      } catch (error) {
        const timedOut = error instanceof Error && error.name === 'TimeoutError';
        /** @type {{ report: string; seen: string[] } | undefined} */
        const shown = await page
          .evaluate(() => {
            const probe = /** @type {any} */ (window).__aiProbe;
            return probe ? { report: String(probe.report()), seen: [...probe.seen] } : undefined;
          })
          .catch(() => undefined);
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        const why = timedOut ? `after ${seconds} s` : `failed after ${seconds} s (${error instanceof Error ? error.message.split('\n')[0] : error})`;
        problems.push(
          `${current}: expected ${EXPECTED[expectation]}; ${why} the page showed: ${shown?.report ?? '(could not read the page)'}` +
            (shown ? ` [page states seen: ${shown.seen.join(' → ') || 'none'}]` : ''),
        );
      }
      checked++;
    }
  }
} finally {
  await browser.close();
  await server.close();
}
if (problems.length) {
  console.error(`Storybook check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(
  `Storybook: ${checked} story and docs pages rendered without errors ` +
    `(${counts.content} with real content, ${counts.loading} loading skeletons, ${counts.slow} slow: skeleton then content, ${counts.docs} docs pages).`,
);
