/**
 * A big answer end to end in a real browser: 20,000 agents streamed from a REST backend are read
 * as they arrive and validated in slices, then shown, filtered and sorted like a small list.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { AiVoiceUsage } from '../../src/index.js';
import { createRestDataSource } from '../../src/data.js';
import { bodyRows, byPart, byRole, headerButton, shadow, text } from './helpers.js';

const COUNT = 20_000;

/** 20,000 agents in a scrambled order, named `Agent 0` … `Agent 19999`, ASCII only; every 500th one has a bad value. */
const agents = Array.from({ length: COUNT }, (_, i) => {
  const n = (i * 7919) % COUNT;
  return {
    id: `va-${n}`,
    name: `Agent ${n}`,
    active: n % 3 !== 0,
    entity: { id: `e-${n % 40}`, name: `Team ${n % 40}, "desk" [${n % 7}]`, type: 'phone-number' },
    activatedAt: '2026-01-05T09:00:00+01:00',
    callsEngagedThisMonth: n % 500 === 0 ? -1 : n % 97,
    callsHandledSinceActivation: n,
    billableMinutesThisMonth: (n % 1000) / 4,
    billableMinutesSinceActivation: n,
    nonBillableCallsThisMonth: n % 5,
    nonBillableCallsSinceActivation: n % 11,
  };
});
const body = JSON.stringify({ month: '2026-11', timeZone: 'Europe/Stockholm', agents });

/** A backend that sends the answer in 16 KB chunks, a task apart, without a Content-Length. */
function streamingFetch(): typeof fetch {
  return async () => {
    const bytes = new TextEncoder().encode(body);
    let at = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve));
        controller.enqueue(bytes.subarray(at, at + 16_384));
        at += 16_384;
        if (at >= bytes.length) controller.close();
      },
    });
    return new Response(stream, { headers: { 'content-type': 'application/json' } });
  };
}

/** `<ai-voice-usage>` on that backend, once its rows are shown. */
async function big(): Promise<AiVoiceUsage> {
  const el = await fixture<AiVoiceUsage>(
    html`<ai-voice-usage
      style="display:block;width:1000px;--ai-usage-table-max-height:600px"
      locale="en-US"
      .dataSource=${createRestDataSource({ baseUrl: '/big/', fetch: streamingFetch() })}
    ></ai-voice-usage>`,
  );
  await waitUntil(() => bodyRows(el).length > 0, 'no rows shown', { timeout: 20_000 });
  return el;
}

const names = (el: Element) => bodyRows(el).map((tr) => text(tr.querySelector('[part~="row-header"] [title]')));

describe('a big answer', () => {
  it('is read, validated and shown in full: every agent counted, bad values reported', async () => {
    const el = await big();
    expect(text(byPart(el, 'summary'))).to.contain('20,000 agents');
    expect(shadow(el).querySelector('table:not(.skeleton)')!.getAttribute('aria-rowcount')).to.equal(String(COUNT + 3));
    expect(text(shadow(el) as unknown as Element)).to.contain(`${COUNT / 500} agents have invalid data`);
    expect(bodyRows(el).length).to.be.greaterThan(5).and.lessThan(100);
  });

  it('filters and sorts 20,000 rows as it does a few', async () => {
    const el = await big();
    headerButton(el, 'name').click();
    await el.updateComplete;
    expect(names(el).slice(0, 3)).to.deep.equal(['Agent 0', 'Agent 1', 'Agent 2']);
    headerButton(el, 'name').click();
    await el.updateComplete;
    expect(names(el)[0]).to.equal('Agent 19999');

    // ASCII data: the filter's folding is lower-casing, so the expected rows are easy to count.
    el.filter = 'agent 1999 team';
    await el.updateComplete;
    const expected = agents.filter((a) => ['agent', '1999', 'team'].every((w) => `${a.name}\n${a.entity.name}`.toLowerCase().includes(w)));
    expect(text(byRole(el, 'status'))).to.equal(`Showing ${expected.length} of 20,000 agents, 40 with invalid data.`);
    expect(names(el)).to.deep.equal(expected.map((a) => a.name).sort((a, b) => Number(b.slice(6)) - Number(a.slice(6))));
  });
});
