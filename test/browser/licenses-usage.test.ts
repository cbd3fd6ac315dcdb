import type { AiVoiceUsage } from '../../src/voice-usage.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/licenses-usage.js';
import '../../src/usage-provider.js';
import type { AiLicensesUsage } from '../../src/licenses-usage.js';
import { allByRole, bodyRows, byRole, serverLog, settled, shadow, uniqueTag } from './helpers.js';

const tabs = (el: Element) => allByRole<HTMLButtonElement>(el, 'tab');
const inner = (el: Element, tag: string) => shadow(el).querySelector(tag);

describe('<ai-licenses-usage>', () => {
  it('shows AI Voice first and loads nothing for the hidden AI Messaging tab', async () => {
    const tag = uniqueTag('tabs');
    const el = await fixture<AiLicensesUsage>(html`<ai-licenses-usage endpoint="/api/scenarios/tag=${tag}/"></ai-licenses-usage>`);
    const voice = inner(el, 'ai-voice-usage')!;
    await settled(voice);
    expect(tabs(el).map((t) => t.textContent!.trim())).to.deep.equal(['AI Voice', 'AI Messaging']);
    expect(tabs(el)[0]!.getAttribute('aria-selected')).to.equal('true');
    expect(inner(el, 'ai-messaging-usage')).to.equal(null);
    const history = inner(el, 'ai-usage-history')!;
    await waitUntil(() => history.shadowRoot!.querySelector('ai-usage-calls:is([status="ready"], [status="empty"])'), 'calls never loaded');
    const voiceOps = (await serverLog(tag)).map((r) => r.operation);
    expect(voiceOps).to.include.members(['voice/agents', 'voice/history', 'voice/calls']);
    expect(voiceOps).not.to.include('messaging/agents');
    // The voice table and the history ask for voice/agents together: one request serves both.
    expect(voiceOps.filter((op) => op === 'voice/agents')).to.have.length(1);
    await expect(el).to.be.accessible();

    tabs(el)[1]!.click();
    await el.updateComplete;
    const messaging = inner(el, 'ai-messaging-usage')!;
    await settled(messaging);
    expect(el.getAttribute('active-tab')).to.equal('messaging');
    expect(byRole(el, 'tabpanel', 'AI Voice')!.hidden).to.equal(true);
    expect((await serverLog(tag)).map((r) => r.operation).filter((op) => op === 'messaging/agents')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('follows the WAI-ARIA tabs pattern: arrows, Home, End, roving focus', async () => {
    const el = await fixture<AiLicensesUsage>(html`<ai-licenses-usage endpoint="/api/ai-usage/"></ai-licenses-usage>`);
    const [voiceTab, messagingTab] = tabs(el);
    expect(voiceTab!.tabIndex).to.equal(0);
    expect(messagingTab!.tabIndex).to.equal(-1);
    voiceTab!.focus();
    setTimeout(() => sendKeys({ press: 'ArrowRight' }));
    const change = await oneEvent(el, 'ai-tab-change');
    expect(change.detail).to.deep.equal({ tab: 'messaging' });
    await el.updateComplete;
    await waitUntil(() => shadow(el).activeElement === messagingTab);
    expect(messagingTab!.getAttribute('aria-selected')).to.equal('true');
    expect(messagingTab!.tabIndex).to.equal(0);
    expect(voiceTab!.tabIndex).to.equal(-1);
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => shadow(el).activeElement === voiceTab, 'wraps around to the first tab');
    await sendKeys({ press: 'End' });
    await waitUntil(() => shadow(el).activeElement === messagingTab);
    await sendKeys({ press: 'Home' });
    await waitUntil(() => shadow(el).activeElement === voiceTab);
    expect(el.activeTab).to.equal('voice');
    expect(messagingTab!.getAttribute('aria-controls')).to.equal('panel-messaging');
    expect(shadow(el).querySelector('#panel-messaging')!.getAttribute('aria-labelledby')).to.equal('tab-messaging');
  });

  it('reverses arrow keys right to left', async () => {
    const wrapper = await fixture(html`<div dir="rtl"><ai-licenses-usage endpoint="/api/ai-usage/"></ai-licenses-usage></div>`);
    const el = wrapper.querySelector('ai-licenses-usage')!;
    tabs(el)[0]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.activeTab).to.equal('messaging');
  });

  it('opens on the tab its active-tab attribute names, and keeps a tab’s state when switching back', async () => {
    const el = await fixture<AiLicensesUsage>(html`<ai-licenses-usage endpoint="/api/ai-usage/" active-tab="messaging"></ai-licenses-usage>`);
    const messaging = inner(el, 'ai-messaging-usage')!;
    await settled(messaging);
    (messaging as HTMLElement & { sort: string }).sort = 'engagedCases:desc';
    el.activeTab = 'voice';
    await el.updateComplete;
    el.activeTab = 'messaging';
    await el.updateComplete;
    expect(inner(el, 'ai-messaging-usage')).to.equal(messaging);
    expect(messaging.getAttribute('sort')).to.equal('engagedCases:desc');
  });

  it('takes the user from the usage dialog to the monthly history', async () => {
    const el = await fixture<AiLicensesUsage>(html`<ai-licenses-usage endpoint="/api/ai-usage/"></ai-licenses-usage>`);
    const voice = inner(el, 'ai-voice-usage') as AiVoiceUsage;
    await settled(voice);
    const history = inner(el, 'ai-usage-history')!;
    const monthlyUsage = () => byRole(history, 'heading', 'Monthly usage');
    await waitUntil(monthlyUsage, 'the history never showed');
    const configure = () => voice.shadowRoot!.querySelector('ai-voice-configure')!.shadowRoot!;
    await waitUntil(() => configure().querySelector('[role="menuitem"]')?.textContent?.includes('Activate'), 'plan never loaded');
    await voice.openConfigureDialog('usage');
    const button = allByRole(configure(), 'dialog').flatMap((dialog) => allByRole(dialog, 'button', /history/))[0]!;
    button.click();
    await waitUntil(() => !!monthlyUsage() && history.shadowRoot!.activeElement === monthlyUsage(), 'focus did not reach the history');
  });

  it('serves every element inside from one enclosing provider', async () => {
    const wrapper = await fixture(
      html`<ai-usage-provider endpoint="/api/scenarios/agents=3,messaging=2/"><ai-licenses-usage active-tab="messaging"></ai-licenses-usage></ai-usage-provider>`,
    );
    const el = wrapper.querySelector('ai-licenses-usage')!;
    const messaging = inner(el, 'ai-messaging-usage')!;
    await settled(messaging);
    expect(bodyRows(messaging)).to.have.length(2);
    el.activeTab = 'voice';
    await el.updateComplete;
    const voice = inner(el, 'ai-voice-usage')!;
    await settled(voice);
    expect(bodyRows(voice)).to.have.length(3);
  });
});
