import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/usage-history.js';
import type { AiUsageHistory } from '../../src/usage-history.js';
import { createMemoryDataSource, type UsageDataSource, type VoiceAgentsResponse } from '../../src/data.js';
import { createDemoData } from '../../src/demo-data.js';
import { addMonths } from '../../src/model/months.js';
import { expectCleanText, serverLog, shadow, text, uniqueTag } from './helpers.js';

/** The calls list: `<ai-usage-calls>` inside the history's shadow root. */
const callsRoot = (el: Element): ShadowRoot | undefined => shadow(el).querySelector('ai-usage-calls')?.shadowRoot ?? undefined;
const inCalls = (el: Element, selector: string) => callsRoot(el)?.querySelector(selector) ?? null;
const calls = (el: Element) => [...(callsRoot(el)?.querySelectorAll<HTMLTableRowElement>('tbody tr:not(.loading)') ?? [])];
const range = (el: Element) => text(inCalls(el, '[part="pager"] .range'));
/** The history and then its calls list have finished updating. */
const updated = async (el: AiUsageHistory) => {
  await el.updateComplete;
  await shadow(el).querySelector('ai-usage-calls')?.updateComplete;
};
const callsReady = (el: Element) => waitUntil(() => calls(el).length > 0 || inCalls(el, '[part~="state"], [part="permission-notice"]'), 'calls never shown', { timeout: 8000 });
const historyReady = (el: Element) => waitUntil(() => shadow(el).querySelector('.chart, .history table:not(.skeleton), .history .state'), 'history never shown', { timeout: 8000 });

async function orgMonth(endpoint: string): Promise<string> {
  return ((await (await fetch(`${endpoint}voice/agents`)).json()) as VoiceAgentsResponse).month;
}

