import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/messaging-usage.js';
import type { AiMessagingUsage } from '../../src/messaging-usage.js';
import { createMemoryDataSource, parseCsv, type MessagingAgentsResponse } from '../../src/data.js';
import { createDemoData } from '../../src/demo-data.js';
import { allByRole, bodyRows, byPart, byRole, expectCleanText, headerButton, headerCell, settled, shadow, text } from './helpers.js';

const now = new Date('2026-11-27T10:00:00Z');
const day = 86_400_000;
const at = (days: number) => new Date(now.getTime() + days * day).toISOString();
const data = createDemoData({ seed: 4, messagingAgents: 6, month: '2026-11', now });
const licenses = [
  { type: 'trial', endsAt: at(20) },
  { type: 'unlimited' },
  { type: 'trial', endsAt: at(-3) },
  { type: 'enterprise' },
  { type: 'trial', endsAt: at(2) },
  { type: 'unlimited' },
];
const engagements = [
  { newCasesPercentWhenOpen: 50, handlesWhenClosed: true },
  { newCasesPercentWhenOpen: 100, handlesWhenClosed: false },
  { newCasesPercentWhenOpen: 100, handlesWhenClosed: true },
  { newCasesPercentWhenOpen: 0, handlesWhenClosed: true },
  { newCasesPercentWhenOpen: 75, handlesWhenClosed: false },
  { newCasesPercentWhenOpen: 50, handlesWhenClosed: false },
];
data.messagingAgents.agents.forEach((a, i) => {
  a.license = licenses[i]!;
  a.engagement = engagements[i]!;
});
data.messagingAgents.agents[3]!.name = '=HYPERLINK("http://evil.example","Click")';
data.messagingAgents.agents[0]!.name = 'Maja, "the" chat bot';

const source = () => createMemoryDataSource(data);
/** The agent names as shown: in each row header, the name with the whole of it as its tooltip. */
const names = (el: Element) => bodyRows(el).map((tr) => text(tr.querySelector('[part~="row-header"] [title]')));
const agentsBy = (order: number[]) => order.map((i) => data.messagingAgents.agents[i]!.name);

async function render(attrs = html``) {
  const el = await fixture<AiMessagingUsage>(
    html`<ai-messaging-usage .dataSource=${source()} .referenceDate=${now} locale="en-GB" time-zone="Europe/Stockholm"></ai-messaging-usage>${attrs}`,
  );
  await settled(el);
  return el;
}

