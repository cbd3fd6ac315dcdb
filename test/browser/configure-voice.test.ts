import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/voice-usage.js';
import type { AiVoiceUsage } from '../../src/voice-usage.js';
import { createMemoryDataSource, createRestDataSource } from '../../src/data.js';
import { createDemoData } from '../../src/demo-data.js';
import { serverLog, settled, shadow, text, uniqueTag } from './helpers.js';

let seed = Math.floor(Math.random() * 1e6);
/** Each test its own organization on the demo backend, so activations never leak between tests. */
const scenario = (flags = '') => {
  const tag = uniqueTag('configure');
  return { tag, endpoint: `/api/scenarios/seed=${++seed},tag=${tag}${flags ? `,${flags}` : ''}/` };
};
const posts = async (tag: string) => (await serverLog(tag)).filter((r) => r.method === 'POST' && r.operation === 'voice/trial');

/** The "Configure AI Voice" menu, an element of its own in the table's toolbar. */
const configure = (el: Element) => shadow(shadow(el).querySelector('ai-voice-configure')!);
const menuButton = (el: Element) => configure(el).querySelector<HTMLButtonElement>('[part="configure-button"]')!;
const menu = (el: Element) => configure(el).querySelector<HTMLElement>('[role="menu"]')!;
const items = (el: Element) => [...configure(el).querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
const dialog = (el: Element) => configure(el).querySelector<HTMLDialogElement>('dialog')!;
const focused = (el: Element) => configure(el).activeElement;
/** Waits for the menu's element to finish its update. */
const settledMenu = (el: Element) => shadow(el).querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('ai-voice-configure')!.updateComplete;

async function ready(endpoint: string) {
  const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage endpoint=${endpoint} locale="en-GB"></ai-voice-usage>`);
  await settled(el);
  await waitUntil(() => (items(el)[0] && !text(items(el)[0]).endsWith('…')) || text(items(el)[0]) === 'Activate trial…', 'plan never loaded');
  return el;
}

async function openTrialDialog(el: AiVoiceUsage) {
  menuButton(el).click();
  await el.updateComplete;
  await settledMenu(el);
  items(el)[0]!.click();
  await waitUntil(() => dialog(el).open, 'dialog did not open');
}

describe('"Configure AI Voice"', () => {
  it('is a menu button: arrows open it and move through it, Escape closes it and returns focus', async () => {
    const { endpoint } = scenario();
    const el = await ready(endpoint);
    const button = menuButton(el);
    expect(button.getAttribute('aria-haspopup')).to.equal('menu');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => focused(el) === items(el)[0], 'focus did not move into the menu');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(items(el).map((i) => text(i))).to.deep.equal(['Activate trial…', 'Pricing plans…', 'Usage this month…']);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(items(el)[1]);
    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal(items(el)[2]);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(items(el)[0]);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await settledMenu(el);
    expect(menu(el).hidden).to.equal(true);
    expect(focused(el)).to.equal(button);
    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => focused(el) === items(el)[2], 'ArrowUp opens on the last item');
  });

  it('opens the pricing plans in a dialog from the keyboard, and returns focus to the menu button on Escape', async () => {
    const { endpoint } = scenario();
    const el = await ready(endpoint);
    menuButton(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el) === items(el)[0]);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog(el).open, 'plans dialog did not open');
    expect(text(dialog(el).querySelector('h2'))).to.equal('Pricing plans');
    expect(dialog(el).contains(focused(el))).to.equal(true);
    const rows = [...dialog(el).querySelectorAll('tbody tr')].map((tr) => text(tr));
    expect(rows).to.deep.equal(['Starter €0.12 500', 'Growth Current plan €0.09 5,000', 'Scale €0.06 25,000']);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el).open);
    expect(focused(el)).to.equal(menuButton(el));
  });

  it('activates the trial with exactly one request, however often it is confirmed', async () => {
    const { tag, endpoint } = scenario('latency=300');
    const el = await ready(endpoint);
    await openTrialDialog(el);
    expect(text(dialog(el))).to.contain('for 14 days');
    // Focus starts on Cancel: a key held down from the menu cannot confirm by accident.
    expect(text(focused(el))).to.equal('Cancel');
    await expect(el).to.be.accessible();
    const confirm = dialog(el).querySelector<HTMLButtonElement>('.activate')!;
    setTimeout(() => {
      confirm.click();
      confirm.click();
      void el.activateTrial();
    });
    await oneEvent(el, 'ai-trial-activate-request');
    await el.updateComplete;
    await settledMenu(el);
    expect(confirm.getAttribute('aria-busy')).to.equal('true');
    expect(text(confirm)).to.equal('Activating…');
    // Enter pressed again and again on the busy button sends nothing more.
    confirm.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    const activated = await oneEvent(el, 'ai-trial-activated');
    expect(activated.detail.trial.status).to.equal('active');
    expect(activated.bubbles && activated.composed).to.equal(true);
    await el.updateComplete;
    await settledMenu(el);
    expect(await posts(tag)).to.have.length(1);
    expect(text(dialog(el))).to.match(/The trial is active until \d+ \w+ \d{4} \(1[34] days left\)/);
    dialog(el).close();
    await el.updateComplete;
    await settledMenu(el);
    expect(text(items(el)[0])).to.match(/^Trial active · ends/);
    expect(await posts(tag)).to.have.length(1);
  });

  for (const [flag, words] of [
    ['trial-fail=500', 'HTTP 500'],
    ['trial-fail=403', 'permission'],
  ] as const) {
    it(`shows a ${flag.split('=')[1]} failure and never claims the trial is active`, async () => {
      const { tag, endpoint } = scenario(flag);
      const el = await ready(endpoint);
      let activated = false;
      el.addEventListener('ai-trial-activated', () => (activated = true));
      await openTrialDialog(el);
      await el.activateTrial();
      await el.updateComplete;
      await settledMenu(el);
      const alert = dialog(el).querySelector('[role="alert"]')!;
      expect(text(alert)).to.contain('Couldn’t activate the trial.');
      expect(text(alert)).to.contain(words);
      expect(activated).to.equal(false);
      expect(text(dialog(el).querySelector('.activate'))).to.equal('Try again');
      expect(text(items(el)[0])).to.equal('Activate trial…');
      expect(await posts(tag)).to.have.length(1);
      await expect(el).to.be.accessible();
    });
  }

  it('shows a network failure and never claims the trial is active', async () => {
    const { endpoint } = scenario();
    const rest = createRestDataSource({
      baseUrl: endpoint,
      fetch: (input, init) => (init?.method === 'POST' ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init)),
    });
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage .dataSource=${rest}></ai-voice-usage>`);
    await settled(el);
    await waitUntil(() => text(items(el)[0]) === 'Activate trial…');
    await openTrialDialog(el);
    await el.activateTrial();
    await el.updateComplete;
    await settledMenu(el);
    expect(text(dialog(el).querySelector('[role="alert"]'))).to.contain('Could not reach the server for voice/trial.');
    expect(text(items(el)[0])).to.equal('Activate trial…');
  });

  it('survives a data source that throws instead of rejecting: the error shows and the dialog closes', async () => {
    const data = createDemoData({ seed: 8, voiceAgents: 2, month: '2026-11' });
    const source = {
      ...createMemoryDataSource(data),
      activateVoiceTrial: () => {
        throw new Error('boom');
      },
    };
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage .dataSource=${source}></ai-voice-usage>`);
    await settled(el);
    await waitUntil(() => text(items(el)[0]) === 'Activate trial…');
    await openTrialDialog(el);
    await el.activateTrial();
    await el.updateComplete;
    await settledMenu(el);
    expect(text(dialog(el).querySelector('[role="alert"]'))).to.contain('boom');
    expect(text(dialog(el).querySelector('.activate'))).to.equal('Try again');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el).open, 'the dialog cannot be closed');
  });

  it('treats a plan without included minutes as having no allowance', async () => {
    const now = new Date('2026-11-15T12:00:00Z');
    const data = createDemoData({ seed: 3, voiceAgents: 2, month: '2026-11', now });
    data.voicePlan.plans.forEach((p) => (p.includedMinutes = 0));
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage .dataSource=${createMemoryDataSource(data)} .referenceDate=${now}></ai-voice-usage>`);
    await settled(el);
    await waitUntil(() => text(items(el)[0]) === 'Activate trial…');
    await el.openConfigureDialog('usage');
    expect(dialog(el).querySelector('[role="meter"]')).to.equal(null);
    expect(text(dialog(el))).to.contain('No plan with an allowance is active.');
    expect(text(dialog(el))).not.to.match(/undefined|NaN/);
  });

  it('sends nothing when the host cancels the activation request', async () => {
    const { tag, endpoint } = scenario();
    // Counts what the element hands to fetch: the proof does not depend on when the server logs it.
    const sent: string[] = [];
    const source = createRestDataSource({
      baseUrl: endpoint,
      fetch: (input, init) => {
        sent.push(`${init?.method ?? 'GET'} ${String(input)}`);
        return fetch(input, init);
      },
    });
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage .dataSource=${source} locale="en-GB"></ai-voice-usage>`);
    await settled(el);
    await waitUntil(() => text(items(el)[0]) === 'Activate trial…', 'plan never loaded');
    el.addEventListener('ai-trial-activate-request', (e) => e.preventDefault());
    await openTrialDialog(el);
    dialog(el).querySelector<HTMLButtonElement>('.activate')!.click();
    await waitUntil(() => !dialog(el).open, 'dialog stays open');
    // The activation resolves at once when cancelled; by then a request would have been handed to fetch.
    await el.activateTrial();
    expect(sent.filter((r) => r.startsWith('POST'))).to.deep.equal([]);
    expect(await posts(tag)).to.have.length(0);
    expect(text(items(el)[0])).to.equal('Activate trial…');
  });

  it('says plainly when the trial has expired or is unavailable, and offers no activation', async () => {
    for (const [status, words] of [
      ['expired', 'The trial ended on'],
      ['unavailable', 'A trial is not available for this organization.'],
    ] as const) {
      const { endpoint } = scenario(`trial=${status}`);
      const el = await ready(endpoint);
      await openTrialDialog(el);
      expect(text(dialog(el))).to.contain(words);
      expect(dialog(el).querySelector('.activate')).to.equal(null);
      await expect(el).to.be.accessible();
    }
  });

  it('warns above the table when an active trial ends within a week', async () => {
    const now = new Date('2026-11-27T10:00:00Z');
    const data = createDemoData({ seed: 3, voiceAgents: 3, month: '2026-11', now, trialStatus: 'active' });
    data.voicePlan.trial.endsAt = '2026-11-30T12:00:00Z';
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage .dataSource=${createMemoryDataSource(data)} .referenceDate=${now} locale="en-GB"></ai-voice-usage>`);
    await settled(el);
    await waitUntil(() => shadow(el).querySelector('[part="trial-warning"]'), 'no warning');
    expect(text(shadow(el).querySelector('[part="trial-warning"]'))).to.contain('Your AI Voice trial ends in 3 days (30 Nov 2026).');
    el.trialWarningDays = 2;
    await el.updateComplete;
    await settledMenu(el);
    expect(shadow(el).querySelector('[part="trial-warning"]')).to.equal(null);
  });

  it('shows this month’s usage against the plan as a meter, with a projection to the month’s end', async () => {
    const now = new Date('2026-11-15T12:00:00Z');
    const data = createDemoData({ seed: 3, voiceAgents: 2, month: '2026-11', now });
    data.voiceAgents.agents.forEach((a, i) => (a.billableMinutesThisMonth = i === 0 ? 2000 : 1000));
    const el = await fixture<AiVoiceUsage>(html`<ai-voice-usage .dataSource=${createMemoryDataSource(data)} .referenceDate=${now} locale="en-GB"></ai-voice-usage>`);
    await settled(el);
    await waitUntil(() => text(items(el)[0]) === 'Activate trial…');
    await el.openConfigureDialog('usage');
    const meter = dialog(el).querySelector('[role="meter"]')!;
    expect(meter.getAttribute('aria-valuenow')).to.equal('3000');
    expect(meter.getAttribute('aria-valuemax')).to.equal('5000');
    expect(meter.getAttribute('aria-valuetext')).to.equal('3,000 of 5,000 minutes (60%)');
    expect(text(dialog(el))).to.contain('2,000 minutes left');
    // 3,000 minutes in 15 of 30 days: about 6,000 by the end, over the 5,000 allowance.
    expect(text(dialog(el))).to.contain('you will reach about 6,000 billable minutes by the end of November 2026, over the allowance');
    await expect(el).to.be.accessible();
    setTimeout(() => [...dialog(el).querySelectorAll('button')].find((b) => text(b) === 'See month-by-month history')!.click());
    await oneEvent(el, 'ai-show-history');
    expect(dialog(el).open).to.equal(false);
  });
});
