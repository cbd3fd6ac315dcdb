/**
 * Catalogues other than English are separate modules, loaded by the first element that needs one:
 * an English page downloads none. (Its own test file: each file runs in a fresh page.)
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createMemoryDataSource } from '../../src/data.js';
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

describe('catalogues load on demand', () => {
  it('an English page loads no catalogue; a Swedish element loads only Swedish, and waits for it instead of flashing English', async () => {
    const source = createMemoryDataSource(demo);
    const en = await fixture<AiVoiceUsage>(html`<div lang="en-GB"><ai-voice-usage .dataSource=${source}></ai-voice-usage></div>`);
    const english = en.querySelector('ai-voice-usage')!;
    await waitUntil(() => english.status === 'ready');
    expect(catalogues()).to.deep.equal([]);

    const sv = await fixture<HTMLElement>(html`<div lang="sv-SE"><ai-voice-usage .dataSource=${source}></ai-voice-usage></div>`);
    const swedish = sv.querySelector('ai-voice-usage')!;
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(text(shadow(swedish) as unknown as Element)));
    observer.observe(shadow(swedish), { subtree: true, childList: true, characterData: true });
    await waitUntil(() => swedish.status === 'ready');
    observer.disconnect();
    expect(catalogues().length).to.equal(1);
    expect(catalogues()[0]).to.match(/sv/);
    // Never an English "Retry"/"Loading" on the way: the first paint is Swedish.
    expect(seen.join(' ')).not.to.match(/\bLoading\b|\bagents\b/);
  });
});