describe('<ai-messaging-usage>', () => {
  it('re-reads the licenses when the reference date or the time zone changes (rows are built once otherwise)', async () => {
    const el = await render();
    const license = () => text(bodyRows(el)[0]!.cells[2]!);
    expect(license()).to.equal('Trial ends 17 Dec 2026 · 20 days left');
    el.referenceDate = new Date(now.getTime() + 10 * 86_400_000);
    await el.updateComplete;
    expect(license()).to.equal('Trial ends 17 Dec 2026 · 10 days left');
  });

  it('shows entity, agent, license, engagement, price and cases for every agent', async () => {
    const el = await render();
    expect(bodyRows(el)).to.have.length(6);
    const headers = allByRole(el, 'columnheader').map((th) => text(th));
    expect(headers).to.deep.equal(['Entity', 'AI agent', 'License', 'Engagement', 'Price (credits)', 'Engaged cases']);
    const cells = (i: number) => [...bodyRows(el)[i]!.cells].map((c) => text(c));
    expect(cells(0)[2]).to.equal('Trial ends 17 Dec 2026 · 20 days left');
    expect(cells(0)[3]).to.equal('50% of new cases Also when closed');
    expect(cells(1)[2]).to.equal('Unlimited');
    expect(cells(2)[2]).to.equal('Trial expired ended 24 Nov 2026');
    expect(cells(3)[2]).to.equal('Enterprise');
    expect(cells(4)[2]).to.equal('Trial ends 29 Nov 2026 · 2 days left');
    expect(cells(1)[3]).to.equal('100% of new cases Not when closed');
    expect(cells(0)[5]).to.equal(new Intl.NumberFormat('en-GB').format(data.messagingAgents.agents[0]!.engagedCases));
    // Badges carry their meaning in words and shape, not colour alone.
    const expired = bodyRows(el)[2]!.querySelector('[part="license-badge"]')!;
    expect(expired.classList.contains('danger')).to.equal(true);
    expectCleanText(el);
    await expect(el).to.be.accessible();
  });

  it('sorts licenses as an admin expects: Unlimited, other types, trials soonest-ending first, expired last', async () => {
    const el = await render();
    headerButton(el, 'license').click();
    await el.updateComplete;
    expect(names(el)).to.deep.equal(agentsBy([1, 5, 3, 4, 0, 2]));
    expect(headerCell(el, 'license').getAttribute('aria-sort')).to.equal('ascending');
    headerButton(el, 'license').click();
    await el.updateComplete;
    expect(names(el)).to.deep.equal(agentsBy([2, 0, 4, 3, 1, 5]));
  });

  it('sorts engagement by share of new cases, then by also working when closed', async () => {
    const el = await render();
    const button = headerButton(el, 'engagement');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(names(el)).to.deep.equal(agentsBy([3, 5, 0, 4, 1, 2]));
    expect(headerCell(el, 'engagement').getAttribute('aria-sort')).to.equal('ascending');
  });

  it('filters by agent or entity name, says how many are shown, and has a distinct no-matches state', async () => {
    const el = await render();
    const input = byRole<HTMLInputElement>(el, 'searchbox', 'Filter by agent or entity')!;
    input.focus();
    const changed = oneEvent(el, 'ai-filter-change');
    await sendKeys({ type: 'maja' });
    await changed;
    await waitUntil(() => el.filter === 'maja', `the filter is “${el.filter}”, not the word typed`);
    await el.updateComplete;
    expect(names(el)).to.deep.equal([data.messagingAgents.agents[0]!.name]);
    expect(text(byRole(el, 'status'))).to.equal('Showing 1 of 6 agents.');
    expect(text(byRole(byPart(el, 'totals-row')!, 'rowheader'))).to.equal('Total of 1 shown');

    el.filter = 'no such agent';
    await el.updateComplete;
    const panel = byPart(el, 'no-matches-state')!;
    expect(text(panel)).to.contain('No agents match “no such agent”.');
    expect(byPart(el, 'empty-state')).to.equal(null);
    await expect(el).to.be.accessible();
    byRole(panel, 'button', 'Clear filter')!.click();
    await el.updateComplete;
    expect(bodyRows(el)).to.have.length(6);
  });

  it('keeps focus in the filter box while the results come and go, and after Clear filter', async () => {
    const el = await render();
    const input = () => byRole<HTMLInputElement>(el, 'searchbox', 'Filter by agent or entity')!;
    const original = input();
    original.focus();
    await sendKeys({ type: 'zz' });
    await el.updateComplete;
    expect(byPart(el, 'no-matches-state')).to.exist;
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'ma' });
    await el.updateComplete;
    expect(input()).to.equal(original);
    expect(shadow(el).activeElement).to.equal(original);
    expect(el.filter).to.equal('ma');
    el.filter = 'nothing here';
    await el.updateComplete;
    byRole(byPart(el, 'no-matches-state')!, 'button', 'Clear filter')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(original);
    expect(el.filter).to.equal('');
  });

  it('exports exactly what is shown as CSV: filtered, sorted, raw numbers, safe text', async () => {
    const el = await render();
    el.sort = 'engagedCases:desc';
    el.filter = 'a';
    await el.updateComplete;
    const shown = names(el);
    setTimeout(() => byRole(el, 'button', 'Export CSV')!.click());
    const event = await oneEvent(el, 'ai-export');
    event.preventDefault();
    expect(event.detail.filename).to.equal('ai-messaging-usage-2026-11.csv');
    const [header, ...rows] = parseCsv(event.detail.csv);
    expect(header).to.deep.equal([
      'Entity',
      'Entity type',
      'AI agent',
      'Agent ID',
      'License',
      'License status',
      'License ends',
      'New cases when open (%)',
      'Handles cases when closed',
      'Engagement',
      'Price (credits)',
      'Engaged cases',
    ]);
    expect(rows.map((r) => r[2]!.replace(/^'/, ''))).to.deep.equal(shown);
    const cases = rows.map((r) => Number(r[11]));
    expect(cases).to.deep.equal([...cases].sort((a, b) => b - a));
    expect(rows.every((r) => /^\d+$/.test(r[11]!))).to.equal(true);
    // The filter keeps the formula-like name (it contains an “a”): its row must be there, defused.
    const evil = rows.find((r) => r[2]!.includes('HYPERLINK'));
    expect(evil, 'the row whose agent name looks like a formula').to.exist;
    expect(evil![2]).to.equal('\'=HYPERLINK("http://evil.example","Click")');
    expect(event.detail.csv).to.contain('"Maja, ""the"" chat bot"');
    expect(event.detail.rowCount).to.equal(shown.length);
  });

  it('keeps rows with invalid values and marks them', async () => {
    const broken = structuredClone(data.messagingAgents) as unknown as { agents: Record<string, unknown>[] };
    broken.agents[1]!.engagedCases = 'many';
    broken.agents[2]!.priceCredits = null;
    const el = await fixture<AiMessagingUsage>(
      html`<ai-messaging-usage .dataSource=${createMemoryDataSource({ messagingAgents: broken as unknown as MessagingAgentsResponse })}></ai-messaging-usage>`,
    );
    await settled(el);
    expect(bodyRows(el)).to.have.length(6);
    expect(text(byPart(el, 'notice'))).to.contain('2 agents have invalid data');
    expect(text(bodyRows(el)[2]!.cells[4])).to.equal('—not available');
    expectCleanText(el);
    await expect(el).to.be.accessible();
  });

  it('loads by endpoint alone, over HTTP, with the data time in the organization’s zone', async () => {
    const expected = (await (await fetch('/api/ai-usage/messaging/agents')).json()) as MessagingAgentsResponse;
    const el = await fixture<AiMessagingUsage>(html`<ai-messaging-usage endpoint="/api/ai-usage/" locale="en-GB"></ai-messaging-usage>`);
    await settled(el);
    expect(bodyRows(el)).to.have.length(expected.agents.length);
    const asOf = [...byPart(el, 'summary')!.querySelectorAll('bdi')].map((b) => text(b)).find((t) => t.startsWith('Data as of'));
    expect(asOf).to.match(/^Data as of .+ (CET|CEST|GMT\+1|GMT\+2)$/);
  });

  it('shows the error state with Retry on a failing backend', async () => {
    const el = await fixture<AiMessagingUsage>(html`<ai-messaging-usage endpoint="/api/scenarios/status=503/"></ai-messaging-usage>`);
    await settled(el, 'state');
    expect(text(byPart(el, 'error-state'))).to.contain('HTTP 503');
    await expect(el).to.be.accessible();
  });
});
