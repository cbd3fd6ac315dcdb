/**
 * Keyboard focus never falls to `<body>` when the element re-renders under it: Retry (either
 * outcome), a reload under a focused sort header, typing in the filter box while the rows reload,
 * and the calls pager reaching its first or last page. Real keys, the demo backend over HTTP.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AiMessagingUsage, AiUsageCalls, AiVoiceUsage } from '../../src/index.js';
import { accessibleName, bodyRows, byPart, byRole, headerButton, headerCell, settled, shadow, text, uniqueTag } from './helpers.js';

const wait = { timeout: 8000 };
const statusIs = (el: Element, status: string) => waitUntil(() => el.getAttribute('status') === status, `status never became ${status} (is ${el.getAttribute('status')})`, wait);

/** A short description of a node, for assertion messages (DOM nodes themselves make unreadable diffs). */
const where = (node: Element | null | undefined) =>
  node ? `<${node.localName}${node.getAttribute('part') ? ` part="${node.getAttribute('part')}"` : ''}> “${accessibleName(node).slice(0, 40)}”` : 'nothing';

/** What has keyboard focus inside the element; first asserts that the page's focus is the element, not `<body>`. */
function focused(el: Element): Element | null {
  expect(where(document.activeElement), 'focus fell out of the element').to.equal(where(el));
  return shadow(el).activeElement;
}

/** Asserts that keyboard focus is on `target`, inside `el`. */
function expectFocus(el: Element, target: Element | null | undefined): void {
  const now = focused(el);
  expect(where(now)).to.equal(where(target));
  expect(now === target, `focus is on ${where(now)}, another node than the expected one`).to.equal(true);
}

/** Data rows as shown (placeholder rows are not data). */
const dataRows = (el: Element) => shadow(el).querySelectorAll('tbody tr[part~="row"]');

describe('<ai-voice-usage>', () => {
  it('keeps focus on Retry while it retries, and after it fails again', async () => {
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage endpoint="/api/scenarios/status=500,latency=400,tag=${uniqueTag('retry')}/"></ai-voice-usage>`);
    await statusIs(el, 'error');
    byRole(byPart(el, 'error-state')!, 'button', 'Retry')!.focus();
    await sendKeys({ press: 'Enter' });
    await statusIs(el, 'loading');
    await el.updateComplete;
    const retry = focused(el) as HTMLElement;
    expect(accessibleName(retry)).to.equal('Retry');
    expect(retry.getAttribute('aria-disabled'), 'Retry is inert while it retries').to.equal('true');
    expect(text(byPart(el, 'state'))).to.contain('Loading AI voice agents…');
    await expect(el).to.be.accessible();

    await statusIs(el, 'error');
    await el.updateComplete;
    expectFocus(el, retry);
    expect(retry.hasAttribute('aria-disabled')).to.equal(false);
    expect(text(byPart(el, 'error-state'))).to.contain('HTTP 500');
    await expect(el).to.be.accessible();
  });

  it('keeps a focused sort header in place while the data reloads, without the old rows', async () => {
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage endpoint="/api/scenarios/latency=300/" locale="en-US"></ai-voice-usage>`);
    await settled(el);
    headerButton(el, 'callsEngagedThisMonth').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const button = focused(el);
    expect(headerCell(el, 'callsEngagedThisMonth').getAttribute('aria-sort')).to.equal('ascending');

    void el.reload();
    await statusIs(el, 'loading');
    await el.updateComplete;
    expectFocus(el, button);
    expect(dataRows(el).length, 'no old rows while loading').to.equal(0);
    expect(shadow(el).querySelector('[aria-busy="true"] tr.loading'), 'placeholder rows').to.exist;
    expect(text(byPart(el, 'summary'))).to.equal('');
    await expect(el).to.be.accessible();

    await statusIs(el, 'ready');
    await el.updateComplete;
    expectFocus(el, button);
    expect(dataRows(el).length).to.be.greaterThan(0);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(headerCell(el, 'callsEngagedThisMonth').getAttribute('aria-sort')).to.equal('descending');

    // Another data source: the same.
    el.endpoint = '/api/scenarios/latency=300,agents=3/';
    await statusIs(el, 'loading');
    await el.updateComplete;
    expectFocus(el, button);
    expect(dataRows(el).length).to.equal(0);
    await statusIs(el, 'ready');
    await el.updateComplete;
    expectFocus(el, button);
    expect(bodyRows(el).length).to.equal(3);
  });
});

