/**
 * The contract's 0.2 surface on every data element: the reflected `status` in every state (set in
 * the update that renders it, so a host that arrives late can read it), and time limits on every
 * request, GET and POST, against a demo backend that never answers or trickles bytes over real HTTP.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../../src/index.js';
import type { AiVoiceUsage } from '../../src/index.js';
import type { UsageDataSource } from '../../src/data.js';
import { serverLog, shadow, text, uniqueTag } from './helpers.js';

const TAGS = ['ai-voice-usage', 'ai-messaging-usage', 'ai-usage-history', 'ai-usage-calls'] as const;
type DataElement = HTMLElement & { status: string; reload(): Promise<unknown>; updateComplete: Promise<unknown> };
/** The operation each element's status follows. */
const OPERATION = { 'ai-voice-usage': 'voice/agents', 'ai-messaging-usage': 'messaging/agents', 'ai-usage-history': 'voice/history', 'ai-usage-calls': 'voice/calls' };

const wait = { timeout: 8000 };
const statusIs = (el: Element, status: string) => waitUntil(() => el.getAttribute('status') === status, `status never became ${status}`, wait);
const panel = (el: Element, kind: string) => shadow(el).querySelector(`[part~="${kind}-state"]`);

async function make(tag: (typeof TAGS)[number], attrs: string, source?: UsageDataSource): Promise<DataElement> {
  const t = unsafeStatic(tag);
  const el = await fixture<DataElement>(staticHtml`<${t} locale="en-GB" time-zone="Europe/Stockholm" month="2026-11" .dataSource=${source}></${t}>`);
  for (const [name, value] of attrs
    .split(' ')
    .filter(Boolean)
    .map((a) => a.split('=')))
    el.setAttribute(name!, value ?? '');
  return el;
}

/** A source whose every call waits until it is aborted. */
const stalled = (): UsageDataSource => {
  const never = (params: { signal?: AbortSignal }) =>
    new Promise<never>((_, reject) => params.signal?.addEventListener('abort', () => reject(params.signal!.reason), { once: true }));
  return { getVoiceAgents: never, getVoicePlan: never, activateVoiceTrial: never, getVoiceHistory: never, getVoiceCalls: never, getMessagingAgents: never };
};

