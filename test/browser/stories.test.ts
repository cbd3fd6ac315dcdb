/**
 * Every story is a test fixture: each one renders, in light and in dark, without errors, without
 * NaN/undefined/null on screen, and passes axe. A broken story fails `npm test`.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html, render, type TemplateResult } from 'lit';
import { withTheme } from '../../stories/support/theme.js';
import * as licensesStories from '../../stories/licenses-usage.stories.js';
import * as messagingStories from '../../stories/messaging-usage.stories.js';
import * as callsStories from '../../stories/usage-calls.stories.js';
import * as historyStories from '../../stories/usage-history.stories.js';
import * as configureStories from '../../stories/voice-configure.stories.js';
import * as voiceStories from '../../stories/voice-usage.stories.js';
import { dataElements, shows, updatesDone } from '../support/story-state.js';
import { expectCleanText, shadow, text } from './helpers.js';

interface StoryModule {
  default: { title: string; args?: object; render?: (args: never) => unknown };
  [name: string]: unknown;
}

const modules = [voiceStories, messagingStories, historyStories, callsStories, licensesStories] as unknown as StoryModule[];

/** What a story must show: its name says loading (`Loading`) or slow (`SlowBackend`), else real content. */
function expectationFor(name: string): 'loading' | 'slow' | 'content' {
  const words = name.split(/(?=[A-Z])/).map((w) => w.toLowerCase());
  return words.includes('loading') ? 'loading' : words.includes('slow') ? 'slow' : 'content';
}

/** What every data element shows, in words, for a failure message. */
const onScreen = (root: ParentNode) =>
  dataElements(root)
    .map((el) => `<${el.localName}> ${shows(el)}: “${text(shadow(el) as unknown as Element).slice(0, 100)}”`)
    .join('; ') || 'no data element';

/** Waits until every data element (there is at least one) shows `state`. */
async function allShow(root: ParentNode, state: 'loading' | 'content', timeout: number): Promise<void> {
  const met = () => {
    const elements = dataElements(root);
    return elements.length > 0 && elements.every((el) => shows(el) === state);
  };
  await waitUntil(met, `not every data element shows ${state}`, { timeout }).catch(() => {
    throw new Error(`not every data element shows ${state} after ${timeout / 1000} s; on screen: ${onScreen(root)}`);
  });
  // Settled, not passing through: nothing still updating, no element added since, same state.
  await updatesDone(root);
  expect(met(), `every data element still shows ${state}; on screen: ${onScreen(root)}`).to.equal(true);
}

for (const mod of modules) {
  const meta = mod.default;
  describe(`stories: ${meta.title}`, function () {
    // axe over hundreds of rows, under coverage instrumentation, takes seconds: not a flake to retry.
    this.timeout(30_000);
    const stories = Object.entries(mod).filter(([name]) => name !== 'default') as [string, { args?: object; render?: (a: never) => unknown }][];

    it('has a story for each state', () => {
      const names = stories.map(([name]) => name);
      const required = meta.title.endsWith('ai-licenses-usage')
        ? ['Voice', 'Messaging', 'Loading', 'Error']
        : meta.title.endsWith('ai-usage-calls')
          ? ['Default', 'Loading', 'Empty', 'Error', 'NoPermission', 'TimedOut']
          : meta.title.endsWith('ai-usage-history')
            ? ['Default', 'Table', 'NoPermission', 'Empty', 'HundredThousandCalls', 'SlowBackend', 'Loading', 'Error', 'InvalidRows']
            : ['Default', 'Loading', 'Empty', 'Error', 'InvalidRows'];
      for (const state of required) expect(names).to.include(state);
    });

    for (const [name, story] of stories) {
      for (const theme of ['light', 'dark'] as const) {
        it(`renders ${name} (${theme})`, async () => {
          const args = { ...meta.args, ...story.args } as never;
          const renderStory = story.render ?? meta.render;
          if (!renderStory) throw new Error(`${name} has no render function`);
          const errors: string[] = [];
          const onError = (e: ErrorEvent) => errors.push(e.message);
          window.addEventListener('error', onError);
          const wrapper = await fixture<HTMLElement>(html`<div></div>`);
          render(withTheme(() => renderStory(args), theme) as TemplateResult, wrapper);
          // The first render of every element, including those inside another's shadow root.
          await updatesDone(wrapper);
          expect(dataElements(wrapper).length, 'the story renders a data element').to.be.greaterThan(0);
          const expected = expectationFor(name);
          if (expected === 'slow') {
            // The answers take 1.5 s: the skeleton shows first, then the data.
            expect(
              dataElements(wrapper).every((el) => shows(el) === 'loading'),
              `every data element shows its skeleton first; on screen: ${onScreen(wrapper)}`,
            ).to.equal(true);
          }
          await allShow(wrapper, expected === 'loading' ? 'loading' : 'content', expected === 'slow' ? 15_000 : 10_000);
          for (const el of dataElements(wrapper)) expectCleanText(el);
          window.removeEventListener('error', onError);
          expect(errors).to.deep.equal([]);
          await expect(wrapper).to.be.accessible();
        });
      }
    }
  });
}

/** `<ai-voice-configure>` is not a data element: its stories show the menu button and, where asked, a dialog with its content. */
describe(`stories: ${configureStories.default.title}`, function () {
  this.timeout(30_000);
  const meta = configureStories.default as unknown as StoryModule['default'] & { args: object };
  const stories = Object.entries(configureStories).filter(([name]) => name !== 'default') as [string, { args?: { openDialog?: string } }][];

  it('has a story for each dialog and state', () => {
    const names = stories.map(([name]) => name);
    for (const state of ['Default', 'Trial', 'TrialActivated', 'TrialOutcomeUnknown', 'PricingPlans', 'Usage', 'Loading', 'Error']) expect(names).to.include(state);
  });

  for (const [name, story] of stories) {
    for (const theme of ['light', 'dark'] as const) {
      it(`renders ${name} (${theme})`, async () => {
        const args = { ...meta.args, ...story.args } as never as { openDialog?: string };
        const wrapper = await fixture<HTMLElement>(html`<div></div>`);
        render(withTheme(() => meta.render!(args as never), theme) as TemplateResult, wrapper);
        await updatesDone(wrapper);
        const el = wrapper.querySelector('ai-voice-configure')!;
        const root = shadow(el);
        expect(text(root.querySelector('[part="configure-button"]'))).to.equal('Configure AI Voice');
        if (args.openDialog) {
          const expected = expectationFor(name);
          const dialog = () => root.querySelector<HTMLDialogElement>('dialog[open]');
          const settled = () => !!dialog() && (expected === 'loading') === !!dialog()!.querySelector('[aria-busy="true"]') && !dialog()!.querySelector('.spinner');
          await waitUntil(settled, `the ${args.openDialog} dialog never settled: “${text(root.querySelector('dialog'))}”`, { timeout: 10_000 });
          expect(text(dialog()!.querySelector('h2'))).not.to.equal('');
        }
        expectCleanText(el);
        await expect(wrapper).to.be.accessible();
      });
    }
  }
});
