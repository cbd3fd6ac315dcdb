// Lit's hydrate support first: it must be installed before lit-element loads (the helpers and
// @open-wc/testing import lit), as a host page loads it before the elements.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { AiLicensesUsage, AiMessagingUsage, AiUsageHistory, AiVoiceUsage } from '../../src/index.js';
import { createMemoryDataSource } from '../../src/data.js';
import { createDemoData } from '../../src/demo-data.js';
import { bodyRows, settled, shadow, text } from './helpers.js';

/*
 * The server's output (test/support/ssr-middleware.ts renders it in Node with @lit-labs/ssr) put in
 * the page, then taken over by the elements with Lit's hydrate support: the nodes the server drew
 * stay (no second render, nothing drawn twice), then the data comes.
 */

/** A little latency: the first update (the takeover) is over long before the answer comes. */
const SLOW = '/api/scenarios/latency=150/';

async function serverRender(markup: string): Promise<string> {
  const response = await fetch('/ssr', { method: 'POST', body: markup });
  const body = await response.text();
  if (!response.ok) throw new Error(`server rendering failed: ${body}`);
  return body;
}

type Updating = HTMLElement & { updateComplete: Promise<boolean> };

interface Page {
  box: HTMLElement;
  /** Every change to the nodes inside the server-rendered shadow roots since the page was put in. */
  nodeChanges: () => MutationRecord[];
}

/**
 * Parses the server's HTML (declarative shadow roots included) into a box that is not in the
 * document yet, so nothing is upgraded; `observe` lists what to watch once it is put in.
 */
async function serverPage(markup: string, wrap?: (box: HTMLElement) => void): Promise<{ box: HTMLElement; put: () => Page }> {
  const box = document.createElement('div');
  box.setHTMLUnsafe(await serverRender(markup));
  wrap?.(box);
  return {
    box,
    put() {
      const observer = new MutationObserver(() => undefined);
      for (const root of shadowRoots(box)) observer.observe(root, { childList: true, subtree: true, characterData: true });
      document.body.append(box);
      boxes.push(box);
      return { box, nodeChanges: () => observer.takeRecords() };
    },
  };
}

/** Every shadow root in `root`, at any depth. */
const shadowRoots = (root: ParentNode): ShadowRoot[] => [...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el.shadowRoot, ...shadowRoots(el.shadowRoot)] : []));

const boxes: HTMLElement[] = [];

/** Waits until every Lit element in the box (and in their shadow roots) has finished updating. */
async function updated(root: ParentNode): Promise<void> {
  for (const el of root.querySelectorAll<Updating>('*')) {
    if (!el.localName.startsWith('ai-')) continue;
    await el.updateComplete;
    if (el.shadowRoot) await updated(el.shadowRoot);
  }
}

const errors: string[] = [];
const originalError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  errors.push(args.map(String).join(' '));
  originalError(...args);
};

afterEach(() => {
  for (const box of boxes.splice(0)) box.remove();
  const seen = errors.splice(0);
  expect(seen, `console errors: ${seen.join('\n')}`).to.deep.equal([]);
});

const header = (el: Element, key: string) => shadow(el).querySelector<HTMLTableCellElement>(`thead th[data-key="${key}"]`);