describe('<ai-messaging-usage>', () => {
  it('moves focus to the table when Retry brings the rows', async () => {
    const id = uniqueTag('retry-ok');
    const good = await (await fetch('/api/ai-usage/messaging/agents')).text();
    await fetch(`/api/fixtures/${id}/messaging/agents?status=500`, { method: 'PUT', body: JSON.stringify({ error: 'down' }) });
    const el = await fixture<AiMessagingUsage>(html`<ai-messaging-usage endpoint="/api/fixtures/${id}/"></ai-messaging-usage>`);
    await statusIs(el, 'error');
    await fetch(`/api/fixtures/${id}/messaging/agents`, { method: 'PUT', body: good });
    byRole(byPart(el, 'error-state')!, 'button', 'Retry')!.focus();
    await sendKeys({ press: 'Enter' });
    await statusIs(el, 'ready');
    await el.updateComplete;
    const target = focused(el)!;
    expect(target.getAttribute('role')).to.equal('region');
    expect(accessibleName(target)).to.equal('AI messaging agents');
    expect(target.querySelector('table')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('keeps the filter box usable while the rows reload, and filters the new rows by what was typed', async () => {
    const el = await fixture<AiMessagingUsage>(html`<ai-messaging-usage endpoint="/api/scenarios/latency=300/"></ai-messaging-usage>`);
    await settled(el);
    const word = text(bodyRows(el)[0]!.querySelector('[part~="row-header"] [title]')).split(/\s+/)[0]!;
    const input = byRole<HTMLInputElement>(el, 'searchbox', 'Filter by agent or entity')!;
    input.focus();
    void el.reload();
    await statusIs(el, 'loading');
    await el.updateComplete;
    expect(input.disabled, 'the filter box is disabled while the rows reload').to.equal(false);
    await sendKeys({ type: word });
    expect(el.getAttribute('status'), 'typed while loading').to.equal('loading');
    expectFocus(el, input);
    expect(input.value).to.equal(word);
    await expect(el).to.be.accessible();

    await statusIs(el, 'ready');
    await el.updateComplete;
    expectFocus(el, input);
    expect(el.filter).to.equal(word);
    expect(bodyRows(el).length).to.be.greaterThan(0);
    for (const row of bodyRows(el)) expect(text(row).toLowerCase()).to.contain(word.toLowerCase());
  });
});

describe('<ai-usage-calls>', () => {
  const pageButton = (el: Element, name: string) => byRole<HTMLButtonElement>(el, 'button', name)!;
  const range = (el: Element) => text(shadow(el).querySelector('.range'));

  it('moves focus to the nearest paging button when the focused one is disabled at the first or last page', async () => {
    const el = await fixture<AiUsageCalls>(html`<ai-usage-calls endpoint="/api/scenarios/tag=${uniqueTag('pager')}/" page-size="25" locale="en-US"></ai-usage-calls>`);
    await statusIs(el, 'ready');
    const total = Number(
      range(el)
        .match(/of ([\d,]+) calls/)![1]!
        .replace(/,/g, ''),
    );
    expect(total, 'enough calls for three pages').to.be.greaterThan(75);
    const lastFirst = (Math.floor((total - 1) / 25) * 25 + 1).toLocaleString('en-US');

    pageButton(el, 'Last page').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expectFocus(el, pageButton(el, 'Previous page'));
    await waitUntil(() => range(el).startsWith(`${lastFirst}–`), 'last page never shown', wait);
    expectFocus(el, pageButton(el, 'Previous page'));
    await expect(el).to.be.accessible();

    // Back one page (Previous stays enabled and focused), then Next to the last page again.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !range(el).startsWith(`${lastFirst}–`) && range(el) !== '', 'previous page never shown', wait);
    expectFocus(el, pageButton(el, 'Previous page'));
    await sendKeys({ press: 'Tab' });
    expectFocus(el, pageButton(el, 'Next page'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expectFocus(el, pageButton(el, 'Previous page'));
    await waitUntil(() => range(el).startsWith(`${lastFirst}–`), 'last page never shown again', wait);

    pageButton(el, 'First page').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expectFocus(el, pageButton(el, 'Next page'));
    await waitUntil(() => range(el).startsWith('1–25'), 'first page never shown', wait);
    expectFocus(el, pageButton(el, 'Next page'));
    await expect(el).to.be.accessible();
  });

  it('keeps focus on Retry while it retries, and after it fails again', async () => {
    const el = await fixture<AiUsageCalls>(html`<ai-usage-calls endpoint="/api/scenarios/status=500,latency=400/"></ai-usage-calls>`);
    await statusIs(el, 'error');
    byRole(byPart(el, 'error-state')!, 'button', 'Retry')!.focus();
    await sendKeys({ press: 'Enter' });
    await statusIs(el, 'loading');
    await el.updateComplete;
    const retry = focused(el)!;
    expect(accessibleName(retry)).to.equal('Retry');
    await expect(el).to.be.accessible();
    await statusIs(el, 'error');
    await el.updateComplete;
    expectFocus(el, retry);
    await expect(el).to.be.accessible();
  });
});

describe('<ai-usage-history>', () => {
  it('keeps focus on the monthly history’s Retry while it retries, and after it fails again', async () => {
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
      html`<ai-usage-history endpoint="/api/scenarios/status=500,latency=300,tag=${uniqueTag('history-retry')}/"></ai-usage-history>`,
    );
    await statusIs(el, 'error');
    const retry = byRole(byPart(el, 'error-state')!, 'button', 'Retry')!;
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await statusIs(el, 'loading');
    await el.updateComplete;
    expectFocus(el, retry);
    expect(retry.getAttribute('aria-disabled'), 'Retry is inert while it retries').to.equal('true');
    await expect(el).to.be.accessible();

    await statusIs(el, 'error');
    await el.updateComplete;
    expectFocus(el, retry);
    expect(retry.hasAttribute('aria-disabled')).to.equal(false);
  });
});
