/*
 * Server rendering with @lit-labs/ssr, as a host's server does it: every element imported in Node
 * and rendered with `render()`, through the library's global DOM shim (installed first).
 * What the server sends is the first paint: the loading state with the real headers, in the
 * element's language, whatever attributes it has. (Hydration in the browser:
 * test/browser/hydration.test.ts.)
 */
import '@lit-labs/ssr/lib/install-global-dom-shim.js';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LitElementRenderer, render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { scopeFor } from '../../src/i18n/localize.js';

const serverRender = (markup: string): Promise<string> => collectResult(render(html`${unsafeHTML(markup)}`));

/** The words a reader sees: no styles, comments, tags or template markers. */
const words = (out: string) =>
  out
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/\s+/g, ' ')
    .trim();

/** The start tag of the first `tag` in the output. */
const startTag = (out: string, tag: string) => out.match(new RegExp(`<${tag}\\b[^>]*>`))?.[0] ?? '';

/** The header cells' texts of the first table head in the output (its keys and labels). */
function headers(out: string): string[] {
  const head = out.match(/<thead[\s\S]*?<\/thead>/)?.[0] ?? '';
  return [...head.matchAll(/<th\b[\s\S]*?<\/th>/g)].map((m) => words(m[0]));
}

const VOICE_HEADERS = [
  'Entity',
  'AI agent',
  'Calls',
  'Billable minutes',
  'Non-billable calls (<15 s)',
  'Calls, Engaged this month',
  'Calls, Handled since activation',
  'Billable minutes, This month',
  'Billable minutes, Since activation',
  'Non-billable calls (<15 s), This month',
  'Non-billable calls (<15 s), Since activation',
];
const MESSAGING_HEADERS = ['Entity', 'AI agent', 'License', 'Engagement', 'Price (credits)', 'Engaged cases'];
const CALLS_HEADERS = ['Time', 'Length', 'AI agent', 'Taken by', 'Billable'];

/** Each element, and what its first paint shows (besides the loading state). */
const ELEMENTS: Record<string, (out: string) => void> = {
  'ai-voice-usage': (out) => {
    assert.deepEqual(headers(out), VOICE_HEADERS);
    assert.match(words(out), /^Export CSV Configure AI Voice Trial… Pricing plans… Usage this month… Loading AI voice agents…/);
  },
  'ai-messaging-usage': (out) => {
    assert.deepEqual(headers(out), MESSAGING_HEADERS);
    assert.match(words(out), /Loading AI messaging agents…/);
  },
  'ai-usage-history': (out) => assert.match(words(out), /Period .* Agent All agents.* Monthly usage Loading the monthly history…/),
  'ai-usage-calls': (out) => {
    assert.deepEqual(headers(out), CALLS_HEADERS);
    assert.match(words(out), /^Calls Month .* Loading calls…/);
  },
  'ai-licenses-usage': (out) => {
    assert.match(words(out), /^AI Voice AI Messaging /);
    assert.ok(headers(out).length > 0, 'the table of the tab shown');
  },
  'ai-voice-configure': (out) => assert.match(words(out), /^Configure AI Voice Trial… Pricing plans… Usage this month…$/),
  'ai-usage-provider': (out) => assert.match(out, /<slot><\/slot>/),
};

/** Attributes a host may give, valid and not. */
const ATTRIBUTES = [
  '',
  'endpoint="/api/ai-usage/"',
  'endpoint="/api/ai-usage/" time-zone="America/New_York" request-timeout="5000"',
  'sort="billableMinutesThisMonth:desc" filter="support line" trial-warning-days="3"',
  'period="last-6" from="2025-01" to="2025-06" agent-id="va-1" month="2025-03" metric="callsEngaged" view="table" calls-sort="durationSeconds:asc" page-size="500"',
  'month="2026-02" page-size="25" sort="agentName:asc" active-tab="messaging"',
  'sort="nonsense" filter="" period="forever" from="2025-13" to="x" month="2026-99" metric="?" view="3d" page-size="-4" request-timeout="soon" time-zone="Mars/Olympus" locale="not a locale!" active-tab="none"',
  'datasource="[object Object]" dataSource="[object Object]"',
];

/** Where a host puts an element. */
const PLACES: Record<string, (tag: string, attributes: string) => string> = {
  alone: (tag, attributes) => `<${tag} ${attributes}></${tag}>`,
  'under lang="de"': (tag, attributes) => `<section lang="de"><${tag} ${attributes}></${tag}></section>`,
  'in a provider with an endpoint': (tag, attributes) => `<ai-usage-provider endpoint="/api/ai-usage/"><${tag} ${attributes}></${tag}></ai-usage-provider>`,
  'in a provider given its source in the browser': (tag, attributes) => `<ai-usage-provider><${tag} ${attributes}></${tag}></ai-usage-provider>`,
};

