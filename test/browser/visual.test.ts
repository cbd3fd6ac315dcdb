/**
 * The visual review: key stories as a designer sees them, compared pixel by pixel with the
 * baselines committed in test/visual/baseline/ (tolerance and update command: see
 * web-test-runner.config.js). Each element with data in light and dark, 360 px wide, the loading,
 * empty and error states, one dialog of each kind, and each language once.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { html, render, type TemplateResult } from 'lit';
import { withTheme, type Page } from '../../stories/support/theme.js';
import * as licensesStories from '../../stories/licenses-usage.stories.js';
import * as messagingStories from '../../stories/messaging-usage.stories.js';
import * as callsStories from '../../stories/usage-calls.stories.js';
import * as historyStories from '../../stories/usage-history.stories.js';
import * as configureStories from '../../stories/voice-configure.stories.js';
import * as voiceStories from '../../stories/voice-usage.stories.js';
import { dataElements, deepElements, shows, updatesDone } from '../support/story-state.js';

interface StoryModule {
  default: { title: string; args?: object; render?: (args: never) => unknown };
  [name: string]: unknown;
}

const modules: Record<string, StoryModule> = {
  voice: voiceStories as unknown as StoryModule,
  messaging: messagingStories as unknown as StoryModule,
  history: historyStories as unknown as StoryModule,
  calls: callsStories as unknown as StoryModule,
  licenses: licensesStories as unknown as StoryModule,
  configure: configureStories as unknown as StoryModule,
};

interface Shot {
  name: string;
  module: keyof typeof modules;
  story: string;
  theme?: 'light' | 'dark';
  page?: Page;
  /** What is photographed: the story's frame (default) or the open dialog. */
  target?: 'frame' | 'dialog';
}

const shots: Shot[] = [
  ...(['voice', 'messaging', 'history', 'calls', 'licenses'] as const).flatMap((module) =>
    (['light', 'dark'] as const).map((theme): Shot => ({ name: `${module}-${theme}`, module, story: module === 'licenses' ? 'Voice' : 'Default', theme })),
  ),
  ...(['voice', 'messaging', 'history', 'calls'] as const).map((module): Shot => ({ name: `${module}-360`, module, story: 'Default', page: { width: 360 } })),
  { name: 'voice-loading', module: 'voice', story: 'Loading' },
  { name: 'voice-empty', module: 'voice', story: 'Empty' },
  { name: 'voice-error', module: 'voice', story: 'Error' },
  { name: 'voice-invalid-rows', module: 'voice', story: 'InvalidRows' },
  { name: 'history-table-dark', module: 'history', story: 'Table', theme: 'dark' },
  { name: 'dialog-trial', module: 'configure', story: 'Trial', target: 'dialog' },
  { name: 'dialog-plans', module: 'configure', story: 'PricingPlans', target: 'dialog' },
  { name: 'dialog-usage', module: 'configure', story: 'Usage', target: 'dialog', theme: 'dark' },
  { name: 'voice-sv', module: 'voice', story: 'Default', page: { lang: 'sv-SE' } },
  { name: 'voice-de', module: 'voice', story: 'Default', page: { lang: 'de-DE' } },
  { name: 'messaging-de-360', module: 'messaging', story: 'Default', page: { lang: 'de-DE', width: 360 } },
  { name: 'history-sv-dark', module: 'history', story: 'Default', theme: 'dark', page: { lang: 'sv-SE' } },
  { name: 'calls-de', module: 'calls', story: 'Default', page: { lang: 'de-DE' } },
  { name: 'dialog-plans-sv', module: 'configure', story: 'PricingPlans', target: 'dialog', page: { lang: 'sv-SE' } },
  { name: 'voice-rtl-de', module: 'voice', story: 'Default', page: { lang: 'de-DE', dir: 'rtl' } },
];

/** Renders a story and waits until everything in it has settled; returns what to photograph. */
async function show({ module, story, theme = 'light', page = {}, target = 'frame' }: Shot): Promise<HTMLElement> {
  const mod = modules[module]!;
  const meta = mod.default;
  const entry = mod[story] as { args?: object; render?: (args: never) => unknown };
  const args = { ...meta.args, ...entry.args } as never as { openDialog?: string };
  const renderStory = entry.render ?? meta.render!;
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  render(withTheme(() => renderStory(args as never), theme, page) as TemplateResult, wrapper);
  await updatesDone(wrapper);
  const loading = /Loading/.test(story);
  if (target === 'dialog') {
    const dialog = () => deepElements(wrapper, (el) => el.localName === 'dialog' && el.hasAttribute('open'))[0];
    await waitUntil(() => dialog() && !dialog()!.querySelector('[aria-busy="true"], .spinner'), `the ${story} dialog never settled`, { timeout: 10_000 });
    await updatesDone(wrapper);
    return dialog()!;
  }
  if (dataElements(wrapper).length > 0)
    await waitUntil(() => dataElements(wrapper).every((el) => shows(el) === (loading ? 'loading' : 'content')), `${story} never settled`, { timeout: 10_000 });
  await updatesDone(wrapper);
  return wrapper.querySelector<HTMLElement>('.ai-story-frame')!;
}

/** Layout and paint are done: two frames after the last update, fonts loaded. */
async function painted(): Promise<void> {
  await document.fonts.ready;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

describe('visual review', function () {
  this.timeout(30_000);

  before(async () => {
    await setViewport({ width: 1280, height: 900 });
    // The skeleton's shimmer and the transitions stand still (the elements honour reduced motion).
    await emulateMedia({ reducedMotion: 'reduce' });
  });

  for (const shot of shots) {
    it(`looks as reviewed: ${shot.name}`, async () => {
      const target = await show(shot);
      (document.activeElement as HTMLElement | null)?.blur();
      await painted();
      await visualDiff(target, shot.name);
    });
  }

  it('fails when a border goes', async () => {
    // While baselines are rewritten there is nothing to compare with.
    if (await executeServerCommand('visual-update-mode')) return;
    const target = await show(shots[0]!);
    const table = deepElements(target, (el) => el.localName === 'ai-voice-usage')[0]!.shadowRoot!;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('table { border-collapse: separate; } th, td { border-bottom-color: transparent !important; }');
    table.adoptedStyleSheets = [...table.adoptedStyleSheets, sheet];
    (document.activeElement as HTMLElement | null)?.blur();
    await painted();
    let failure: unknown;
    await visualDiff(target, shots[0]!.name).catch((error: unknown) => (failure = error));
    expect(String(failure)).to.match(/Visual diff failed|different/i);
  });
});
