/**
 * The zero-JavaScript drop-in: a page that loads only the built bundle and writes one tag with an
 * endpoint. Runs against dist/ (built by `npm test` before the browser tests).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { bodyRows, settled } from './helpers.js';

const BUNDLE = '/dist/ai-usage-elements.bundle.js';

/** The elements the package promises, from one place: the first column of the README's element table. */
async function documentedTags(): Promise<string[]> {
  const lines = (await (await fetch('/README.md')).text()).split('\n');
  const header = lines.findIndex((line) => /^\|\s*element\s*\|/.test(line));
  expect(header, 'the README has its element table ("| element | status | shows |")').to.be.greaterThan(-1);
  const rows = lines.slice(header + 2);
  const end = rows.findIndex((line) => !line.startsWith('|'));
  const table = end === -1 ? rows : rows.slice(0, end);
  return table.map((row) => /^\|\s*`<(ai-[a-z0-9-]+)>`/.exec(row)?.[1]).filter((tag): tag is string => !!tag);
}

describe('dist/ai-usage-elements.bundle.js', () => {
  it('defines every element, and loading it twice is harmless', async () => {
    const tags = await documentedTags();
    expect(tags, 'elements in the README table').not.to.be.empty;
    await import(/* @vite-ignore */ `${BUNDLE}?first`);
    await import(/* @vite-ignore */ `${BUNDLE}?second`);
    for (const tag of tags) expect(customElements.get(tag), tag).to.exist;
  });

  it('works with one tag and an endpoint', async () => {
    await import(/* @vite-ignore */ `${BUNDLE}?first`);
    const expected = (await (await fetch('/api/ai-usage/voice/agents')).json()).agents.length;
    const el = await fixture(html`<ai-voice-usage endpoint="/api/ai-usage/"></ai-voice-usage>`);
    await settled(el);
    expect(bodyRows(el)).to.have.length(expected);
    await expect(el).to.be.accessible();
  });

  it('shows the whole section by endpoint alone', async () => {
    await import(/* @vite-ignore */ `${BUNDLE}?first`);
    const el = await fixture(html`<ai-licenses-usage endpoint="/api/ai-usage/" active-tab="messaging"></ai-licenses-usage>`);
    const messaging = el.shadowRoot!.querySelector('ai-messaging-usage')!;
    await settled(messaging);
    expect(bodyRows(messaging).length).to.be.greaterThan(0);
  });
});