const DATA_ELEMENTS = ['ai-voice-usage', 'ai-messaging-usage', 'ai-usage-history', 'ai-usage-calls', 'ai-licenses-usage'];

before(async () => {
  // After the shim is in: it loads asynchronously (top-level await), so a static import of the
  // elements beside it would define them in the registry it then replaces.
  await import('../../src/index.js');
  // A server that has been up for a moment: the catalogues, which start loading on import, are in.
  await Promise.all([scopeFor('sv'), scopeFor('de')]);
});

describe('server rendering (@lit-labs/ssr)', () => {
  for (const [tag, expectFirstPaint] of Object.entries(ELEMENTS)) {
    it(`renders <${tag}> whatever attributes it has and wherever it is, as its loading state in English`, async () => {
      for (const [place, markup] of Object.entries(PLACES)) {
        for (const attributes of ATTRIBUTES) {
          const label = `<${tag} ${attributes}> ${place}`;
          const out = await serverRender(markup(tag, attributes)).catch((error: unknown) => assert.fail(`${label} threw: ${String(error)}`));
          const own = startTag(out, tag);
          assert.ok(out.includes(`${own}<template shadowroot="open" shadowrootmode="open">`), `${label}: a declarative shadow root`);
          if (tag !== 'ai-usage-provider') assert.match(own, /ssr-lang="en"/, label);
          if (!DATA_ELEMENTS.includes(tag)) continue;
          // Not "No data source": the source may be set in the browser (a property, a provider's).
          assert.match(own, /status="loading"/, label);
          assert.doesNotMatch(out, /No data source|unconfigured-state/, label);
          assert.match(out, /aria-busy="true"/, label);
          expectFirstPaint(out);
        }
      }
    });
  }

  it('leaves no NaN, undefined, null or [object Object] in the text', async () => {
    for (const tag of Object.keys(ELEMENTS)) {
      for (const attributes of ATTRIBUTES) assert.doesNotMatch(words(await serverRender(`<${tag} ${attributes}></${tag}>`)), /\bNaN\b|\bundefined\b|\bnull\b|\[object Object\]/);
    }
  });

  it('speaks the language of `locale`, or of the element’s own `lang`, and notes it in ssr-lang', async () => {
    const swedish = await serverRender('<ai-voice-usage locale="sv-SE" endpoint="/api/ai-usage/"></ai-voice-usage>');
    assert.match(startTag(swedish, 'ai-voice-usage'), /ssr-lang="sv"/);
    assert.deepEqual(headers(swedish).slice(0, 2), ['Entitet', 'AI-agent']);
    assert.match(words(swedish), /Exportera CSV .*Konfigurera AI-röst/);

    const german = await serverRender('<ai-messaging-usage lang="de-AT"></ai-messaging-usage>');
    assert.match(startTag(german, 'ai-messaging-usage'), /ssr-lang="de"/);
    assert.deepEqual(headers(german), ['Entität', 'KI-Agent', 'Lizenz', 'Einsatz', 'Preis (Credits)', 'Angenommene Fälle']);

    // The tabs hand their language to the tables inside them.
    const tabs = await serverRender('<ai-licenses-usage locale="sv"></ai-licenses-usage>');
    assert.match(words(tabs), /^AI-röst AI-meddelanden Exportera CSV/);
    assert.match(startTag(tabs, 'ai-voice-usage'), /locale="sv".*ssr-lang="sv".*defer-hydration/);
  });

  it('renders English under a `lang` it cannot see (a page’s), and says so for the browser to correct', async () => {
    const out = await serverRender('<div lang="sv"><ai-usage-calls month="2026-03"></ai-usage-calls></div>');
    assert.match(startTag(out, 'ai-usage-calls'), /ssr-lang="en"/);
    assert.match(words(out), /^Calls Month March 2026 Loading calls…/);
  });

  it('renders the same when the host has connectedCallback called on the server', async () => {
    const option = () => ({ connectedCallback: true });
    LitElementRenderer.renderOptions.push(option);
    after(() => void LitElementRenderer.renderOptions.splice(LitElementRenderer.renderOptions.indexOf(option), 1));
    for (const tag of Object.keys(ELEMENTS)) {
      for (const attributes of ATTRIBUTES) {
        const markup = `<ai-usage-provider><${tag} ${attributes}></${tag}></ai-usage-provider>`;
        LitElementRenderer.renderOptions.splice(LitElementRenderer.renderOptions.indexOf(option), 1);
        const plain = await serverRender(markup);
        LitElementRenderer.renderOptions.push(option);
        assert.equal(await serverRender(markup), plain, markup);
      }
    }
  });
});
