/**
 * Hosts without a build step: pages with no bundler and no import map, which load the package's
 * files as they are. Each file is served byte for byte as `npm run build` wrote it in dist/ (read from
 * disk and served through the fixtures route, which the dev server does not rewrite: its module
 * resolver would otherwise turn a bare `import 'lit'` into a path and hide it). This page itself has
 * no import map either.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';
import { createDemoData as expectedDemoData } from '../../src/model/demo-dataset.js';
import type { VoiceAgentsResponse } from '../../src/model/types.js';
import { bodyRows, shadow, text, uniqueTag } from './helpers.js';

/** dist/, from this file (where `readFile` reads). */
const DIST = '../../dist/';

type DataModule = typeof import('../../src/data.js');
type DemoDataModule = typeof import('../../src/demo-data.js');

interface PageReport {
  problems: string[];
}

type HostWindow = Window & {
  hostReport?: PageReport;
  axe?: { run: (context: Element, options: object) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> };
};

/** Serves `text` at `url` (a fixture) with a media type. */
async function serve(url: string, body: string, type: string): Promise<void> {
  const response = await fetch(`${url}?type=${encodeURIComponent(type)}`, { method: 'PUT', body });
  expect(response.status, `PUT ${url}`).to.equal(204);
}

/**
 * Serves dist files as they are, under a fresh base URL, each with every module it imports
 * (statically or on demand), and returns that base URL.
 */
async function serveDist(entries: string[]): Promise<string> {
  const base = `/api/fixtures/${uniqueTag('no-build')}/`;
  const queue = [...entries];
  const done = new Set<string>();
  while (queue.length) {
    const file = queue.shift()!;
    if (done.has(file)) continue;
    done.add(file);
    // The runner reports a missing file as an unknown command: say what it is.
    const code = await readFile({ path: `${DIST}${file}` }).catch(() => undefined);
    expect(code, `dist/${file} is missing (run npm run build)`).to.be.a('string');
    for (const [, specifier] of code!.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      queue.push(new URL(specifier!, `https://dist.invalid/${file}`).pathname.slice(1));
    }
    await serve(`${base}${file}`, code!, 'text/javascript; charset=utf-8');
  }
  return base;
}

const frames: HTMLIFrameElement[] = [];

afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** Opens `url` in an iframe; resolves once it has loaded. */
async function openPage(url: string): Promise<{ win: HostWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.title = 'a host page without a build';
  frame.width = '1280';
  frame.height = '900';
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  return { win: frame.contentWindow as HostWindow, doc: frame.contentDocument! };
}

