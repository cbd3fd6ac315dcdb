/**
 * Catalogues other than English are separate modules, loaded by the first element that needs one:
 * an English page downloads none. (Its own test file: each file runs in a fresh page, where no
 * catalogue has been loaded yet, so each test below catches one on its way.)
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createMemoryDataSource, type UsageDataSource } from '../../src/data.js';
import { createDemoData } from '../../src/demo-data.js';
import '../../src/voice-usage.js';
import type { AiVoiceUsage } from '../../src/voice-usage.js';
import { shadow, text } from './helpers.js';

const demo = createDemoData({ seed: 3, voiceAgents: 4, month: '2026-11', callMonths: [], now: new Date('2026-11-20T12:00:00Z') });
const catalogues = () =>
  performance
    .getEntriesByType('resource')
    .filter((entry) => /\/i18n\/locales\/|\/locales\/bundle-/.test(entry.name))
    .map((entry) => entry.name);
/** A few microtasks: enough for an update to be scheduled, too few for any download to finish. */
const microtasks = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};
const headers = (el: Element) => [...shadow(el).querySelectorAll('thead th')].map((th) => text(th.querySelector('.label') ?? th)).join(' | ');

describe('catalogues load on demand', () => {
  it('an English page loads none; switching to Swedish loads only Swedish, and what is read meanwhile does not stick in English', async () => {
    const source = createMemoryDataSource(demo);
    const wrapper = await fixture<HTMLElement>(html`<div lang="en-GB"><ai-voice-usage .dataSource=${source}></ai-voice-usage></div>`);
    const el = wrapper.querySelector<AiVoiceUsage>('ai-voice-usage')!;
    await waitUntil(() => el.status === 'ready');
    expect(catalogues()).to.deep.equal([]);
    expect(headers(el)).to.contain('Billable minutes');

    wrapper.lang = 'sv-SE';
    await microtasks();
    // While the catalogue is on its way, the element still speaks English, and says so; a host
    // reading its rows meanwhile (which builds the columns) must not leave English columns behind.
    expect(el.effectiveLocale).to.equal('en-GB');
    expect(el.visibleRows.length).to.equal(4);
    await waitUntil(() => el.effectiveLocale === 'sv-SE', 'never switched to Swedish');
    await el.updateComplete;
    expect(headers(el)).to.contain('Debiterbara minuter');
    expect(headers(el)).not.to.match(/Billable|Calls|Entity/);
    expect(catalogues()[0]).to.match(/sv/);
  });

  it('an element taken out of the page while its catalogue loads does not load data until it is put back', async () => {
    let requests = 0;
    const inner = createMemoryDataSource(demo);
    const source: UsageDataSource = { ...inner, getVoiceAgents: (params) => (requests++, inner.getVoiceAgents(params)) };
    const wrapper = await fixture<HTMLElement>(html`<div lang="de-DE"></div>`);
    const el = document.createElement('ai-voice-usage') as AiVoiceUsage;
    el.dataSource = source;
    wrapper.append(el);
    await microtasks();
    el.remove();
    await waitUntil(() => catalogues().some((c) => /de/.test(c)), 'the German catalogue was never requested');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests).to.equal(0);
    expect(shadow(el).childElementCount).to.equal(0);
    wrapper.append(el);
    await waitUntil(() => el.status === 'ready', `status is ${el.status}`);
    expect(requests).to.equal(1);
    expect(headers(el)).to.contain('Abrechenbare Minuten');
  });

  it('a Swedish element never shows English on its way to its first screen', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="sv-FI"></div>`);
    const el = document.createElement('ai-voice-usage') as AiVoiceUsage;
    el.dataSource = createMemoryDataSource(demo);
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(text(shadow(el) as unknown as Element)));
    wrapper.append(el);
    observer.observe(shadow(el), { subtree: true, childList: true, characterData: true });
    await waitUntil(() => el.status === 'ready');
    observer.disconnect();
    expect(seen.length).to.be.greaterThan(0);
    expect(seen.join(' ')).not.to.match(/\bLoading\b|\bagents\b|\bBillable\b/);
  });
});
