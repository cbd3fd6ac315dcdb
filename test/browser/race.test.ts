/**
 * The race rule, as a property: whatever order the answers arrive in, the data of the latest request
 * ends on screen. A scripted data source hands every answer to fast-check's scheduler, which releases
 * them in an order it chooses, interleaved with the test changing the element's inputs (data source,
 * month, agent, filter, sort). Each answer names the request it answers, so the screen says which one won.
 * A failure prints fast-check's seed, path and the order the scheduler chose.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/index.js';
import type { AiUsageCalls, AiVoiceUsage } from '../../src/index.js';
import type { UsageDataSource, VoiceAgent, VoiceCallsParams, VoicePlan } from '../../src/data.js';
import { rowTexts, shadow, text } from './helpers.js';

/** Few runs (each renders a real element several times in Chromium); a failure says which assertion failed. */
const RUNS = { numRuns: 25, includeErrorInReport: true };
const SOURCES = ['North', 'South', 'East', 'West'] as const;
type SourceName = (typeof SOURCES)[number];

const PLAN: VoicePlan = { trial: { status: 'unavailable' }, currentPlanId: null, plans: [] };

/** Resolves with `answer` when the scheduler says so; rejects at once when aborted, if `honoursAbort`. */
function answered<T>(s: fc.Scheduler, answer: T, label: string, signal: AbortSignal | undefined, honoursAbort: boolean): Promise<T> {
  const released = s.schedule(Promise.resolve(answer), label);
  if (!honoursAbort || !signal) return released;
  return new Promise<T>((resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    released.then(resolve, reject);
  });
}

function agent(source: SourceName, name: string, calls: number): VoiceAgent {
  return {
    id: `${source}-${name}`,
    name: `${name} of ${source}`,
    active: true,
    entity: { id: `${source}-e`, name: `Desk ${source}`, type: 'response-group' },
    activatedAt: '2026-01-01T00:00:00Z',
    callsEngagedThisMonth: calls,
    callsHandledSinceActivation: calls * 10,
    billableMinutesThisMonth: calls * 2,
    billableMinutesSinceActivation: calls * 20,
    nonBillableCallsThisMonth: 1,
    nonBillableCallsSinceActivation: 2,
  };
}

/** A source whose `voice/agents` answer waits for the scheduler; its agents are named after it. */
function voiceSource(s: fc.Scheduler, name: SourceName, honoursAbort: boolean): UsageDataSource {
  const body = { month: '2026-11', timeZone: 'Europe/Stockholm', agents: [agent(name, 'Astrid', 3), agent(name, 'Bertil', 7)] };
  const never = () => Promise.reject(new Error('not used in this test'));
  return {
    getVoiceAgents: ({ signal }) => answered(s, structuredClone(body), `${name}: voice/agents`, signal, honoursAbort),
    getVoicePlan: () => Promise.resolve(structuredClone(PLAN)),
    activateVoiceTrial: never,
    getVoiceHistory: never,
    getVoiceCalls: never,
    getMessagingAgents: never,
  };
}

/** Releases answers as the scheduler chooses until every scheduled answer and step has run and the element has settled. */
async function settle(s: fc.Scheduler, el: { updateComplete: Promise<unknown> }, steps: { done: boolean }): Promise<void> {
  for (let i = 0; i < 500; i++) {
    await el.updateComplete;
    if (s.count() > 0) await s.waitNext(1);
    else if (steps.done) {
      // A step's update may have asked for one more answer: release it too.
      await el.updateComplete;
      if (s.count() === 0) return;
    }
  }
  throw new Error('the element kept asking for answers');
}

const statusSettled = (el: Element) =>
  waitUntil(() => ['ready', 'empty'].includes(el.getAttribute('status') ?? ''), `status stayed ${el.getAttribute('status')}`, { timeout: 5000 });