/** axe-core in the page itself (the test runner's axe cannot check another window's document). */
async function expectAccessibleIn(win: HostWindow, doc: Document, el: Element): Promise<void> {
  const script = doc.createElement('script');
  const loaded = new Promise((resolve, reject) => {
    script.addEventListener('load', resolve, { once: true });
    script.addEventListener('error', reject, { once: true });
  });
  script.src = '/node_modules/axe-core/axe.min.js';
  doc.head.append(script);
  await loaded;
  const { violations } = await win.axe!.run(el, { resultTypes: ['violations'] });
  expect(
    violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`),
    'axe',
  ).to.deep.equal([]);
}

describe('hosts without a build: no bundler, no import map', () => {
  it('serves files as they are, so a module that imports a package fails here as it would on such a page', async () => {
    expect(document.querySelector('script[type="importmap"]'), 'this page has no import map').to.equal(null);
    const base = `/api/fixtures/${uniqueTag('bare')}/`;
    await serve(`${base}bare.js`, "import '@lit/context';\nexport const loaded = true;\n", 'text/javascript');
    let error: unknown;
    try {
      await import(/* @vite-ignore */ `${base}bare.js`);
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.match(/@lit\/context/);
  });

  it('uses dist/data.js and dist/demo-data.js: the REST source against the demo backend, the memory source over the demo data', async () => {
    expect(document.querySelector('script[type="importmap"]'), 'this page has no import map').to.equal(null);
    const base = await serveDist(['data.js', 'demo-data.js']);
    const data = (await import(/* @vite-ignore */ `${base}data.js`)) as DataModule;
    const { createDemoData } = (await import(/* @vite-ignore */ `${base}demo-data.js`)) as DemoDataModule;

    // The REST source against the demo backend, and what the elements make of its answer.
    const rest = data.createRestDataSource({ baseUrl: '/api/ai-usage/' });
    const fromRest = await rest.getVoiceAgents({});
    const view = await data.validateVoiceAgents(fromRest);
    expect(view.problems.map((p) => p.message)).to.deep.equal([]);
    expect(view.rows).to.have.length(14);
    let failure: unknown;
    try {
      await data.createRestDataSource({ baseUrl: '/api/scenarios/status=503/' }).getVoicePlan({});
    } catch (e) {
      failure = e;
    }
    expect(failure).to.be.instanceOf(data.UsageDataError);
    expect((failure as InstanceType<DataModule['UsageDataError']>).status).to.equal(503);
    expect((failure as Error).message).to.equal('The server answered voice/plan with HTTP 503.');

    // The memory source over the demo backend's own dataset (demo/api.ts: seed 7, 14 + 9 agents) answers the same agents.
    const memory = data.createMemoryDataSource(createDemoData({ seed: 7, voiceAgents: 14, messagingAgents: 9, timeZone: 'Europe/Stockholm' }));
    const fromMemory: VoiceAgentsResponse = await memory.getVoiceAgents({});
    expect(fromMemory.agents.map((a) => [a.id, a.name])).to.deep.equal(fromRest.agents.map((a) => [a.id, a.name]));
    const messaging = await memory.getMessagingAgents({});
    expect((await data.validateMessagingAgents(messaging)).rows).to.have.length(9);
    const plan = await memory.activateVoiceTrial({});
    expect(plan.trial.status).to.equal('active');
  });

  it('shows a table from a memory source with demo data on a page that loads only dist/ai-usage-elements.bundle.js', async () => {
    const base = await serveDist(['ai-usage-elements.bundle.js']);
    // A classic script first records what goes wrong; then the host's own module, importing the bundle beside the page.
    const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>AI usage without a build</title>
    <script>
      window.hostReport = { problems: [] };
      addEventListener('error', (e) => hostReport.problems.push('error: ' + (e.error && e.error.stack || e.message)));
      addEventListener('unhandledrejection', (e) => hostReport.problems.push('unhandled rejection: ' + (e.reason && e.reason.stack || e.reason)));
      const error = console.error.bind(console);
      console.error = (...args) => { hostReport.problems.push('console.error: ' + args.join(' ')); error(...args); };
    </script>
    <script type="module">
      import { createMemoryDataSource, createDemoData } from './ai-usage-elements.bundle.js';
      document.querySelector('ai-voice-usage').dataSource = createMemoryDataSource(createDemoData({ seed: 3, voiceAgents: 5 }));
    </script>
  </head>
  <body>
    <main>
      <h1>AI usage</h1>
      <ai-voice-usage></ai-voice-usage>
    </main>
  </body>
</html>
`;
    await serve(`${base}index.html`, page, 'text/html; charset=utf-8');
    const { win, doc } = await openPage(`${base}index.html`);
    expect(doc.querySelector('script[type="importmap"]')).to.equal(null);
    const el = doc.querySelector('ai-voice-usage')!;
    await waitUntil(
      () => el.getAttribute('status') === 'ready' && bodyRows(el).length === 5,
      `the table did not show the demo data: status ${el.getAttribute('status')}, ${JSON.stringify(win.hostReport)}`,
      { timeout: 8000 },
    );
    const names = expectedDemoData({ seed: 3, voiceAgents: 5 }).voiceAgents!.agents.map((a) => a.name);
    const shown = text(shadow(el).querySelector('tbody'));
    for (const name of names) expect(shown, name).to.contain(name);
    expect(win.hostReport!.problems).to.deep.equal([]);
    await expectAccessibleIn(win, doc, el);
  });
});
