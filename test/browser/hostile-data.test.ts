/**
 * Hostile data over real HTTP (the canned-answer server): values that used to break the screen.
 * Each element reads exactly the body a test PUTs to `/api/fixtures/<id>/<operation>`.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/voice-usage.js';
import '../../src/messaging-usage.js';
import '../../src/usage-history.js';
import '../../src/usage-calls.js';
import type { AiVoiceUsage } from '../../src/voice-usage.js';
import type { AiMessagingUsage } from '../../src/messaging-usage.js';
import type { AiUsageHistory } from '../../src/usage-history.js';
import type { AiUsageCalls } from '../../src/usage-calls.js';
import { bodyRows, expectCleanText, rowTexts, shadow, text, uniqueTag } from './helpers.js';

const LONG = 'x'.repeat(10_000);
const ZERO_WIDTH = '\u200b\u200c\u200d\u2060\ufeff';

/** PUTs each operation's answer under a fresh fixture id; returns the endpoint to point an element at. */
async function backend(answers: Record<string, unknown>): Promise<string> {
  const id = uniqueTag('hostile');
  for (const [operation, answer] of Object.entries(answers)) {
    const response = await fetch(`/api/fixtures/${id}/${operation}`, { method: 'PUT', body: JSON.stringify(answer) });
    expect(response.status).to.equal(204);
  }
  return `/api/fixtures/${id}/`;
}

const status = (el: Element, ...wanted: string[]) =>
  waitUntil(() => wanted.includes(el.getAttribute('status') ?? ''), `status stayed ${el.getAttribute('status')}, wanted ${wanted.join('|')}`, { timeout: 8000 });

/** The table's scroller stays within about its own width: figures are not pushed off screen. */
function expectWithinWidth(root: ShadowRoot | Element, selector = '.scroller') {
  const scroller = root.querySelector<HTMLElement>(selector);
  expect(scroller, `no ${selector}`).to.exist;
  expect(scroller!.clientWidth).to.be.greaterThan(0);
  expect(scroller!.scrollWidth, `${selector} is ${scroller!.scrollWidth}px wide inside ${scroller!.clientWidth}px`).to.be.at.most(2 * scroller!.clientWidth);
}

const voiceAgent = (over: Record<string, unknown> = {}) => ({
  id: 'va-1',
  name: 'Astrid',
  active: true,
  entity: { id: 'e1', name: 'Support line', type: 'response-group' },
  activatedAt: '2026-01-05T09:00:00Z',
  callsEngagedThisMonth: 12,
  callsHandledSinceActivation: 40,
  billableMinutesThisMonth: 30,
  billableMinutesSinceActivation: 90,
  nonBillableCallsThisMonth: 1,
  nonBillableCallsSinceActivation: 2,
  ...over,
});

const messagingAgent = (over: Record<string, unknown> = {}) => ({
  id: 'ma-1',
  name: 'Bea',
  entity: { id: 'c1', name: 'Web chat', type: 'web-chat' },
  license: { type: 'unlimited' },
  engagement: { newCasesPercentWhenOpen: 40, handlesWhenClosed: true },
  priceCredits: 3,
  engagedCases: 10,
  ...over,
});

const plan = (over: Record<string, unknown> = {}) => ({
  trial: { status: 'unavailable' },
  currentPlanId: 'p1',
  plans: [{ id: 'p1', name: 'Standard', currency: 'EUR', pricePerMinute: 0.05, includedMinutes: 1000 }],
  ...over,
});

const agentsAnswer = (month: string, agents: unknown[] = [voiceAgent()]) => ({ month, timeZone: 'Europe/Stockholm', agents });
const month = (m: string, billableMinutes: number, callsEngaged = 10, nonBillableCalls = 1) => ({ month: m, billableMinutes, callsEngaged, nonBillableCalls });

