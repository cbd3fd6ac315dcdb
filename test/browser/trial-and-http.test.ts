/**
 * The one write (trial activation) and HTTP failures, against the demo backend over real HTTP: one
 * activation per backend under one provider, one `Idempotency-Key` per user intent, a failure seen
 * even when the dialog was closed, Escape waiting for the answer; 401 as an expired session (with
 * `ai-session-expired`), 429 with `Retry-After`, no server words on screen, and requests aborted
 * when an element leaves the page.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AiVoiceUsage } from '../../src/index.js';
import { createMemoryDataSource, createRestDataSource, type UsageDataSource } from '../../src/data.js';
import { createDemoData } from '../../src/demo-data.js';
import { byRole, serverLog, shadow, text, uniqueTag } from './helpers.js';

const wait = { timeout: 8000 };
let seed = Math.floor(Math.random() * 1e6);
const scenario = (flags = '') => {
  const tag = uniqueTag('trial-http');
  return { tag, endpoint: `/api/scenarios/seed=${++seed},tag=${tag}${flags ? `,${flags}` : ''}/` };
};
type Logged = { method: string; operation: string; idempotencyKey?: string };
const log = async (tag: string) => (await serverLog(tag)) as Logged[];
const posts = async (tag: string) => (await log(tag)).filter((r) => r.method === 'POST' && r.operation === 'voice/trial');
const gets = async (tag: string, operation: string) => (await log(tag)).filter((r) => r.method === 'GET' && r.operation === operation);

const configure = (el: Element) => shadow(shadow(el).querySelector('ai-voice-configure')!);
const trialItem = (el: Element) => configure(el).querySelector<HTMLButtonElement>('[role="menuitem"]')!;
const dialog = (el: Element) => configure(el).querySelector<HTMLDialogElement>('dialog')!;
const activateButton = (el: Element) => dialog(el).querySelector<HTMLButtonElement>('.activate');
const statusIs = (el: Element, status: string) => waitUntil(() => el.getAttribute('status') === status, `status never became ${status}`, wait);
const planLoaded = (el: Element) => waitUntil(() => text(trialItem(el)) === 'Activate trial…', 'plan never loaded', wait);
const errorPanel = (el: Element) => shadow(el).querySelector('[part~="error-state"]');

async function voice(endpoint: string, timeout = 30000): Promise<AiVoiceUsage> {
  const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage endpoint=${endpoint} locale="en-GB" request-timeout=${timeout}></ai-voice-usage>`);
  await statusIs(el, 'ready');
  await planLoaded(el);
  return el;
}

describe('<ai-voice-usage>', () => {
  describe('trial activation', () => {
    it('shows the trial active in the second element under one provider after the first activates it, with one POST', async () => {
      const { tag, endpoint } = scenario('latency=150');
      const provider = await fixture(
        html`<ai-usage-provider endpoint=${endpoint}>
          <ai-voice-usage locale="en-GB"></ai-voice-usage>
          <ai-voice-usage locale="en-GB"></ai-voice-usage>
        </ai-usage-provider>`,
      );
      const [a, b] = [...provider.querySelectorAll<AiVoiceUsage>('ai-voice-usage')] as [AiVoiceUsage, AiVoiceUsage];
      for (const el of [a, b]) await planLoaded(el);
      await a.openConfigureDialog('trial');
      const activated = oneEvent(a, 'ai-trial-activated');
      activateButton(a)!.click();
      // While it is on its way, the other element's button joins it instead of sending another.
      await waitUntil(() => text(trialItem(b)) === 'Activating trial…', 'the other element never showed the activation', wait);
      await b.activateTrial();
      await activated;
      await waitUntil(() => text(trialItem(b)).startsWith('Trial active'), 'the second element still offers activation', wait);
      await b.openConfigureDialog('trial');
      expect(activateButton(b)).to.equal(null);
      expect(text(dialog(b))).to.match(/The trial is active until/);
      expect(await posts(tag)).to.have.length(1);
      await expect(b).to.be.accessible();
    });

    it('sends one Idempotency-Key per click, the same on "Try again" after an unknown outcome', async () => {
      const { tag, endpoint } = scenario('hang-trial');
      const el = await voice(endpoint, 600);
      await el.openConfigureDialog('trial');
      activateButton(el)!.click();
      await waitUntil(() => text(dialog(el)).includes('couldn’t confirm the activation'), 'no unknown outcome', wait);
      await waitUntil(() => text(activateButton(el)) === 'Try again', 'no Try again', wait);
      activateButton(el)!.click();
      await waitUntil(async () => (await posts(tag)).length === 2, 'no second POST', wait);
      await waitUntil(() => text(activateButton(el)) === 'Try again', 'second attempt never settled', wait);
      const [first, second] = await posts(tag);
      expect(first!.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
      expect(second!.idempotencyKey, 'the same intent, the same key').to.equal(first!.idempotencyKey);
      await expect(el).to.be.accessible();
    });

    it('shows a failure under the menu button when the dialog was closed before the answer came', async () => {
      const { tag, endpoint } = scenario('trial-fail=500,latency=400');
      const el = await voice(endpoint);
      await el.openConfigureDialog('trial');
      activateButton(el)!.click();
      await waitUntil(() => activateButton(el)?.getAttribute('aria-busy') === 'true', 'never busy', wait);
      // "Close" while it is on its way: the dialog goes, the answer is still awaited.
      byRole<HTMLButtonElement>(dialog(el), 'button', 'Close')!.click();
      await waitUntil(() => !dialog(el).open, 'dialog did not close');
      await waitUntil(() => configure(el).querySelector('.activation-notice'), 'the failure was never shown', wait);
      const notice = configure(el).querySelector('.activation-notice')!;
      expect(notice.getAttribute('role')).to.equal('alert');
      expect(dialog(el).open, 'nothing reopens by itself').to.equal(false);
      expect(text(notice)).to.contain('Couldn’t activate the AI Voice trial. The server answered voice/trial with HTTP 500.');
      expect(text(trialItem(el))).to.equal('Activate trial… (last try did not succeed)');
      await expect(el).to.be.accessible();
      // The details in the dialog, once the user opens it.
      byRole<HTMLButtonElement>(configure(el), 'button', 'Show the trial')!.click();
      await waitUntil(() => dialog(el).open, 'dialog did not open');
      expect(text(dialog(el).querySelector('[role="alert"]'))).to.contain('HTTP 500');
      expect(configure(el).querySelector('.activation-notice')).to.equal(null);
      expect(await posts(tag)).to.have.length(1);
    });

    it('keeps the trial dialog open on Escape while the activation is on its way, as the README says', async () => {
      const { endpoint } = scenario('hang-trial');
      const el = await voice(endpoint, 1500);
      await el.openConfigureDialog('trial');
      activateButton(el)!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => activateButton(el)?.getAttribute('aria-busy') === 'true', 'never busy', wait);
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'Escape' });
      expect(dialog(el).open, 'Escape closed the dialog during the activation').to.equal(true);
      await waitUntil(() => text(dialog(el)).includes('couldn’t confirm the activation'), 'the outcome never showed in the dialog', wait);
      expect(configure(el).querySelector('.activation-notice')).to.equal(null);
      // Settled: Escape closes it again.
      dialog(el).querySelector<HTMLElement>('[data-initial-focus]')!.focus();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog(el).open, 'Escape no longer closes the dialog');
    });
  });

  describe('HTTP failures', () => {
    it('shows "session expired" on a 401 and fires one ai-session-expired, retrying nothing by itself', async () => {
      const { tag, endpoint } = scenario('status=401');
      const seen: CustomEvent[] = [];
      const wrapper = await fixture<HTMLDivElement>(html`<div @ai-session-expired=${(e: CustomEvent) => seen.push(e)}></div>`);
      const el = document.createElement('ai-voice-usage');
      el.setAttribute('endpoint', endpoint);
      const failed = oneEvent(el, 'ai-error');
      wrapper.append(el);
      await failed;
      await statusIs(el, 'error');
      await el.updateComplete;
      expect(text(errorPanel(el))).to.contain('Your session has expired. Sign in again to see AI usage.');
      expect(text(errorPanel(el))).not.to.contain('permission');
      expect(seen).to.have.length(1);
      expect(seen[0]!.detail).to.deep.equal({ operation: 'voice/agents' });
      expect(seen[0]!.bubbles && seen[0]!.composed).to.equal(true);
      expect(byRole(errorPanel(el)!, 'button', 'Retry')).not.to.equal(null);
      await expect(el).to.be.accessible();
      expect(await gets(tag, 'voice/agents')).to.have.length(1);
      // Retry is the user's: one more request, one more event.
      const again = oneEvent(el, 'ai-session-expired');
      byRole<HTMLButtonElement>(errorPanel(el)!, 'button', 'Retry')!.click();
      await again;
      expect(await gets(tag, 'voice/agents')).to.have.length(2);
      expect(seen).to.have.length(2);
    });

    it('says when to try again on a 429 with Retry-After, and tries once more by itself when the time is up', async () => {
      const { tag, endpoint } = scenario('status=429,retry-after=1');
      const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage endpoint=${endpoint} locale="en-GB"></ai-voice-usage>`);
      await statusIs(el, 'error');
      expect(text(errorPanel(el))).to.contain('The server is busy. Try again in 1 second.');
      await expect(el).to.be.accessible();
      await waitUntil(async () => (await gets(tag, 'voice/agents')).length === 2, 'never tried again by itself', wait);
      await statusIs(el, 'error');
      await el.updateComplete;
      expect(text(errorPanel(el))).to.contain('The server is busy.');
      // Once only: the answer to the automatic retry waits for Retry (no loop).
      await waitUntil(async () => (await gets(tag, 'voice/plan')).length >= 1, 'plan never asked');
      expect(await gets(tag, 'voice/agents')).to.have.length(2);
    });

    it('shows the status code and words of its own, never the server’s status text or body', async () => {
      const hostile = '<img src=x onerror=alert(1)> Call 555-0100';
      const rest = createRestDataSource({
        baseUrl: '/nowhere/',
        fetch: async () => new Response(`<h1>${hostile}</h1>`, { status: 502, statusText: hostile, headers: { 'content-type': 'text/html' } }),
      });
      const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage .dataSource=${rest}></ai-voice-usage>`);
      await statusIs(el, 'error');
      expect(text(errorPanel(el))).to.contain('The server answered voice/agents with HTTP 502.');
      expect(text(shadow(el) as unknown as Element)).not.to.match(/555|onerror|img/);
      expect(shadow(el).querySelector('img')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('removed from the page', () => {
    it('aborts its request when removed, and loads again when put back', async () => {
      const data = createDemoData({ seed: 5, voiceAgents: 3, month: '2026-11' });
      const memory = createMemoryDataSource(data);
      const signals: AbortSignal[] = [];
      const source: UsageDataSource = {
        ...memory,
        getVoiceAgents: (params) => {
          signals.push(params.signal!);
          // The first request never answers by itself; the next ones do.
          if (signals.length > 1) return memory.getVoiceAgents(params);
          return new Promise((_, reject) => params.signal?.addEventListener('abort', () => reject(params.signal!.reason), { once: true }));
        },
      };
      const wrapper = await fixture<HTMLDivElement>(html`<div><ai-voice-usage .dataSource=${source} locale="en-GB"></ai-voice-usage></div>`);
      const el = wrapper.querySelector<AiVoiceUsage>('ai-voice-usage')!;
      await waitUntil(() => signals.length === 1, 'never asked');
      expect(el.getAttribute('status')).to.equal('loading');
      el.remove();
      expect(signals[0]!.aborted, 'the request is aborted once the element is removed').to.equal(true);
      // Moved elsewhere: it does not stay loading.
      document.body.append(el);
      try {
        await statusIs(el, 'ready');
        expect(signals).to.have.length(2);
        await expect(el).to.be.accessible();
      } finally {
        el.remove();
      }
    });

    it('asks the demo backend again when put back after its request was cut off', async () => {
      const { tag, endpoint } = scenario('hang');
      const wrapper = await fixture<HTMLDivElement>(html`<div><ai-voice-usage endpoint=${endpoint}></ai-voice-usage></div>`);
      const el = wrapper.querySelector('ai-voice-usage')!;
      await waitUntil(async () => (await gets(tag, 'voice/agents')).length === 1, 'never asked', wait);
      el.remove();
      // Put back with the backend still holding: it asks again rather than waiting on the lost request.
      wrapper.append(el);
      await waitUntil(async () => (await gets(tag, 'voice/agents')).length === 2, 'never asked again after it came back', wait);
      expect(el.getAttribute('status')).to.equal('loading');
    });
  });
});
