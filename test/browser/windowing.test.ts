/**
 * Long tables: above the threshold only the rows in view are in the DOM, between spacer rows, and
 * the table still reads as the whole list (row count and indices, sort, totals, keyboard scrolling,
 * narrow layout, CSV export of every row). Up to the threshold every row is there.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AiMessagingUsage, AiUsageCalls, AiUsageHistory, AiVoiceUsage } from '../../src/index.js';
import { createMemoryDataSource } from '../../src/data.js';
import { createDemoData } from '../../src/demo-data.js';
import { WINDOW_THRESHOLD } from '../../src/table/window.js';
import { bodyRows, byPart, byRole, headerButton, headerCell, settled, shadow, text } from './helpers.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const demo = (voiceAgents: number, messagingAgents = 8) => createDemoData({ seed: 7, voiceAgents, messagingAgents, month: '2026-11', now: NOW, callMonths: [] });

async function voice(agents: number, width = 1000): Promise<AiVoiceUsage> {
  const el = await fixture<AiVoiceUsage>(
    html`<ai-voice-usage
      style="display:block;width:${width}px;--ai-usage-table-max-height:600px"
      locale="en-US"
      .dataSource=${createMemoryDataSource(demo(agents))}
    ></ai-voice-usage>`,
  );
  await settled(el);
  return el;
}

const scroller = (el: Element) => byPart<HTMLElement>(el, 'scroller')!;
const table = (el: Element) => shadow(el).querySelector<HTMLTableElement>('table:not(.skeleton)')!;
const rowIndices = (el: Element) => bodyRows(el).map((tr) => Number(tr.getAttribute('aria-rowindex')));
const names = (el: Element) => bodyRows(el).map((tr) => text(tr.querySelector('[part~="row-header"] [title]')));
const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

describe('windowed tables', () => {
  it('renders every row up to the threshold, without row indices', async () => {
    const el = await voice(WINDOW_THRESHOLD);
    expect(bodyRows(el)).to.have.length(WINDOW_THRESHOLD);
    expect(shadow(el).querySelector('tr.spacer')).to.equal(null);
    expect(table(el).hasAttribute('aria-rowcount')).to.equal(false);
    expect(rowIndices(el).every((i) => i === 0)).to.equal(true);
  });

  it('above it, renders a window of rows and says where they are in the whole list', async () => {
    const el = await voice(1000);
    const rows = bodyRows(el);
    expect(rows.length).to.be.greaterThan(5).and.lessThan(80);
    // Two header rows (grouped columns), 1,000 agents, the totals row.
    expect(table(el).getAttribute('aria-rowcount')).to.equal('1003');
    expect(rowIndices(el).slice(0, 3)).to.deep.equal([3, 4, 5]);
    expect(shadow(el).querySelector('tfoot tr')!.getAttribute('aria-rowindex')).to.equal('1003');
    // The spacer keeps the scroll height of the whole list, and is hidden from assistive tech.
    const spacer = shadow(el).querySelector('tbody tr.spacer:last-child')!;
    expect(spacer.getAttribute('aria-hidden')).to.equal('true');
    expect(scroller(el).scrollHeight).to.be.greaterThan(rows[0]!.getBoundingClientRect().height * 900);
    expect(text(byPart(el, 'summary'))).to.contain('1,000 agents');
    await expect(el).to.be.accessible();
  });

  it('follows scrolling: the rows in view are always in the DOM, up to the last one', async () => {
    const el = await voice(1000);
    const box = scroller(el);
    box.scrollTop = box.scrollHeight / 2;
    await frame();
    const middle = rowIndices(el);
    expect(middle[0]).to.be.greaterThan(400);
    const visible = bodyRows(el).filter((tr) => {
      const r = tr.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      return r.bottom > b.top && r.top < b.bottom;
    });
    expect(visible.length).to.be.greaterThan(5);
    box.scrollTop = box.scrollHeight;
    await frame();
    expect(rowIndices(el).at(-1)).to.equal(1002);
    // The last row sits right above the totals row: no gap, no overlap.
    const last = bodyRows(el).at(-1)!.getBoundingClientRect();
    const totals = shadow(el).querySelector('tfoot tr')!.getBoundingClientRect();
    expect(Math.abs(totals.top - last.bottom)).to.be.lessThan(2);
    await expect(el).to.be.accessible();
  });

  it('is operated from the keyboard: End in the focused table scrolls to the last rows', async () => {
    const el = await voice(600);
    scroller(el).focus();
    await sendKeys({ press: 'End' });
    await waitUntil(() => rowIndices(el).at(-1) === 602, 'the last row did not come into the DOM');
    expect(shadow(el).activeElement).to.equal(scroller(el));
  });

  it('sorts the whole list, not the window: the first row is the largest of all', async () => {
    const data = demo(1000);
    const el = await voice(1000);
    const max = Math.max(...data.voiceAgents.agents.map((a) => a.billableMinutesThisMonth));
    headerButton(el, 'billableMinutesThisMonth').click();
    await el.updateComplete;
    headerButton(el, 'billableMinutesThisMonth').click();
    await el.updateComplete;
    expect(headerCell(el, 'billableMinutesThisMonth').getAttribute('aria-sort')).to.equal('descending');
    const top = data.voiceAgents.agents.find((a) => a.billableMinutesThisMonth === max)!;
    expect(names(el)[0]).to.equal(top.name);
    expect(rowIndices(el)[0]).to.equal(3);
  });

  it('the totals add up every row, not the rows in the DOM', async () => {
    const data = demo(1000);
    const el = await voice(1000);
    const sum = data.voiceAgents.agents.reduce((s, a) => s + a.callsEngagedThisMonth, 0);
    const totals = [...shadow(el).querySelectorAll('tfoot td')].map((c) => text(c));
    expect(totals).to.include(sum.toLocaleString('en-US'));
  });

  it('a filter down to the threshold or fewer shows every match, without indices', async () => {
    const el = await voice(1000);
    // One entity's agents: fewer than the threshold.
    el.filter = 'Växel Stockholm';
    await el.updateComplete;
    await frame();
    const shown = bodyRows(el);
    expect(shown.length).to.be.greaterThan(0).and.at.most(WINDOW_THRESHOLD);
    expect(shadow(el).querySelector('tr.spacer')).to.equal(null);
    expect(table(el).hasAttribute('aria-rowcount')).to.equal(false);
    expect(shown.every((tr) => !tr.hasAttribute('aria-rowindex'))).to.equal(true);
  });

  it('exports every row as CSV, not only the ones in the DOM', async () => {
    const el = await voice(1000);
    setTimeout(() => byRole(el, 'button', 'Export CSV')!.click());
    const event = await oneEvent(el, 'ai-export');
    event.preventDefault();
    const lines = (event.detail.csv as string).trim().split(/\r?\n/);
    // Header, 1,000 agents, and the totals line.
    expect(lines.length).to.be.at.least(1001);
  });

  it('keeps the narrow layout: the agent column stays in view while the numbers scroll sideways', async () => {
    const el = await voice(1000, 360);
    const box = scroller(el);
    box.scrollLeft = 200;
    box.scrollTop = 3000;
    await frame();
    const header = bodyRows(el)[5]!.querySelector<HTMLElement>('[part~="row-header"]')!;
    expect(getComputedStyle(header).position).to.equal('sticky');
    expect(Math.abs(header.getBoundingClientRect().left - box.getBoundingClientRect().left)).to.be.lessThan(3);
    await expect(el).to.be.accessible();
  });

  it('windows the messaging table too', async () => {
    const el = await fixture<AiMessagingUsage>(
      html`<ai-messaging-usage style="display:block;--ai-usage-table-max-height:500px" locale="en-US" .dataSource=${createMemoryDataSource(demo(4, 800))}></ai-messaging-usage>`,
    );
    await settled(el);
    expect(bodyRows(el).length).to.be.lessThan(80);
    expect(table(el).getAttribute('aria-rowcount')).to.equal(String(800 + 1 + 1));
    await expect(el).to.be.accessible();
  });

  it('an answer with thousands of invalid values lists the first 100 problems and counts the rest; no row is lost', async () => {
    const data = demo(1200);
    for (const agent of data.voiceAgents.agents) (agent as unknown as Record<string, unknown>).callsEngagedThisMonth = 'lots';
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage locale="en-US" .dataSource=${createMemoryDataSource(data)}></ai-voice-usage>`);
    await settled(el);
    const items = [...byPart(el, 'notice')!.querySelectorAll('li')].map((li) => text(li));
    expect(items).to.have.length(101);
    expect(items.at(-1)).to.equal('…and 1,100 more.');
    expect(text(byPart(el, 'notice'))).to.contain('1,200 agents have invalid data');
    expect(table(el).getAttribute('aria-rowcount')).to.equal('1203');
    await expect(el).to.be.accessible();
  });

  it('with its height limit lifted, follows the scrolling of the page instead', async () => {
    const el = await fixture<AiVoiceUsage>(
      html`<ai-voice-usage style="display:block;--ai-usage-table-max-height:none" locale="en-US" .dataSource=${createMemoryDataSource(demo(1000))}></ai-voice-usage>`,
    );
    await settled(el);
    const tbody = shadow(el).querySelector('table:not(.skeleton) tbody')!;
    scrollTo(0, tbody.getBoundingClientRect().top + scrollY + tbody.getBoundingClientRect().height / 2);
    try {
      await waitUntil(() => rowIndices(el)[0]! > 400, 'the window did not follow the page');
      const inView = bodyRows(el).filter((tr) => {
        const r = tr.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      });
      expect(inView.length).to.be.greaterThan(5);
      expect(bodyRows(el).length).to.be.lessThan(100);
    } finally {
      scrollTo(0, 0);
    }
  });

  it('keeps every column at its width while the window moves through the list', async () => {
    const el = await voice(3000);
    const box = scroller(el);
    const widths = () => [...shadow(el).querySelectorAll('thead tr:last-child th, thead th[rowspan]')].map((th) => Math.round(th.getBoundingClientRect().width)).join(',');
    const seen = new Set<string>();
    for (let i = 0; i <= 10; i++) {
      box.scrollTop = (box.scrollHeight * i) / 10;
      await frame();
      seen.add(widths());
    }
    expect([...seen]).to.have.length(1);
  });

  it('follows a scrolling box in another shadow root (whose scroll events never reach the window)', async () => {
    const shell = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = shell.attachShadow({ mode: 'open' });
    root.innerHTML = '<div id="box" style="height:500px;overflow:auto"></div>';
    const box = root.getElementById('box')!;
    const el = document.createElement('ai-voice-usage') as AiVoiceUsage;
    el.locale = 'en-US';
    el.style.setProperty('--ai-usage-table-max-height', 'none');
    el.dataSource = createMemoryDataSource(demo(2000));
    box.append(el);
    await settled(el);
    box.scrollTop = box.scrollHeight / 2;
    await waitUntil(() => rowIndices(el)[0]! > 500, 'the window did not follow the box');
    const visible = bodyRows(el).filter((tr) => {
      const r = tr.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      return r.bottom > b.top && r.top < b.bottom;
    });
    expect(visible.length).to.be.greaterThan(5);
  });

  it('a render that changes nothing in the body leaves its rows alone (a selection stays)', async () => {
    const el = await voice(100);
    const tbody = shadow(el).querySelector('table:not(.skeleton) tbody')!;
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((records) => mutations.push(...records));
    observer.observe(tbody, { childList: true, subtree: true });
    el.requestUpdate();
    await el.updateComplete;
    el.filter = '';
    await el.updateComplete;
    observer.disconnect();
    expect(mutations).to.have.length(0);
  });

  it('renders a template cell into the cell, whatever the element renders before', async () => {
    const { append } = await import('../../src/table/dom.js');
    const host = await fixture<HTMLDivElement>(
      html`<div>
        <style></style>
        <table>
          <tbody>
            <tr>
              <td></td>
            </tr>
          </tbody>
        </table>
      </div>`,
    );
    const cell = host.querySelector('td')!;
    append(cell, html`<b>bold</b> text`, { host, renderBefore: host.querySelector('style') });
    expect(cell.textContent).to.equal('bold text');
    expect(host.firstElementChild!.localName).to.equal('style');
    expect(host.children).to.have.length(2);
  });

  it('the monthly table and the calls list keep their rows through a render that changes nothing', async () => {
    const data = createDemoData({ seed: 7, voiceAgents: 4, month: '2026-11', now: NOW });
    const el = await fixture<AiUsageHistory>(html`<ai-usage-history view="table" locale="en-US" .dataSource=${createMemoryDataSource(data)}></ai-usage-history>`);
    await waitUntil(() => shadow(el).querySelector('table:not(.skeleton) tbody tr[part~="row"]'), 'no monthly table');
    const calls = shadow(el).querySelector<AiUsageCalls>('ai-usage-calls')!;
    await waitUntil(() => calls.getAttribute('status') === 'ready', 'no calls');
    const bodies = [shadow(el).querySelector('table:not(.skeleton) tbody')!, shadow(calls).querySelector('table:not(.skeleton) tbody')!];
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((records) => mutations.push(...records));
    for (const body of bodies) observer.observe(body, { childList: true, subtree: true });
    el.requestUpdate();
    calls.requestUpdate();
    await el.updateComplete;
    await calls.updateComplete;
    observer.disconnect();
    expect(mutations).to.have.length(0);
  });
});