describe('<ai-voice-usage>', () => {
  type Step = { kind: 'source'; name: SourceName } | { kind: 'filter'; value: string } | { kind: 'sort'; value: string | undefined } | { kind: 'reload' };
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...SOURCES).map((name) => ({ kind: 'source' as const, name })) },
    { weight: 1, arbitrary: fc.constantFrom('', 'astrid', 'BERTIL', 'of').map((value) => ({ kind: 'filter' as const, value })) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, 'name:asc', 'name:desc', 'callsEngagedThisMonth:desc').map((value) => ({ kind: 'sort' as const, value })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'reload' as const }) },
  );

  it('shows the agents of the latest data source, filtered and sorted as set last, whatever order the answers arrive in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.constantFrom(...SOURCES), fc.array(step, { minLength: 1, maxLength: 6 }), fc.boolean(), async (s, first, steps, honoursAbort) => {
        fixtureCleanup();
        const sources = new Map(SOURCES.map((name) => [name, voiceSource(s, name, honoursAbort)]));
        const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage locale="en-GB" .dataSource=${sources.get(first)}></ai-voice-usage>`);
        let latest: SourceName = first;
        let filter = '';
        let sort: string | undefined;
        const sequence = s.scheduleSequence(
          steps.map((st) => ({
            label: st.kind === 'source' ? `dataSource = ${st.name}` : st.kind === 'reload' ? 'reload()' : `${st.kind} = ${String(st.value)}`,
            builder: async () => {
              if (st.kind === 'source') el.dataSource = sources.get((latest = st.name));
              else if (st.kind === 'filter') el.filter = filter = st.value;
              else if (st.kind === 'sort') el.sort = sort = st.value;
              else void el.reload();
              await el.updateComplete;
            },
          })),
        );
        await settle(s, el, sequence);
        await statusSettled(el);

        // Only the latest source's agents, as the filter and sort set last say.
        let expected = [agent(latest, 'Astrid', 3), agent(latest, 'Bertil', 7)].filter((a) => filter === '' || a.name.toLowerCase().includes(filter.toLowerCase()));
        if (sort === 'name:desc' || sort === 'callsEngagedThisMonth:desc') expected = expected.reverse();
        const names = rowTexts(el).map((cells) => cells.join(' '));
        const agentRows = names.filter((row) => !/^Total/i.test(row));
        expect(agentRows.length, `rows: ${names.join(' | ')}`).to.equal(expected.length);
        expected.forEach((a, i) => expect(agentRows[i], `row ${i + 1}`).to.contain(a.name));
        for (const other of SOURCES.filter((n) => n !== latest)) expect(text(shadow(el) as unknown as Element)).not.to.contain(`of ${other}`);
        expect(el.getAttribute('status')).to.equal('ready');
      }),
      RUNS,
    );
    // The state the last run ended in, checked by axe once (not in every run: axe takes a while).
    const el = document.querySelector('ai-voice-usage')!;
    await expect(el).to.be.accessible();
  });
});

describe('<ai-usage-calls>', () => {
  type Step =
    { kind: 'source'; name: SourceName } | { kind: 'month'; value: string } | { kind: 'agent'; value: string | undefined } | { kind: 'sort'; value: string } | { kind: 'reload' };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.constantFrom(...SOURCES).map((name) => ({ kind: 'source' as const, name })),
    fc.constantFrom('2026-09', '2026-10', '2026-11').map((value) => ({ kind: 'month' as const, value })),
    fc.constantFrom(undefined, 'a1', 'a2').map((value) => ({ kind: 'agent' as const, value })),
    fc.constantFrom('startedAt:desc', 'startedAt:asc', 'durationSeconds:desc', 'agentName:asc').map((value) => ({ kind: 'sort' as const, value })),
    fc.constant({ kind: 'reload' as const }),
  );

  /** A source whose every `voice/calls` answer waits for the scheduler and names the request it answers. */
  function callsSource(s: fc.Scheduler, name: SourceName, honoursAbort: boolean): UsageDataSource {
    const never = () => Promise.reject(new Error('not used in this test'));
    return {
      getVoiceCalls: (params: VoiceCallsParams) => {
        const label = `${name} ${params.month} ${params.agentId ?? 'all'} ${params.sort.key}:${params.sort.direction}`;
        const page = {
          total: 1,
          items: [
            {
              id: `${name}-1`,
              startedAt: `${params.month}-15T10:00:00Z`,
              durationSeconds: 75,
              agentId: params.agentId ?? 'a1',
              agentName: label,
              takenBy: { kind: 'ai-agent', name: 'Assistant' },
              billable: true,
            },
          ],
        };
        return answered(s, page, `voice/calls: ${label}`, params.signal, honoursAbort);
      },
      getVoiceAgents: never,
      getVoicePlan: never,
      activateVoiceTrial: never,
      getVoiceHistory: never,
      getMessagingAgents: never,
    };
  }

  it('shows the calls of the latest request (source, month, agent and sort), whatever order the answers arrive in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(step, { minLength: 1, maxLength: 6 }), fc.boolean(), async (s, steps, honoursAbort) => {
        fixtureCleanup();
        const sources = new Map(SOURCES.map((name) => [name, callsSource(s, name, honoursAbort)]));
        const el = await fixture<AiUsageCalls>(
          html`<ai-usage-calls locale="en-GB" time-zone="Europe/Stockholm" month="2026-11" from="2026-09" to="2026-11" .dataSource=${sources.get('North')}></ai-usage-calls>`,
        );
        const latest = { source: 'North' as SourceName, month: '2026-11', agent: undefined as string | undefined, sort: 'startedAt:desc' };
        const sequence = s.scheduleSequence(
          steps.map((st) => ({
            label: st.kind === 'source' ? `dataSource = ${st.name}` : st.kind === 'reload' ? 'reload()' : `${st.kind} = ${String(st.value)}`,
            builder: async () => {
              if (st.kind === 'source') el.dataSource = sources.get((latest.source = st.name));
              else if (st.kind === 'month') el.month = latest.month = st.value;
              else if (st.kind === 'agent') el.agentId = latest.agent = st.value;
              else if (st.kind === 'sort') el.sort = latest.sort = st.value;
              else void el.reload();
              await el.updateComplete;
            },
          })),
        );
        await settle(s, el, sequence);
        await statusSettled(el);

        const expected = `${latest.source} ${latest.month} ${latest.agent ?? 'all'} ${latest.sort}`;
        const rows = rowTexts(el).map((cells) => cells.join(' '));
        expect(rows.length, `rows: ${rows.join(' | ')}`).to.equal(1);
        expect(rows[0]).to.contain(expected);
        expect(el.getAttribute('status')).to.equal('ready');
      }),
      RUNS,
    );
    const el = document.querySelector('ai-usage-calls')!;
    await expect(el).to.be.accessible();
  });
});
