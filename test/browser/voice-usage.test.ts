import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AiVoiceUsage } from '../../src/index.js';
import { createMemoryDataSource, UsageDataError, type UsageDataSource, type VoiceAgentsResponse } from '../../src/data.js';
import { createDemoData } from '../../src/demo-data.js';
import { allByPart, bodyRows, byPart, byRole, expectCleanText, headerButton, headerCell, rowTexts, serverLog, settled, shadow, text, uniqueTag } from './helpers.js';

const demo = createDemoData({ seed: 3, voiceAgents: 6, month: '2026-11', now: new Date('2026-11-20T12:00:00Z') });

async function rawAgents(endpoint: string): Promise<VoiceAgentsResponse> {
  return (await fetch(`${endpoint}voice/agents`)).json();
}

/** The agent names as shown: in each row header, the name with the whole of it as its tooltip. */
const nameColumn = (el: Element) => bodyRows(el).map((tr) => text(tr.querySelector('[part~="row-header"] [title]')));

/** “Data as of …” in the summary line. */
const asOf = (el: Element) => [...byPart(el, 'summary')!.querySelectorAll('bdi')].map((b) => text(b)).find((t) => t.startsWith('Data as of'));

describe('<ai-voice-usage>', () => {
  it('shows one row per agent from an endpoint, with grouped, right-aligned numbers', async () => {
    const expected = await rawAgents('/api/ai-usage/');
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage endpoint="/api/ai-usage/" locale="en-US"></ai-voice-usage>`);
    await settled(el);
    const rows = bodyRows(el);
    expect(rows).to.have.length(expected.agents.length);
    const first = expected.agents[0]!;
    const cells = rowTexts(el)[0]!;
    expect(cells[0]).to.contain(first.entity.name);
    expect(cells[1]).to.contain(first.name);
    expect(cells[1]).to.contain(first.active ? 'Active' : 'Inactive');
    expect(cells.slice(2)).to.deep.equal(
      [
        first.callsEngagedThisMonth,
        first.callsHandledSinceActivation,
        first.billableMinutesThisMonth,
        first.billableMinutesSinceActivation,
        first.nonBillableCallsThisMonth,
        first.nonBillableCallsSinceActivation,
      ].map((n) => new Intl.NumberFormat('en-US').format(n)),
    );
    const numericCell = rows[0]!.cells[3]!;
    expect(getComputedStyle(numericCell).textAlign).to.equal('end');
    expect(getComputedStyle(numericCell).fontVariantNumeric).to.contain('tabular-nums');
    expectCleanText(el);
    await expect(el).to.be.accessible();
  });

  it('sums every number column in a totals row set apart from the data', async () => {
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage .dataSource=${createMemoryDataSource(demo)} locale="en-US"></ai-voice-usage>`);
    await settled(el);
    const totals = byPart<HTMLTableRowElement>(el, 'totals-row')!;
    const sum = demo.voiceAgents.agents.reduce((s, a) => s + a.billableMinutesSinceActivation, 0);
    expect(text(totals.querySelector('th[scope="row"]'))).to.equal('Total');
    expect(text(totals.cells[5])).to.equal(new Intl.NumberFormat('en-US').format(sum));
    expect(getComputedStyle(totals.cells[5]!).fontWeight).to.equal('600');
  });

  it('folds the entity under the agent name and keeps the agent in view when narrow', async () => {
    const wrapper = await fixture(html`<div style="width: 360px"><ai-voice-usage .dataSource=${createMemoryDataSource(demo)}></ai-voice-usage></div>`);
    const el = wrapper.querySelector('ai-voice-usage')!;
    await settled(el);
    expect(getComputedStyle(headerCell(el, 'entity')).display).to.equal('none');
    const agentCell = bodyRows(el)[0]!.querySelector('[part~="row-header"]')!;
    const folded = agentCell.querySelector('.narrow-only')!;
    expect(getComputedStyle(folded).display).to.equal('block');
    expect(text(folded)).to.contain(demo.voiceAgents.agents[0]!.entity.name);
    expect(getComputedStyle(agentCell).position).to.equal('sticky');
    await expect(el).to.be.accessible();

    (wrapper as HTMLElement).style.width = '1200px';
    await waitUntil(() => getComputedStyle(headerCell(el, 'entity')).display === 'table-cell', 'the Entity column did not come back when wide');
    expect(getComputedStyle(folded).display).to.equal('none');
  });

  it('formats numbers in the language of the page around it', async () => {
    const source = createMemoryDataSource(demo);
    const wrapper = await fixture(html`<div lang="de-DE"><ai-voice-usage .dataSource=${source}></ai-voice-usage></div>`);
    const el = wrapper.querySelector('ai-voice-usage')!;
    await settled(el);
    const big = demo.voiceAgents.agents.map((a) => a.billableMinutesSinceActivation).find((n) => n >= 1000)!;
    expect(rowTexts(el).flat()).to.include(new Intl.NumberFormat('de-DE').format(big));
    expect(new Intl.NumberFormat('de-DE').format(big)).to.contain('.');
  });

  it('sorts by billable minutes when the header is clicked: ascending, then descending', async () => {
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage .dataSource=${createMemoryDataSource(demo)} locale="en-US"></ai-voice-usage>`);
    await settled(el);
    const minutes = () => bodyRows(el).map((tr) => Number(text(tr.cells[4]).replace(/,/g, '')));
    const button = headerButton(el, 'billableMinutesThisMonth');

    setTimeout(() => button.click());
    const event = await oneEvent(el, 'ai-sort-change');
    expect(event.detail).to.deep.equal({ sortKey: 'billableMinutesThisMonth', sortDirection: 'asc' });
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    const ascending = [...minutes()].sort((a, b) => a - b);
    expect(minutes()).to.deep.equal(ascending);
    expect(headerCell(el, 'billableMinutesThisMonth').getAttribute('aria-sort')).to.equal('ascending');
    expect(shadow(el).querySelectorAll('[aria-sort]')).to.have.length(1);
    expect(el.getAttribute('sort')).to.equal('billableMinutesThisMonth:asc');

    button.click();
    await el.updateComplete;
    expect(minutes()).to.deep.equal([...ascending].reverse());
    expect(headerCell(el, 'billableMinutesThisMonth').getAttribute('aria-sort')).to.equal('descending');
    await expect(el).to.be.accessible();
  });

  it('sorts from the keyboard and keeps focus on the header button', async () => {
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage .dataSource=${createMemoryDataSource(demo)} locale="en"></ai-voice-usage>`);
    await settled(el);
    const button = headerButton(el, 'name');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const names = demo.voiceAgents.agents.map((a) => a.name);
    const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
    expect(nameColumn(el)).to.deep.equal([...names].sort(collator.compare));
    expect(shadow(el).activeElement).to.equal(headerButton(el, 'name'));
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(nameColumn(el)).to.deep.equal([...names].sort(collator.compare).reverse());
    expect(headerCell(el, 'name').getAttribute('aria-sort')).to.equal('descending');
    expect(shadow(el).activeElement).to.equal(headerButton(el, 'name'));
  });

  it('applies a sort attribute set by the host, and lets the host cancel a sort', async () => {
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage .dataSource=${createMemoryDataSource(demo)} sort="callsEngagedThisMonth:desc"></ai-voice-usage>`);
    await settled(el);
    const calls = () => bodyRows(el).map((tr) => Number(text(tr.cells[2]).replace(/\D/g, '')));
    expect(calls()).to.deep.equal([...calls()].sort((a, b) => b - a));
    expect(headerCell(el, 'callsEngagedThisMonth').getAttribute('aria-sort')).to.equal('descending');

    el.addEventListener('ai-sort-change', (e) => e.preventDefault(), { once: true });
    headerButton(el, 'entity').click();
    await el.updateComplete;
    expect(el.sort).to.equal('callsEngagedThisMonth:desc');
    expect(headerCell(el, 'entity').hasAttribute('aria-sort')).to.equal(false);
  });

  it('shows a skeleton of the table while loading, then the rows', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inner = createMemoryDataSource(demo);
    const source: UsageDataSource = { ...inner, getVoiceAgents: async (p) => (await gate, inner.getVoiceAgents(p)) };
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage .dataSource=${source}></ai-voice-usage>`);
    await el.updateComplete;
    const root = shadow(el);
    // The skeleton: a table of the real shape (header, placeholder rows) in a busy region.
    const skeleton = root.querySelector('[aria-busy="true"] [part~="table"]');
    expect(skeleton?.querySelector('thead')).to.exist;
    expect(skeleton!.querySelectorAll('tbody tr').length).to.be.greaterThan(2);
    expect(text(byRole(el, 'status'))).to.equal('Loading AI voice agents…');
    await expect(el).to.be.accessible();
    release();
    await settled(el);
    expect(bodyRows(el)).to.have.length(demo.voiceAgents.agents.length);
    expect(root.querySelector('[aria-busy="true"]')).to.equal(null);
    expect(allByPart(el, 'table'), 'one table: the rows, no skeleton').to.have.length(1);
  });

  it('says so when there are no agents', async () => {
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage endpoint="/api/scenarios/empty/"></ai-voice-usage>`);
    await settled(el, 'state');
    expect(text(byPart(el, 'empty-state'))).to.contain('No AI voice agents yet.');
    expect(shadow(el).querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a server error with a Retry that asks the server again', async () => {
    const tag = uniqueTag('error');
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage endpoint="/api/scenarios/status=500,tag=${tag}/"></ai-voice-usage>`);
    await settled(el, 'state');
    const panel = byPart(el, 'error-state')!;
    expect(panel.getAttribute('role')).to.equal('alert');
    expect(text(panel)).to.contain('Couldn’t load AI voice agents.');
    expect(text(panel)).to.contain('HTTP 500');
    await expect(el).to.be.accessible();
    const agentsRequests = async () => (await serverLog(tag)).filter((r) => r.operation === 'voice/agents');
    expect(await agentsRequests()).to.have.length(1);

    const retry = byRole(panel, 'button', 'Retry')!;
    setTimeout(() => retry.click());
    const failed = await oneEvent(el, 'ai-error');
    expect((failed.detail.error as UsageDataError).status).to.equal(500);
    expect(await agentsRequests()).to.have.length(2);
  });

  it('recovers on Retry when the source answers the second time', async () => {
    const inner = createMemoryDataSource(demo);
    let attempts = 0;
    const source: UsageDataSource = {
      ...inner,
      getVoiceAgents: (p) => (++attempts === 1 ? Promise.reject(new UsageDataError('network', 'voice/agents', 'Could not reach the server.')) : inner.getVoiceAgents(p)),
    };
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage .dataSource=${source}></ai-voice-usage>`);
    await settled(el, 'state');
    expect(text(byPart(el, 'error-state'))).to.contain('Could not reach the server.');
    byRole(byPart(el, 'error-state')!, 'button', 'Retry')!.click();
    const loaded = await oneEvent(el, 'ai-load');
    expect(loaded.detail).to.deep.equal({ count: demo.voiceAgents.agents.length, rowsWithProblems: 0 });
    await settled(el);
    expect(bodyRows(el)).to.have.length(demo.voiceAgents.agents.length);
  });

  it('keeps every row of a malformed answer, marks invalid values and says how many rows had problems', async () => {
    const raw = await rawAgents('/api/scenarios/malformed/');
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage endpoint="/api/scenarios/malformed/" locale="en"></ai-voice-usage>`);
    await settled(el);
    expect(bodyRows(el)).to.have.length(raw.agents.length);
    const notice = byPart(el, 'notice')!;
    expect(text(notice)).to.contain('2 agents have invalid data');
    expect(text(notice)).to.contain('billable minutes this month is -4');
    expect(text(notice)).to.contain('calls engaged this month is the text “12”');
    const second = bodyRows(el)[1]!;
    expect(second.querySelector('.row-warning')).to.exist;
    expect(text(second.cells[4])).to.equal('—not available');
    const totals = byPart<HTMLTableRowElement>(el, 'totals-row')!;
    expect(text(totals.cells[4])).to.contain('incomplete, leaves out 1 invalid value');
    expectCleanText(el);
    await expect(el).to.be.accessible();
  });

  it('puts blank values last whichever the sort direction', async () => {
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage endpoint="/api/scenarios/malformed/" sort="billableMinutesThisMonth:asc"></ai-voice-usage>`);
    await settled(el);
    expect(text(bodyRows(el).at(-1)!.cells[4])).to.contain('not available');
    el.sort = 'billableMinutesThisMonth:desc';
    await el.updateComplete;
    expect(text(bodyRows(el).at(-1)!.cells[4])).to.contain('not available');
  });

  it('renders names from data as text, never as markup', async () => {
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage endpoint="/api/scenarios/markup/"></ai-voice-usage>`);
    await settled(el);
    const root = shadow(el);
    expect(root.querySelector('tbody img, tbody script, tbody b')).to.equal(null);
    expect(text(root.querySelector('tbody'))).to.contain('<img src=x onerror="window.__xss=1">Eve <b>bold</b>');
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });

  for (const [flag, message] of [
    ['html', 'Expected JSON from voice/agents, got an HTML page.'],
    ['not-json', 'The answer to voice/agents is not valid JSON.'],
    ['empty-body', 'Expected JSON from voice/agents, got an empty body.'],
  ] as const) {
    it(`explains a ${flag} answer in words`, async () => {
      const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage endpoint="/api/scenarios/${flag}/"></ai-voice-usage>`);
      await settled(el, 'state');
      expect(text(byPart(el, 'error-state'))).to.contain(message);
      expectCleanText(el);
      await expect(el).to.be.accessible();
    });
  }

  it('explains an answer that is JSON but has no agents list', async () => {
    const source: UsageDataSource = { ...createMemoryDataSource(), getVoiceAgents: async () => ({ items: [] }) as unknown as VoiceAgentsResponse };
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage .dataSource=${source}></ai-voice-usage>`);
    await settled(el, 'state');
    expect(text(byPart(el, 'error-state'))).to.contain('The answer to voice/agents has no “agents” list.');
  });

  it('fires ai-load only once the rows are on screen', async () => {
    const el = document.createElement('ai-voice-usage');
    let rowsAtLoad = -1;
    el.addEventListener('ai-load', () => (rowsAtLoad = bodyRows(el).length));
    el.dataSource = createMemoryDataSource(demo);
    await fixture(el);
    await waitUntil(() => rowsAtLoad !== -1, 'no ai-load');
    expect(rowsAtLoad).to.equal(demo.voiceAgents.agents.length);
  });

  it('survives an invalid time-zone attribute, falling back to the organization’s zone', async () => {
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage time-zone="Europe/Stokholm" .dataSource=${createMemoryDataSource(demo)}></ai-voice-usage>`);
    await settled(el);
    expect(bodyRows(el)).to.have.length(demo.voiceAgents.agents.length);
    expect(asOf(el)).to.match(/^Data as of /);
  });

  it('explains an endpoint that is not a URL', async () => {
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage endpoint="http://[oops/"></ai-voice-usage>`);
    await settled(el, 'state');
    expect(text(byPart(el, 'error-state'))).to.contain('The endpoint “http://[oops/” is not a valid URL.');
  });

  it('says it has no data source rather than loading forever', async () => {
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage></ai-voice-usage>`);
    await settled(el, 'state');
    expect(text(byPart(el, 'unconfigured-state'))).to.contain('No data source.');
    await expect(el).to.be.accessible();
  });

  it('takes its data from the nearest <ai-usage-provider>, and follows its endpoint', async () => {
    const wrapper = await fixture(
      html`<ai-usage-provider endpoint="/api/scenarios/agents=3/"
        ><div><ai-voice-usage></ai-voice-usage></div
      ></ai-usage-provider>`,
    );
    const el = wrapper.querySelector('ai-voice-usage')!;
    await settled(el);
    expect(bodyRows(el)).to.have.length(3);
    wrapper.setAttribute('endpoint', '/api/scenarios/agents=5/');
    await waitUntil(() => bodyRows(el).length === 5, 'did not reload from the new endpoint');
  });

  it('prefers its own dataSource over its endpoint and any provider', async () => {
    const wrapper = await fixture(
      html`<ai-usage-provider endpoint="/api/scenarios/agents=3/"
        ><ai-voice-usage endpoint="/api/scenarios/agents=4/" .dataSource=${createMemoryDataSource(demo)}></ai-voice-usage
      ></ai-usage-provider>`,
    );
    const el = wrapper.querySelector('ai-voice-usage')!;
    await settled(el);
    expect(bodyRows(el)).to.have.length(demo.voiceAgents.agents.length);
  });

  it('aborts the old request when the source changes mid-flight: the latest always wins', async () => {
    const signals: AbortSignal[] = [];
    const never: UsageDataSource = {
      ...createMemoryDataSource(),
      getVoiceAgents: ({ signal }) => {
        signals.push(signal!);
        return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
      },
    };
    const slowInner = createMemoryDataSource(createDemoData({ seed: 9, voiceAgents: 2, month: '2026-11' }), { delay: 300 });
    // Ends when the replaced request does: at once if aborted, else with its (stale) answer after 300 ms.
    let slowEnded = false;
    const slow: UsageDataSource = {
      ...slowInner,
      getVoiceAgents: (p) => {
        const answer = slowInner.getVoiceAgents(p);
        answer.then(
          () => (slowEnded = true),
          () => (slowEnded = true),
        );
        return answer;
      },
    };
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage .dataSource=${never}></ai-voice-usage>`);
    el.dataSource = slow;
    await el.updateComplete;
    expect(signals[0]!.aborted).to.equal(true);
    el.dataSource = createMemoryDataSource(demo);
    await settled(el);
    await waitUntil(() => slowEnded, 'the replaced request never ended');
    await el.updateComplete;
    expect(bodyRows(el)).to.have.length(demo.voiceAgents.agents.length);
  });

  it('aborts the HTTP request of a replaced endpoint', async () => {
    const slowTag = uniqueTag('slow');
    // How the slow request ends, seen from the page: aborted, or answered (after 600 ms).
    let slowEnded: 'aborted' | 'answered' | undefined;
    const originalFetch = window.fetch;
    window.fetch = (input, init) => {
      const response = originalFetch(input, init);
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes(slowTag)) {
        response.then(
          () => (slowEnded = 'answered'),
          () => (slowEnded = 'aborted'),
        );
      }
      return response;
    };
    try {
      const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage endpoint="/api/scenarios/latency=600,agents=2,tag=${slowTag}/"></ai-voice-usage>`);
      await waitUntil(async () => (await serverLog(slowTag)).some((r) => r.operation === 'voice/agents'), 'slow request never reached the server');
      el.endpoint = '/api/scenarios/agents=4/';
      await settled(el);
      expect(bodyRows(el)).to.have.length(4);
      await waitUntil(() => slowEnded, 'the replaced request never ended', { timeout: 5000 });
      expect(slowEnded).to.equal('aborted');
      await el.updateComplete;
      expect(bodyRows(el)).to.have.length(4);
    } finally {
      window.fetch = originalFetch;
    }
  });
});