describe('server rendering, then hydration', () => {
  it('takes over the server’s table header without drawing it again, then shows the rows', async () => {
    const server = await serverPage(`<ai-voice-usage endpoint="${SLOW}"></ai-voice-usage>`);
    const el = server.box.querySelector('ai-voice-usage')!;
    // What the server drew: the loading state with the real headers, nothing defined yet.
    expect(el.getAttribute('status')).to.equal('loading');
    const agentHeader = header(el, 'name');
    expect(text(agentHeader)).to.equal('AI agent');
    const filter = shadow(el).querySelector('[part~="filter"]');

    const page = server.put();
    await updated(page.box);
    expect((el as AiVoiceUsage).status).to.equal('loading');
    expect(header(el, 'name'), 'the header cell the server drew').to.equal(agentHeader);
    expect(shadow(el).querySelector('[part~="filter"]')).to.equal(filter);
    expect(page.nodeChanges(), 'nodes added or removed while taking over').to.deep.equal([]);
    expect(el.hasAttribute('ssr-lang')).to.equal(false);

    await settled(el);
    expect(bodyRows(el).length).to.be.greaterThan(0);
    expect(shadow(el).querySelectorAll('[part~="toolbar"]'), 'one toolbar').to.have.length(1);
    expect(shadow(el).querySelectorAll('table'), 'one table').to.have.length(1);
    expect(shadow(el).querySelectorAll('ai-voice-configure'), 'one Configure menu').to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('takes over a Swedish render in Swedish', async () => {
    const server = await serverPage(`<ai-messaging-usage endpoint="${SLOW}" locale="sv"></ai-messaging-usage>`);
    const el = server.box.querySelector('ai-messaging-usage')!;
    const licenseHeader = header(el, 'license');
    expect(text(licenseHeader)).to.equal('Licens');
    const page = server.put();
    await updated(page.box);
    expect(header(el, 'license')).to.equal(licenseHeader);
    expect(page.nodeChanges()).to.deep.equal([]);
    await settled(el);
    expect(text(shadow(el).querySelector('[part~="export-button"]'))).to.equal('Exportera CSV');
    await expect(el).to.be.accessible();
  });

  it('takes over elements inside a provider, the history, and the tabs with the tables inside them', async () => {
    const server = await serverPage(
      `<ai-usage-provider endpoint="${SLOW}"><ai-messaging-usage></ai-messaging-usage><ai-usage-history></ai-usage-history></ai-usage-provider>
       <ai-licenses-usage endpoint="${SLOW}"></ai-licenses-usage>`,
    );
    const messaging = server.box.querySelector<AiMessagingUsage>('ai-messaging-usage')!;
    const history = server.box.querySelector<AiUsageHistory>('ai-usage-history')!;
    const licenses = server.box.querySelector<AiLicensesUsage>('ai-licenses-usage')!;
    // Inside a provider the server cannot know the source: the loading state, not "No data source".
    expect(messaging.getAttribute('status')).to.equal('loading');
    expect(shadow(messaging).querySelector('[part~="unconfigured-state"]')).to.equal(null);
    const messagingHeader = header(messaging, 'engagedCases');
    const historyHeading = shadow(history).querySelector('#history-heading');
    const tabs = [...shadow(licenses).querySelectorAll('[role="tab"]')];
    const inner = shadow(licenses).querySelector('ai-voice-usage')!;
    const innerHeader = header(inner, 'name');
    expect(inner.hasAttribute('defer-hydration')).to.equal(true);

    const page = server.put();
    await updated(page.box);
    expect(header(messaging, 'engagedCases')).to.equal(messagingHeader);
    expect(shadow(history).querySelector('#history-heading')).to.equal(historyHeading);
    expect([...shadow(licenses).querySelectorAll('[role="tab"]')]).to.deep.equal(tabs);
    expect(shadow(licenses).querySelector('ai-voice-usage')).to.equal(inner);
    expect(header(inner, 'name')).to.equal(innerHeader);
    expect(inner.hasAttribute('defer-hydration')).to.equal(false);
    expect(page.nodeChanges()).to.deep.equal([]);

    await settled(messaging);
    await settled(inner);
    await waitUntil(() => history.status === 'ready', 'the history did not load');
    await waitUntil(() => licenses.status === 'ready', 'the tabs did not follow their table');
    expect(shadow(licenses).querySelectorAll('ai-voice-usage')).to.have.length(1);
    for (const el of [messaging, history, licenses]) await expect(el).to.be.accessible();
  });

  it('takes over an element whose data source the page sets as a property before it is defined', async () => {
    const server = await serverPage(`<ai-voice-usage></ai-voice-usage>`);
    const el = server.box.querySelector('ai-voice-usage')!;
    const agentHeader = header(el, 'name');
    const demo = createDemoData({ seed: 5, voiceAgents: 4, month: '2026-11', now: new Date('2026-11-20T12:00:00Z') });
    (el as AiVoiceUsage).dataSource = createMemoryDataSource(demo, { delay: 50 });
    const page = server.put();
    await updated(page.box);
    expect(header(el, 'name')).to.equal(agentHeader);
    expect(page.nodeChanges()).to.deep.equal([]);
    await settled(el);
    expect(bodyRows(el)).to.have.length(4);
  });

  it('renders afresh, once, what the browser shows otherwise: the page’s language, a provider with no source', async () => {
    const server = await serverPage(`<ai-voice-usage endpoint="${SLOW}"></ai-voice-usage><ai-usage-provider><ai-messaging-usage></ai-messaging-usage></ai-usage-provider>`, (box) =>
      box.setAttribute('lang', 'sv'),
    );
    const voice = server.box.querySelector<AiVoiceUsage>('ai-voice-usage')!;
    const messaging = server.box.querySelector<AiMessagingUsage>('ai-messaging-usage')!;
    // The server does not see the page's `lang`: English, and it says so.
    expect(voice.getAttribute('ssr-lang')).to.equal('en');
    const englishHeader = header(voice, 'name');
    expect(text(englishHeader)).to.equal('AI agent');

    const page = server.put();
    await updated(page.box);
    expect(header(voice, 'name')).not.to.equal(englishHeader);
    expect(text(header(voice, 'name'))).to.equal('AI-agent');
    expect(messaging.status).to.equal('unconfigured');
    expect(shadow(messaging).querySelectorAll('[part~="unconfigured-state"]')).to.have.length(1);
    for (const el of [voice, messaging]) {
      expect(shadow(el).querySelectorAll('[part~="toolbar"]'), `${el.localName}: one toolbar`).to.have.length(1);
      expect(shadow(el).querySelectorAll('style'), `${el.localName}: its styles kept`).to.have.length(1);
    }
    await settled(voice);
    expect(shadow(voice).querySelectorAll('table')).to.have.length(1);
    expect(getComputedStyle(shadow(voice).querySelector('[part~="toolbar"]')!).display).to.equal('flex');
    for (const el of [voice, messaging]) await expect(el).to.be.accessible();
  });
});
