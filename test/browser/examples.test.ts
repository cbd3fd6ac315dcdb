/**
 * The framework examples as a user meets them: each built page (examples/<name>/dist/, built by
 * `node scripts/examples.js`; examples/html loads the library's bundle and needs no build) opened in
 * an iframe against the demo backend. Every usage table shows rows, a click on a column header
 * reaches the host's own `ai-sort-change` handler (it writes the sort into `<output id="last-sort">`),
 * nothing is written to the console or thrown, and axe finds no violation on the page.
 *
 * The page's HTML is fetched and loaded as the frame's `srcdoc`, its relative URLs resolved in its
 * folder as when it is served, with, before any of its own scripts, a recorder of console errors and
 * warnings, errors and rejections, and the repo's axe-core.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { bodyRows, headerButton, shadow, text } from './helpers.js';

interface AxeResults {
  violations: { id: string; help: string; nodes: { target: unknown }[] }[];
}

type ExampleWindow = Window & { examplePage?: { problems: string[] }; axe?: { run: (context: Document, options: object) => Promise<AxeResults> } };

const EXAMPLES: { name: string; page: string; tables: number }[] = [
  { name: 'react', page: '/examples/react/dist/index.html', tables: 3 },
  { name: 'vue', page: '/examples/vue/dist/index.html', tables: 2 },
  { name: 'svelte', page: '/examples/svelte/dist/index.html', tables: 2 },
  { name: 'html', page: '/examples/html/index.html', tables: 2 },
];

/** The tables an example may show, each with the column its test sorts by. */
const SORT_KEY: Record<string, string> = { 'ai-voice-usage': 'name', 'ai-messaging-usage': 'name', 'ai-usage-history': 'month' };
const TABLES = Object.keys(SORT_KEY).join(', ');

const RECORDER = `(() => {
  const problems = (window.examplePage = { problems: [] }).problems;
  for (const level of ['error', 'warn']) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      problems.push('console.' + level + ': ' + args.map(String).join(' '));
      original(...args);
    };
  }
  addEventListener('error', (e) => problems.push(e.error ? 'error: ' + (e.error.stack || e.error) : 'failed to load ' + (e.target.src || e.target.href || e.message)), true);
  addEventListener('unhandledrejection', (e) => problems.push('unhandled rejection: ' + ((e.reason && e.reason.stack) || e.reason)));
})();`;

const frames: HTMLIFrameElement[] = [];

afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** Opens an example's page in a frame, recorder and axe first; resolves once it has loaded. */
async function openExample(page: string): Promise<{ win: ExampleWindow; doc: Document }> {
  const response = await fetch(page);
  expect(response.ok, `${page} answers ${response.status}: build the examples first (node scripts/examples.js)`).to.be.true;
  const html = await response.text();
  const head = /<head[^>]*>/i.exec(html);
  expect(head, `${page} has a <head>`).to.exist;
  const folder = page.slice(0, page.lastIndexOf('/') + 1);
  const inject = `<base href="${folder}"><script>${RECORDER}</script><script src="/node_modules/axe-core/axe.min.js"></script>`;
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1280px; height: 900px; border: 0';
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  // The preload scanner of a srcdoc document does not follow <base>: the page's own relative URLs
  // (`./assets/…`, as Vite writes them with `base: './'`) are made absolute in its folder too.
  const absolute = (markup: string) => markup.replace(/\b(src|href)="\.\//g, `$1="${folder}`);
  const end = head!.index + head![0].length;
  frame.srcdoc = absolute(html.slice(0, end)) + inject + absolute(html.slice(end));
  document.body.append(frame);
  await loaded;
  return { win: frame.contentWindow as ExampleWindow, doc: frame.contentDocument! };
}

const problems = (win: ExampleWindow) => win.examplePage?.problems ?? ['the recorder did not run'];

describe('framework examples (examples/*, built)', () => {
  for (const { name, page, tables } of EXAMPLES) {
    it(`${name}: every table shows rows, a header click reaches the host's handler, no console error, axe passes`, async () => {
      const { win, doc } = await openExample(page);
      await waitUntil(
        () => doc.querySelectorAll(TABLES).length === tables,
        `${name}: ${tables} tables expected, ${doc.querySelectorAll(TABLES).length} on the page; ${problems(win).join('\n')}`,
        {
          timeout: 5000,
        },
      );
      const elements = [...doc.querySelectorAll(TABLES)];
      for (const el of elements) {
        await waitUntil(() => bodyRows(el).length > 0, `${name}: <${el.localName}> shows no rows (status ${el.getAttribute('status')}); ${problems(win).join('\n')}`, {
          timeout: 5000,
        });
        expect(el.getAttribute('status'), `${name}: <${el.localName}> status`).to.equal('ready');
        expect(text(shadow(el) as unknown as Element), `${name}: <${el.localName}> text`).not.to.match(/\bNaN\b|\bundefined\b|\bnull\b|\[object Object\]|No data source/);
      }

      const output = doc.getElementById('last-sort');
      expect(output, `${name}: <output id="last-sort">`).to.exist;
      for (const el of elements) {
        const before = text(output);
        const key = SORT_KEY[el.localName]!;
        headerButton(el, key).click();
        await waitUntil(() => text(output) !== before, `${name}: the host's ai-sort-change handler did not run for <${el.localName}> (output still "${before}")`, {
          timeout: 3000,
        });
        expect(text(output), `${name}: what the host wrote`).to.match(new RegExp(`: ${key} (asc|desc)$`));
      }

      expect(problems(win), `${name}: console errors, warnings, errors and rejections`).to.deep.equal([]);
      const { violations } = await win.axe!.run(doc, { resultTypes: ['violations'] });
      expect(
        violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`),
        `${name}: axe on the page`,
      ).to.deep.equal([]);
    });
  }
});