describe('<ai-voice-usage> with hostile data', () => {
  it('shows entity types named like Object members by their own name, and "0" for -0', async () => {
    const endpoint = await backend({
      'voice/agents': agentsAnswer('2026-11', [
        voiceAgent({ id: 'a', name: 'Ada', entity: { id: 'e1', name: 'One', type: 'constructor' }, billableMinutesThisMonth: -0, callsEngagedThisMonth: -0 }),
        voiceAgent({ id: 'b', name: 'Bo', entity: { id: 'e2', name: 'Two', type: '__proto__' } }),
        voiceAgent({ id: 'c', name: 'Cy', entity: { id: 'e3', name: 'Three', type: 'toString' } }),
        voiceAgent({ id: 'd', name: 'Di', entity: { id: 'e4', name: 'Four', type: 'hasOwnProperty' } }),
        voiceAgent({ id: 'e', name: 'Ed', entity: { id: 'e5', name: 'Five', type: 'valueOf' } }),
      ]),
      'voice/plan': plan(),
    });
    const el = await fixture<AiVoiceUsage>(html`<div style="width: 1000px"><ai-voice-usage endpoint=${endpoint} locale="en-US"></ai-voice-usage></div>`).then(
      (div) => div.querySelector('ai-voice-usage') as AiVoiceUsage,
    );
    await status(el, 'ready');
    const rows = rowTexts(el);
    expect(rows.map((r) => r[0])).to.deep.equal(['One Constructor', 'Two __proto__', 'Three ToString', 'Four HasOwnProperty', 'Five ValueOf']);
    const all = text(shadow(el) as unknown as Element);
    expect(all).not.to.match(/function|native code|\[object/);
    expect(all).not.to.match(/-0\b/);
    expect(rows[0]).to.include('0');
    expectCleanText(el);
    await expect(el).to.be.accessible();
  });

  it('keeps the table within its container when an entity type is 10,000 characters, and names an agent made of zero-width characters "unnamed"', async () => {
    const endpoint = await backend({
      'voice/agents': agentsAnswer('2026-11', [
        voiceAgent({ id: 'a', entity: { id: 'e1', name: 'Line', type: LONG } }),
        voiceAgent({ id: 'b', name: ZERO_WIDTH, entity: { id: 'e2', name: ZERO_WIDTH, type: 'response-group' } }),
      ]),
      'voice/plan': plan(),
    });
    const div = await fixture<HTMLDivElement>(html`<div style="width: 900px"><ai-voice-usage endpoint=${endpoint} locale="en-US"></ai-voice-usage></div>`);
    const el = div.querySelector('ai-voice-usage') as AiVoiceUsage;
    await status(el, 'ready');
    expectWithinWidth(shadow(el));
    // The last figure of the first row is on screen, within the scroller.
    const scroller = shadow(el).querySelector<HTMLElement>('.scroller')!;
    const lastCell = bodyRows(el)[0]!.cells[bodyRows(el)[0]!.cells.length - 1]!;
    expect(lastCell.getBoundingClientRect().right).to.be.at.most(scroller.getBoundingClientRect().right + 1);
    const second = rowTexts(el)[1]!;
    expect(second[0]).to.match(/^unnamed /);
    expect(second[1]).to.match(/unnamed/);
    // "unnamed" is set apart from real names: muted like the secondary lines, not the name's colour.
    const unnamed = bodyRows(el)[1]!.querySelector<HTMLElement>('[part~="row-header"] .unnamed')!;
    const name = bodyRows(el)[0]!.querySelector<HTMLElement>('[part~="row-header"] [title]')!;
    // The entity type under the entity's name.
    const secondary = bodyRows(el)[0]!.cells[0]!.querySelector<HTMLElement>('.secondary')!;
    expect(getComputedStyle(unnamed).color).to.equal(getComputedStyle(secondary).color);
    expect(getComputedStyle(unnamed).color).not.to.equal(getComputedStyle(name).color);
    await expect(el).to.be.accessible();
  });
});

describe('<ai-messaging-usage> with hostile data', () => {
  it('shows "0" and "0%" for -0, and keeps a 10,000-character license type within the table', async () => {
    const endpoint = await backend({
      'messaging/agents': {
        agents: [
          messagingAgent({ priceCredits: -0, engagedCases: -0, engagement: { newCasesPercentWhenOpen: -0, handlesWhenClosed: false } }),
          messagingAgent({ id: 'ma-2', name: 'Cleo', license: { type: LONG } }),
          messagingAgent({ id: 'ma-3', name: 'Dag', entity: { id: 'c3', name: 'Chat', type: 'constructor' } }),
        ],
      },
    });
    const div = await fixture<HTMLDivElement>(html`<div style="width: 900px"><ai-messaging-usage endpoint=${endpoint} locale="en-US"></ai-messaging-usage></div>`);
    const el = div.querySelector('ai-messaging-usage') as AiMessagingUsage;
    await status(el, 'ready');
    const all = text(shadow(el) as unknown as Element);
    expect(all).not.to.match(/-0\b|-0%|function|native code|\[object/);
    expect(rowTexts(el)[0]!.join(' | ')).to.match(/\b0% of new cases/);
    expect(rowTexts(el)[2]![0]).to.equal('Chat Constructor');
    expectWithinWidth(shadow(el));
    expectCleanText(el);
    await expect(el).to.be.accessible();
  });
});

describe('<ai-usage-history> with hostile data', () => {
  it('reports rows it cannot place in a month with their figures, marks the totals incomplete and shows "not available" where the only row was unusable', async () => {
    const endpoint = await backend({
      'voice/agents': agentsAnswer('2026-06'),
      'voice/history': {
        months: [month('2026-01', 100), month('2026-02 ', 9000), month('2026-13', 700), month('2026-01', 50), month('2025-06', 30), month('2026-03', 20)],
      },
      'voice/calls': { total: 0, items: [] },
    });
    const el = await fixture<AiUsageHistory>(html`<ai-usage-history endpoint=${endpoint} locale="en-US" from="2026-01" to="2026-06" view="table"></ai-usage-history>`);
    await status(el, 'ready');
    const notice = shadow(el).querySelector('[part="notice"]')!;
    const details = text(notice.querySelector('details'));
    expect(details).to.match(/Row 2 is not shown: .*2026-02.*9000 billable minutes/);
    expect(details).to.match(/Row 3 is not shown: .*700 billable minutes/);
    expect(details).to.match(/Row 4 is not shown: month 2026-01 appears more than once.*50 billable minutes/);
    expect(details).to.match(/Row 5 is not shown: month 2025-06 is outside the period.*30 billable minutes/);
    const rows = [...shadow(el).querySelectorAll<HTMLTableRowElement>('.history tbody tr')].map((tr) => [...tr.cells].map((c) => text(c)));
    const february = rows.find((r) => r[0]!.includes('February 2026'))!;
    expect(february[0]).to.match(/incomplete/);
    expect(february[2]).to.equal('—not available');
    const january = rows.find((r) => r[0]!.includes('January 2026'))!;
    expect(january[2]).to.equal('100');
    const april = rows.find((r) => r[0]!.includes('April 2026'))!;
    expect(april[2]).to.equal('0');
    const totals = text(shadow(el).querySelector('.history tfoot'));
    expect(totals).to.match(/incomplete, leaves out 1 invalid value and 4 rows not placed in a month \(see the notice\): 120/);
    expectCleanText(el);
    await expect(el).to.be.accessible();
  });

  it('says "0" for -0 in the chart summary, and draws billable minutes for an invalid metric', async () => {
    const endpoint = await backend({
      'voice/agents': agentsAnswer('2026-06'),
      'voice/history': { months: [month('2026-05', -0, -0, -0), month('2026-06', -0, -0, -0)] },
      'voice/calls': { total: 0, items: [] },
    });
    const el = await fixture<AiUsageHistory>(html`<ai-usage-history endpoint=${endpoint} locale="en-US" from="2026-05" to="2026-06" metric="constructor"></ai-usage-history>`);
    await status(el, 'ready');
    await waitUntil(() => shadow(el).querySelector('[part="chart-summary"]'), 'no chart summary');
    const summary = text(shadow(el).querySelector('[part="chart-summary"]'));
    expect(summary).to.equal('Billable minutes per month, May 2026 to June 2026: 0 in total; June 2026: 0 billable minutes.');
    expect(text(shadow(el).querySelector('svg.chart'))).not.to.match(/-0\b/);
    expectCleanText(el);
    await expect(el).to.be.accessible();
  });

  for (const orgMonth of ['0000-05', '9999-12']) {
    it(`does not stay loading, and asks for well-formed months, when the organization month is ${orgMonth}`, async () => {
      const endpoint = await backend({
        'voice/agents': agentsAnswer(orgMonth),
        'voice/history': { months: [] },
        'voice/calls': { total: 0, items: [] },
      });
      const asked: string[] = [];
      const realFetch = window.fetch;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if (url.includes('/voice/history') || url.includes('/voice/calls')) asked.push(url);
        return realFetch(input, init);
      };
      try {
        const el = await fixture<AiUsageHistory>(html`<ai-usage-history endpoint=${endpoint} locale="en-US"></ai-usage-history>`);
        await status(el, 'ready', 'empty');
        await waitUntil(() => asked.some((u) => u.includes('/voice/calls')), 'the calls were never asked for', { timeout: 8000 });
        for (const url of asked) {
          const query = new URL(url, location.href).searchParams;
          for (const key of ['from', 'to', 'month']) {
            if (query.has(key)) expect(query.get(key), `${key} in ${url}`).to.match(/^(?!0000)\d{4}-(0[1-9]|1[0-2])$/);
          }
        }
        expect(text(shadow(el) as unknown as Element)).not.to.match(/Loading/);
        if (orgMonth === '9999-12') expect(text(shadow(el) as unknown as Element)).to.contain('December 9999');
        expectCleanText(el);
        await expect(el).to.be.accessible();
      } finally {
        window.fetch = realFetch;
      }
    });
  }
});

describe('<ai-usage-calls> with hostile data', () => {
  it('keeps a 10,000-character taker kind within the table, and trusts the calls listed over a smaller total', async () => {
    const call = (id: string, kind: string) => ({
      id,
      startedAt: '2026-11-02T10:00:00Z',
      durationSeconds: 61,
      agentId: 'va-1',
      agentName: 'Astrid',
      takenBy: { kind, name: 'Someone' },
      billable: true,
    });
    const endpoint = await backend({ 'voice/calls': { total: 1, items: [call('1', LONG), call('2', 'user'), call('3', ZERO_WIDTH)] } });
    const div = await fixture<HTMLDivElement>(html`<div style="width: 800px"><ai-usage-calls endpoint=${endpoint} month="2026-11" locale="en-US"></ai-usage-calls></div>`);
    const el = div.querySelector('ai-usage-calls') as AiUsageCalls;
    await status(el, 'ready');
    expectWithinWidth(shadow(el));
    expect(text(shadow(el).querySelector('[part="pager"] .range'))).to.equal('1–3 of 3 calls');
    expect(text(shadow(el).querySelector('[part="notice"] details'))).to.match(/says there are 1 calls in all, but this page lists 3/);
    expectCleanText(el);
    await expect(el).to.be.accessible();
  });
});

describe('"Configure AI Voice" pricing plans with hostile data', () => {
  it('shows a -0 price as €0.00 and keeps a 10,000-character plan name within the dialog', async () => {
    const endpoint = await backend({
      'voice/agents': agentsAnswer('2026-11'),
      'voice/plan': plan({
        plans: [
          { id: 'p1', name: 'Standard', currency: 'EUR', pricePerMinute: -0, includedMinutes: -0 },
          { id: 'p2', name: LONG, currency: 'EUR', pricePerMinute: 0.05, includedMinutes: 1000 },
          { id: 'p3', name: ZERO_WIDTH, currency: 'EUR', pricePerMinute: 0.04, includedMinutes: 500 },
        ],
      }),
    });
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage endpoint=${endpoint} locale="en-US"></ai-voice-usage>`);
    await status(el, 'ready');
    await el.openConfigureDialog('plans');
    const configure = shadow(shadow(el).querySelector('ai-voice-configure')!);
    const table = await waitUntil(() => configure.querySelector<HTMLTableElement>('dialog[open] table'), 'no plans table').then(() =>
      configure.querySelector<HTMLTableElement>('dialog[open] table')!,
    );
    const rows = [...table.tBodies[0]!.rows].map((tr) => [...tr.cells].map((c) => text(c)));
    expect(rows[0]).to.deep.equal(['Standard Current plan', '€0.00', '0']);
    expect(rows[2]![0]).to.equal('unnamed');
    const dialog = configure.querySelector<HTMLElement>('dialog[open]')!;
    expect(dialog.scrollWidth, `the dialog is ${dialog.scrollWidth}px wide inside ${dialog.clientWidth}px`).to.be.at.most(dialog.clientWidth + 1);
    expect(table.getBoundingClientRect().right).to.be.at.most(dialog.getBoundingClientRect().right + 1);
    await expect(dialog).to.be.accessible();
  });
});