describe('status', () => {
  for (const tag of TAGS) {
    describe(`<${tag}>`, () => {
      it('is unconfigured, and says so, without a data source', async () => {
        const el = await make(tag, '');
        await el.updateComplete;
        expect(el.getAttribute('status')).to.equal('unconfigured');
        expect(text(panel(el, 'unconfigured'))).to.contain('No data source.');
        await expect(el).to.be.accessible();
      });

      it('is loading while the answer is on its way, with the loading state on screen', async () => {
        const el = await make(tag, '', stalled());
        await el.updateComplete;
        expect(el.getAttribute('status')).to.equal('loading');
        expect(shadow(el).querySelector('[aria-busy="true"]'), 'a busy placeholder').to.exist;
        await expect(el).to.be.accessible();
      });

      it('is ready in the same update that shows the data, before ai-load', async () => {
        const el = await make(tag, '');
        const seen: string[] = [];
        el.addEventListener('ai-load', () => seen.push(`${el.getAttribute('status')}:${shadow(el).querySelectorAll('tbody tr:not(.loading), svg.chart').length > 0}`));
        el.setAttribute('endpoint', '/api/ai-usage/');
        await oneEvent(el, 'ai-load');
        expect(seen).to.deep.equal(['ready:true']);
        expect(el.status).to.equal('ready');
        await expect(el).to.be.accessible();
      });

      it('is empty when the backend has nothing to show', async () => {
        const el = await make(tag, 'endpoint=/api/scenarios/empty/');
        if (tag === 'ai-usage-history') {
          // Every month of the period is a row: an organization without agents has months of zero.
          await statusIs(el, 'ready');
          expect(text(shadow(el).querySelector('[part="chart-summary"]'))).to.match(/\b0 billable minutes\b/);
        } else {
          await statusIs(el, 'empty');
          expect(panel(el, 'empty'), 'the empty state').to.exist;
        }
        await expect(el).to.be.accessible();
      });

      it('is error once the error state with Retry is shown, with one ai-error', async () => {
        // `<ai-usage-history>` also passes on its calls list's error: count the element's own operation's.
        const errors: Event[] = [];
        const el = await make(tag, '');
        el.addEventListener('ai-error', (e) => {
          if ((e as CustomEvent).detail.error.operation === OPERATION[tag]) errors.push(e);
        });
        el.setAttribute('endpoint', '/api/scenarios/status=500/');
        await statusIs(el, 'error');
        await waitUntil(() => errors.length > 0, 'no ai-error', wait);
        expect(panel(el, 'error')?.querySelector('[part="retry-button"]')).to.exist;
        expect(errors).to.have.length(1);
        await expect(el).to.be.accessible();
        // Retry: loading again, then error again, and one more event.
        (panel(el, 'error')!.querySelector('[part="retry-button"]') as HTMLButtonElement).click();
        await statusIs(el, 'error');
        await waitUntil(() => errors.length === 2, 'no second ai-error', wait);
      });
    });
  }

  it('follows the shown tab in <ai-licenses-usage>', async () => {
    const el = await fixture<DataElement>(html`<ai-licenses-usage endpoint="/api/scenarios/empty/" locale="en-GB"></ai-licenses-usage>`);
    await statusIs(el, 'empty');
    const bare = await fixture<DataElement>(html`<ai-licenses-usage></ai-licenses-usage>`);
    await bare.updateComplete;
    expect(bare.getAttribute('status')).to.equal('unconfigured');
  });
});

