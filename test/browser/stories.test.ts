/**
 * Every story is a test fixture: each one renders, in light and in dark, without errors, without
 * NaN/undefined/null on screen, and passes axe. A broken story fails `npm test`.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html, render, type TemplateResult } from 'lit';
import { withTheme } from '../../stories/support/theme.js';
import * as licensesStories from '../../stories/licenses-usage.stories.js';
import * as messagingStories from '../../stories/messaging-usage.stories.js';
import * as historyStories from '../../stories/usage-history.stories.js';
import * as voiceStories from '../../stories/voice-usage.stories.js';
import { expectCleanText, shadow } from './helpers.js';

interface StoryModule {
  default: { title: string; args?: object; render?: (args: never) => unknown };
  [name: string]: unknown;
}

const modules = [voiceStories, messagingStories, historyStories, licensesStories] as unknown as StoryModule[];

/** Rendered: data, a state panel, or (for the loading story) the skeleton. */
function isSettled(root: ShadowRoot): boolean {
  return !!root.querySelector('table:not(.skeleton) tbody tr, .state, table.skeleton, .chart, .chart-skeleton');
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
          // Table elements, including those inside <ai-licenses-usage>'s shadow root.
          await new Promise((r) => setTimeout(r));
          const all = [...wrapper.querySelectorAll<HTMLElement>('*')];
          const nested = all.flatMap((el) => [...(el.shadowRoot?.querySelectorAll<HTMLElement>('*') ?? [])]);
          const elements = [...all, ...nested].filter((el) => /^ai-(voice-usage|messaging-usage|usage-history)$/.test(el.localName));
          expect(elements.length, 'the story renders an ai-* element').to.be.greaterThan(0);
          for (const el of elements) {
            await waitUntil(() => isSettled(shadow(el)), `${el.localName} never rendered`, { timeout: 5000 });
            expectCleanText(el);
          }
          window.removeEventListener('error', onError);
          expect(errors).to.deep.equal([]);
          await expect(wrapper).to.be.accessible();
        });
      }
    }
  });
}