describe('<ai-usage-history>', () => {
  // Back to the browser's own time zone after every test, whether it passed or not.
  afterEach(() => executeServerCommand('emulate-timezone', {}));

  it('draws twelve months as an accessible chart with a summary in words, and the same numbers as a table', async () => {
    const month = await orgMonth('/api/ai-usage/');
    const from = addMonths(month, -11);
    const expected = (await (await fetch(`/api/ai-usage/voice/history?from=${from}&to=${month}`)).json()).months as { month: string; billableMinutes: number }[];
    const el = await fixture<AiUsageHistory>(html`<ai-usage-history endpoint="/api/ai-usage/" locale="en-US"></ai-usage-history>`);
    await historyReady(el);
    const svg = shadow(el).querySelector('svg.chart')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.querySelectorAll('.bar')).to.have.length(12);
    const summary = shadow(el).querySelector(`#${svg.getAttribute('aria-describedby')}`)!;
    expect(text(summary)).to.match(/^Billable minutes per month, .+ to .+: [\d,]+ in total/);
    const last = expected[expected.length - 1]!;
    expect(text(summary)).to.contain(`${new Intl.NumberFormat('en-US').format(last.billableMinutes)} billable minutes`);
    await expect(el).to.be.accessible();

    const tableButton = [...shadow(el).querySelectorAll('.toggle button')].find((b) => text(b) === 'Table') as HTMLButtonElement;
    tableButton.click();
    await el.updateComplete;
    expect(tableButton.getAttribute('aria-pressed')).to.equal('true');
    const rows = [...shadow(el).querySelectorAll<HTMLTableRowElement>('.history tbody tr')];
    expect(rows).to.have.length(12);
    const lastRow = rows[11]!;
    expect(text(lastRow.cells[2])).to.equal(new Intl.NumberFormat('en-US').format(last.billableMinutes));
    const prev = expected[expected.length - 2]!;
    const change = (last.billableMinutes - prev.billableMinutes) / prev.billableMinutes;
    expect(text(lastRow.cells[3])).to.equal(
      new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: Math.abs(change) < 0.1 ? 1 : 0, signDisplay: 'exceptZero' }).format(change),
    );
    expectCleanText(el);
    await expect(el).to.be.accessible();
  });

  it('asks for the chosen period and agent', async () => {
    const tag = uniqueTag('period');
    const endpoint = `/api/scenarios/tag=${tag}/`;
    const month = await orgMonth(endpoint);
    const el = await fixture<AiUsageHistory>(html`<ai-usage-history endpoint=${endpoint} period="last-6" agent-id="va-002"></ai-usage-history>`);
    await historyReady(el);
    await callsReady(el);
    const history = (await serverLog(tag)).filter((r) => r.operation === 'voice/history');
    expect(history.at(-1)!.query).to.deep.equal({ from: addMonths(month, -5), to: month, agentId: 'va-002' });
    expect(shadow(el).querySelectorAll('svg .bar')).to.have.length(6);
    const select = [...shadow(el).querySelectorAll('select')].find((s) => [...s.options].some((o) => o.text === 'All agents'))!;
    expect(select.value).to.equal('va-002');
  });

  it('reads February 2025 as February in a browser far from the organization’s time zone', async () => {
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      await executeServerCommand('emulate-timezone', { timeZone });
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal(timeZone);
      const data = createDemoData({ seed: 2, voiceAgents: 3, month: '2025-03', now: new Date('2025-03-15T12:00:00Z') });
      const el = await fixture<AiUsageHistory>(
        html`<ai-usage-history .dataSource=${createMemoryDataSource(data)} from="2025-01" to="2025-03" view="table" locale="en-US"></ai-usage-history>`,
      );
      await historyReady(el);
      await callsReady(el);
      const months = [...shadow(el).querySelectorAll('.history tbody th')].map((th) => text(th));
      expect(months).to.deep.equal(['January 2025', 'February 2025', 'March 2025']);
      const calendar = [...callsRoot(el)!.querySelectorAll('select option')].map((o) => text(o));
      expect(calendar).to.include('February 2025');
    }
  });

  it('shows call times in the organization’s time zone, whatever the browser’s', async () => {
    await executeServerCommand('emulate-timezone', { timeZone: 'America/Los_Angeles' });
    const source: UsageDataSource = {
      ...createMemoryDataSource(createDemoData({ seed: 2, voiceAgents: 1, month: '2026-11' })),
      getVoiceCalls: async () => ({
        total: 1,
        items: [
          { id: 'x', startedAt: '2026-11-30T23:30:00Z', durationSeconds: 3725, agentId: 'va-001', agentName: 'Astrid', takenBy: { kind: 'user', name: 'Anna' }, billable: true },
        ],
      }),
    };
    const el = await fixture<AiUsageHistory>(html`<ai-usage-history .dataSource=${source} locale="en-GB"></ai-usage-history>`);
    await callsReady(el);
    const cells = [...calls(el)[0]!.cells].map((c) => text(c));
    // Stockholm (the organization) is already in December; Los Angeles would still say 30 Nov, 15:30.
    expect(cells[0]).to.equal('1 Dec 2026, 00:30');
    expect(cells[1]).to.equal('1:02:05');
    expect(cells[3]).to.equal('Anna Person, after transfer');
  });

  it('pages through the calls on the server, one request per screen, with a row count', async () => {
    const tag = uniqueTag('paging');
    const el = await fixture<AiUsageHistory>(html`<ai-usage-history endpoint="/api/scenarios/tag=${tag}/" locale="en-US"></ai-usage-history>`);
    await callsReady(el);
    const requests = async () => (await serverLog(tag)).filter((r) => r.operation === 'voice/calls').map((r) => r.query);
    const first = await requests();
    expect(first).to.have.length(1);
    expect(first[0]).to.include({ offset: '0', limit: '50', sort: 'startedAt:desc' });
    const total = Number(
      range(el)
        .match(/of ([\d,]+) calls/)![1]!
        .replace(/,/g, ''),
    );
    expect(range(el)).to.equal(`1–50 of ${total.toLocaleString('en-US')} calls`);
    expect(calls(el)).to.have.length(50);
    const table = inCalls(el, 'table')!;
    expect(table.getAttribute('aria-rowcount')).to.equal(String(total + 1));
    expect(calls(el)[0]!.getAttribute('aria-rowindex')).to.equal('2');

    const next = inCalls(el, '[aria-label="Next page"]') as HTMLButtonElement;
    next.focus();
    await sendKeys({ press: 'Enter' });
    await updated(el);
    // While page 2 loads, the button keeps focus (it is not disabled under the user's finger).
    expect(callsRoot(el)!.activeElement).to.equal(next);
    await waitUntil(() => range(el).startsWith('51–100'), 'page 2 never shown');
    expect(callsRoot(el)!.activeElement).to.equal(next);
    expect(calls(el)[0]!.getAttribute('aria-rowindex')).to.equal('52');
    (inCalls(el, '[aria-label="Last page"]') as HTMLButtonElement).click();
    const lastOffset = Math.floor((total - 1) / 50) * 50;
    await waitUntil(() => range(el).startsWith(`${(lastOffset + 1).toLocaleString('en-US')}–`), 'last page never shown');
    expect(calls(el)).to.have.length(total - lastOffset);

    const sortButton = callsRoot(el)!.querySelector<HTMLButtonElement>('th[data-key="durationSeconds"] button')!;
    sortButton.focus();
    await sendKeys({ press: 'Enter' });
    await updated(el);
    expect(callsRoot(el)!.activeElement?.closest('th')?.getAttribute('data-key')).to.equal('durationSeconds');
    await waitUntil(() => range(el).startsWith('1–50'), 'sorting did not return to the first page');
    expect(inCalls(el, 'th[data-key="durationSeconds"]')!.getAttribute('aria-sort')).to.equal('ascending');
    const lengths = calls(el).map((tr) => text(tr.cells[1]));
    expect(lengths[0]).to.match(/^0:0\d$/);
    expect((await requests()).map((q) => `${q.offset}|${q.sort}`)).to.deep.equal([
      '0|startedAt:desc',
      '50|startedAt:desc',
      `${lastOffset}|startedAt:desc`,
      '0|durationSeconds:asc',
    ]);
    expect((await requests()).every((q) => Number(q.limit) <= 500)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('lists a 100,000-call month with one request and only one page in the page', async () => {
    const tag = uniqueTag('big');
    const el = await fixture<AiUsageHistory>(html`<ai-usage-history endpoint="/api/scenarios/volume=40,tag=${tag}/" locale="en-US"></ai-usage-history>`);
    await callsReady(el);
    const total = Number(
      range(el)
        .match(/of ([\d,]+) calls/)![1]!
        .replace(/,/g, ''),
    );
    expect(total).to.be.greaterThan(60_000);
    expect(calls(el)).to.have.length(50);
    expect((await serverLog(tag)).filter((r) => r.operation === 'voice/calls')).to.have.length(1);
  });

  it('hides the calls on 403 but keeps the monthly history', async () => {
    const el = await fixture<AiUsageHistory>(html`<ai-usage-history endpoint="/api/scenarios/calls=403/"></ai-usage-history>`);
    await callsReady(el);
    await historyReady(el);
    expect(text(inCalls(el, '[part="permission-notice"]'))).to.contain('You don’t have permission to see individual calls.');
    expect(calls(el)).to.have.length(0);
    expect(shadow(el).querySelector('.chart')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('takes a 401 on the calls list as the contract says: no permission, not an expired session', async () => {
    const events: string[] = [];
    const el = await fixture<AiUsageHistory>(
      html`<ai-usage-history endpoint="/api/scenarios/calls=401/" @ai-session-expired=${() => events.push('expired')} @ai-error=${() => events.push('error')}></ai-usage-history>`,
    );
    await callsReady(el);
    expect(text(inCalls(el, '[part="permission-notice"]'))).to.contain('You don’t have permission to see individual calls.');
    expect(shadow(el).querySelector('ai-usage-calls')!.getAttribute('status')).to.equal('empty');
    await historyReady(el);
    await updated(el);
    expect(events).to.deep.equal([]);
  });

  it('never shows calls from an earlier, permitted request once permission is refused', async () => {
    const el = await fixture<AiUsageHistory>(html`<ai-usage-history endpoint="/api/ai-usage/"></ai-usage-history>`);
    await callsReady(el);
    expect(calls(el).length).to.be.greaterThan(0);
    el.endpoint = '/api/scenarios/calls=403/';
    await waitUntil(() => inCalls(el, '[part="permission-notice"]'), 'no permission notice');
    expect(calls(el)).to.have.length(0);
  });

  it('says so for a month without calls', async () => {
    const data = createDemoData({ seed: 2, voiceAgents: 2, month: '2026-11', callMonths: [] });
    const el = await fixture<AiUsageHistory>(html`<ai-usage-history .dataSource=${createMemoryDataSource(data)} locale="en-US"></ai-usage-history>`);
    await callsReady(el);
    expect(text(inCalls(el, '[part~="empty-state"]'))).to.equal('No calls in November 2026.');
    await expect(el).to.be.accessible();
  });

  it('aborts the calls request when the month changes, and shows only the latest month', async () => {
    const signals: { month: string; signal: AbortSignal }[] = [];
    const answered: Promise<unknown>[] = [];
    const inner = createMemoryDataSource(createDemoData({ seed: 5, voiceAgents: 3, month: '2026-11', now: new Date('2026-11-20T12:00:00Z') }), { delay: 0 });
    const source: UsageDataSource = {
      ...inner,
      getVoiceCalls: (params) => {
        signals.push({ month: params.month, signal: params.signal! });
        const answer = (async () => {
          await new Promise((r) => setTimeout(r, params.month === '2026-11' ? 400 : 20));
          params.signal?.throwIfAborted();
          return inner.getVoiceCalls(params);
        })();
        answered.push(answer.catch(() => undefined));
        return answer;
      },
    };
    const el = await fixture<AiUsageHistory>(html`<ai-usage-history .dataSource=${source} locale="en-GB" time-zone="UTC"></ai-usage-history>`);
    await waitUntil(() => signals.length === 1);
    el.month = '2026-10';
    await callsReady(el);
    expect(signals[0]!.signal.aborted).to.equal(true);
    // Once the slow November answer has come and gone, October is still what shows.
    await Promise.all(answered);
    await updated(el);
    const times = calls(el).map((tr) => text(tr.cells[0]));
    expect(times.length).to.be.greaterThan(0);
    expect(times.every((t) => t.includes('Oct 2026'))).to.equal(true);
  });

  it('shows a skeleton, not the old rows, while a new month loads', async () => {
    const inner = createMemoryDataSource(createDemoData({ seed: 5, voiceAgents: 3, month: '2026-11', now: new Date('2026-11-20T12:00:00Z') }));
    const gate: { hold?: Promise<void> } = {};
    const source: UsageDataSource = { ...inner, getVoiceCalls: async (p) => (await gate.hold, inner.getVoiceCalls(p)) };
    const el = await fixture<AiUsageHistory>(html`<ai-usage-history .dataSource=${source}></ai-usage-history>`);
    await callsReady(el);
    let release!: () => void;
    gate.hold = new Promise((r) => (release = r));
    el.month = '2026-10';
    await updated(el);
    expect(calls(el)).to.have.length(0);
    expect(inCalls(el, 'tr.loading')).to.exist;
    release();
    await callsReady(el);
  });

  it('keeps months with invalid figures, marks them, and says the totals leave them out', async () => {
    const inner = createMemoryDataSource(createDemoData({ seed: 1, month: '2026-11' }));
    const source: UsageDataSource = {
      ...inner,
      getVoiceHistory: async (params) => {
        const answer = await inner.getVoiceHistory(params);
        (answer.months[2] as unknown as Record<string, unknown>).billableMinutes = 'lots';
        return answer;
      },
    };
    const el = await fixture<AiUsageHistory>(html`<ai-usage-history .dataSource=${source} view="table" period="last-6"></ai-usage-history>`);
    await historyReady(el);
    expect(text(shadow(el).querySelector('.history [part="notice"]'))).to.contain('1 month has invalid data');
    const rows = [...shadow(el).querySelectorAll<HTMLTableRowElement>('.history tbody tr')];
    expect(rows).to.have.length(6);
    expect(text(rows[2]!.cells[2])).to.equal('—not available');
    const totals = shadow(el).querySelector<HTMLTableRowElement>('.history tfoot tr')!;
    expect(text(totals.cells[2])).to.contain('incomplete, leaves out 1 invalid value');
    expectCleanText(el);
    await expect(el).to.be.accessible();
  });

  it('switches the chart between figures from the keyboard', async () => {
    const el = await fixture<AiUsageHistory>(html`<ai-usage-history .dataSource=${createMemoryDataSource(createDemoData({ seed: 1, month: '2026-11' }))}></ai-usage-history>`);
    await historyReady(el);
    const button = [...shadow(el).querySelectorAll<HTMLButtonElement>('.toggle button')].find((b) => text(b) === 'Calls engaged')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.metric).to.equal('callsEngaged');
    expect(shadow(el).querySelector('svg.chart')!.getAttribute('aria-label')).to.equal('Calls engaged per month');
  });

  it('fires ai-load with the number of months once they are shown', async () => {
    const el = document.createElement('ai-usage-history');
    el.dataSource = createMemoryDataSource(createDemoData({ seed: 1, month: '2026-11' }));
    el.period = 'last-6';
    setTimeout(() => document.body.append(el));
    const event = await oneEvent(el, 'ai-load');
    expect(event.detail.count).to.equal(6);
    expect(shadow(el).querySelector('svg.chart')).to.exist;
    el.remove();
  });
});