describe('time limits', () => {
  for (const flag of ['hang', 'trickle'] as const) {
    it(`ends a GET that ${flag === 'hang' ? 'never answers' : 'trickles bytes forever'} in the error state with Retry`, async () => {
      const tag = uniqueTag(flag);
      const errors: CustomEvent[] = [];
      const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage request-timeout="400" @ai-error=${(e: CustomEvent) => errors.push(e)}></ai-voice-usage>`);
      el.endpoint = `/api/scenarios/${flag},tag=${tag}/`;
      await statusIs(el, 'error');
      expect(text(panel(el, 'error'))).to.contain('The server did not answer voice/agents within 0.4 seconds.');
      expect(panel(el, 'error')!.querySelector('[part="retry-button"]')).to.exist;
      await waitUntil(() => errors.length === 1, 'no ai-error', wait);
      expect((errors[0]!.detail.error as { kind: string }).kind).to.equal('timeout');
      expect((await serverLog(tag)).filter((r) => r.operation === 'voice/agents')).to.have.length(1);
      await expect(el).to.be.accessible();
    });
  }

  it('bounds a data source that ignores its signal', async () => {
    const ignoring: UsageDataSource = { ...stalled(), getMessagingAgents: () => new Promise(() => undefined) };
    const el = await fixture<DataElement>(html`<ai-messaging-usage request-timeout="200" .dataSource=${ignoring}></ai-messaging-usage>`);
    await statusIs(el, 'error');
    expect(text(panel(el, 'error'))).to.contain('messaging/agents within 0.2 seconds');
  });

  it('takes the provider’s limit for the elements inside it, and an element’s own over it', async () => {
    const wrapper = await fixture(
      html`<ai-usage-provider endpoint="/api/scenarios/hang/" request-timeout="300">
        <ai-messaging-usage></ai-messaging-usage>
        <ai-voice-usage request-timeout="60000"></ai-voice-usage>
      </ai-usage-provider>`,
    );
    const messaging = wrapper.querySelector('ai-messaging-usage')!;
    const voice = wrapper.querySelector('ai-voice-usage')!;
    await statusIs(messaging, 'error');
    expect(text(panel(messaging, 'error'))).to.contain('within 0.3 seconds');
    expect(voice.getAttribute('status')).to.equal('loading');
  });

  it('waits 30 seconds by default', async () => {
    const el = await fixture<DataElement & { effectiveRequestTimeout: number }>(html`<ai-voice-usage></ai-voice-usage>`);
    expect(el.effectiveRequestTimeout).to.equal(30000);
    el.setAttribute('request-timeout', 'soon');
    expect(el.effectiveRequestTimeout).to.equal(30000);
  });
});

describe('trial activation with a lost answer', () => {
  const configure = (el: Element) => shadow(shadow(el).querySelector('ai-voice-configure')!);
  const dialogText = (el: Element) => text(configure(el).querySelector('dialog'));
  const posts = async (tag: string) => (await serverLog(tag)).filter((r) => r.method === 'POST' && r.operation === 'voice/trial');

  async function ready(flags: string) {
    const tag = uniqueTag('lost');
    const endpoint = `/api/scenarios/seed=${Math.floor(Math.random() * 1e6)},tag=${tag},${flags}/`;
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage endpoint=${endpoint} locale="en-GB" request-timeout="500"></ai-voice-usage>`);
    await statusIs(el, 'ready');
    await waitUntil(() => text(configure(el).querySelector('[role="menuitem"]')) === 'Activate trial…', 'plan never loaded', wait);
    await el.openConfigureDialog('trial');
    return { el, tag };
  }

  it('says the outcome is unknown after a POST times out, re-reads the plan, and only then offers activation again', async () => {
    const { el, tag } = await ready('hang-trial');
    (configure(el).querySelector('.activate') as HTMLButtonElement).click();
    await waitUntil(() => dialogText(el).includes('couldn’t confirm the activation'), 'no unknown-outcome message', wait);
    expect(dialogText(el)).to.contain('The server did not answer voice/trial within 0.5 seconds');
    expect(dialogText(el)).to.contain('still available');
    expect(text(configure(el).querySelector('.activate'))).to.equal('Try again');
    const log = await serverLog(tag);
    const post = log.findIndex((r) => r.method === 'POST');
    expect(
      log.slice(post + 1).some((r) => r.operation === 'voice/plan'),
      'voice/plan read again after the POST',
    ).to.equal(true);
    expect(await posts(tag)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('shows the trial active when the re-read says the unreadable answer did activate it', async () => {
    const { el, tag } = await ready('trial-unreadable');
    const activated = oneEvent(el, 'ai-trial-activated');
    (configure(el).querySelector('.activate') as HTMLButtonElement).click();
    expect((await activated).detail.trial.status).to.equal('active');
    await waitUntil(() => dialogText(el).includes('The trial is active'), 'not shown active', wait);
    expect(await posts(tag)).to.have.length(1);
  });

  it('shares one activation between the elements on one backend', async () => {
    const tag = uniqueTag('shared');
    const endpoint = `/api/scenarios/seed=${Math.floor(Math.random() * 1e6)},tag=${tag}/`;
    const wrapper = await fixture(
      html`<div>
        <ai-voice-usage endpoint=${endpoint} locale="en-GB"></ai-voice-usage>
        <ai-voice-usage endpoint=${endpoint} locale="en-GB"></ai-voice-usage>
      </div>`,
    );
    const [a, b] = [...wrapper.querySelectorAll('ai-voice-usage')];
    for (const el of [a!, b!]) await waitUntil(() => text(configure(el).querySelector('[role="menuitem"]')) === 'Activate trial…', 'plan never loaded', wait);
    await Promise.all([a!.activateTrial(), b!.activateTrial()]);
    await waitUntil(() => text(configure(b!).querySelector('[role="menuitem"]')).startsWith('Trial active'), 'the other element never showed it', wait);
    expect(text(configure(a!).querySelector('[role="menuitem"]'))).to.match(/^Trial active/);
    expect(await posts(tag)).to.have.length(1);
  });
});
