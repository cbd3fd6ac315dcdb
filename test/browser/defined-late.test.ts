/*
 * Elements defined after their tags are in the page, as with a framework that renders before the
 * define module has loaded, or a server's HTML that the bundle arrives over. This page loads the
 * elements only inside the tests, and no hydrate support.
 */
import { expect, waitUntil } from '@open-wc/testing';

const warnings: string[] = [];
const originalWarn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  // The one-time notice that Lit's development build is in use.
  if (!/Lit is in dev mode/.test(text)) warnings.push(text);
  originalWarn(...args);
};

const placed: Element[] = [];
afterEach(() => {
  for (const el of placed.splice(0)) el.remove();
  const seen = warnings.splice(0);
  expect(seen, `warnings: ${seen.join('\n')}`).to.deep.equal([]);
});

function place<E extends Element>(el: E): E {
  document.body.append(el);
  placed.push(el);
  return el;
}

type UsageTag = HTMLElement & { status: string; updateComplete: Promise<boolean> };

/** What React 19 and Vue 3 do with an object property on a tag that is not defined yet. */
function asAFrameworkSetsIt(tag: string): HTMLElement {
  const el = document.createElement(tag);
  el.setAttribute('dataSource', String({ getVoiceAgents() {} }));
  return el;
}

describe('an element defined after it is in the page', () => {
  it('warns once per page when a framework left datasource="[object Object]", and shows "No data source"', async () => {
    const plain = place(document.createElement('ai-messaging-usage'));
    const first = place(asAFrameworkSetsIt('ai-voice-usage'));
    const second = place(asAFrameworkSetsIt('ai-messaging-usage'));
    expect(first.getAttribute('datasource')).to.equal('[object Object]');
    expect(customElements.get('ai-voice-usage')).to.equal(undefined);

    await import('../../src/index.js');
    for (const el of [plain, first, second] as UsageTag[]) await el.updateComplete;

    expect(warnings).to.have.length(1);
    const [warning] = warnings.splice(0);
    expect(warning).to.contain('<ai-voice-usage> has the attribute datasource="[object Object]"');
    expect(warning).to.contain('its data source was set before the element was defined');
    expect(warning).to.contain('import the define module before first render');
    expect(warning).to.contain("import 'ai-usage-elements/voice-usage.js'");
    expect(warning).to.contain('set dataSource as a property');
    for (const el of [first, second] as UsageTag[]) {
      expect(el.status).to.equal('unconfigured');
      expect(el.shadowRoot!.querySelector('[part~="unconfigured-state"] .state-title')!.textContent).to.equal('No data source.');
    }
    await expect(first).to.be.accessible();

    // Later ones do not repeat it.
    const third = place(asAFrameworkSetsIt('ai-usage-history')) as UsageTag;
    await third.updateComplete;
    expect(warnings).to.deep.equal([]);
  });

  it('draws its UI once over the server’s HTML when the page has no hydrate support', async () => {
    await import('../../src/index.js');
    const response = await fetch('/ssr', { method: 'POST', body: '<ai-voice-usage endpoint="/api/ai-usage/"></ai-voice-usage>' });
    expect(response.ok, await response.clone().text()).to.equal(true);
    const box = document.createElement('div');
    box.setHTMLUnsafe(await response.text());
    const el = box.querySelector('ai-voice-usage') as UsageTag;
    expect(el.shadowRoot!.querySelectorAll('[part~="toolbar"]')).to.have.length(1);
    place(box);
    await waitUntil(() => el.status === 'ready', 'no rows');
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('[part~="toolbar"]'), 'one toolbar').to.have.length(1);
    expect(root.querySelectorAll('table'), 'one table').to.have.length(1);
    expect(root.querySelectorAll('ai-voice-configure'), 'one Configure menu').to.have.length(1);
    expect(root.querySelectorAll('style'), 'the styles are adopted, the server’s copy gone').to.have.length(0);
    expect(el.hasAttribute('ssr-lang')).to.equal(false);
    expect(warnings).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
