import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { UsageDataSource } from '../src/data.js';
import '../src/voice-configure.js';
import type { AiVoiceConfigure } from '../src/voice-configure.js';
import { demoSource, failingSource, lostTrialAnswerSource, pendingSource, STORY_NOW, trialFailsSource } from './support/sources.js';

interface Args {
  dataSource: UsageDataSource | undefined;
  locale: string;
  billableMinutes: number;
  /** Opens this dialog on render (design review of the dialogs). */
  openDialog: '' | 'trial' | 'plans' | 'usage';
  /** Confirms the trial right away. */
  activate: boolean;
  requestTimeout: number;
}

/** Opens the dialog asked for once the element has rendered. */
function open(el: AiVoiceConfigure, args: Args): void {
  if (!args.openDialog || el.shadowRoot?.querySelector('dialog[open]')) return;
  void el.openDialog(args.openDialog).then(() => (args.activate ? el.activateTrial() : undefined));
}

const meta = {
  title: 'Elements/ai-voice-configure',
  component: 'ai-voice-configure',
  tags: ['autodocs'],
  args: { locale: '', billableMinutes: 3120, openDialog: '', activate: false, requestTimeout: 30000 },
  argTypes: {
    dataSource: { control: false, description: 'A `UsageDataSource`; each story supplies one.' },
    locale: { control: 'select', description: "Empty: the language chosen in the toolbar (the page's `lang`).", options: ['', 'en-GB', 'en-US', 'sv-SE', 'de-DE'] },
    billableMinutes: { control: 'number' },
    openDialog: { control: 'select', options: ['', 'trial', 'plans', 'usage'] },
    activate: { control: 'boolean' },
    requestTimeout: { control: 'number', description: '`request-timeout` (ms)' },
  },
  render: (args) => {
    const el = document.createElement('ai-voice-configure');
    el.dataSource = args.dataSource;
    el.locale = args.locale || undefined;
    el.timeZone = 'Europe/Stockholm';
    el.month = '2026-11';
    el.billableMinutes = args.billableMinutes;
    el.referenceDate = STORY_NOW;
    el.requestTimeout = args.requestTimeout;
    void el.updateComplete.then(() => open(el, args));
    return html`<div lang=${args.locale || nothing}>${el}</div>`;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The menu button, as `<ai-voice-usage>` shows it in its toolbar. */
export const Default: Story = { args: { dataSource: demoSource() } };

/** The trial confirmation. */
export const Trial: Story = { args: { dataSource: demoSource(), openDialog: 'trial' } };

/** The trial activated: the server's answer, with its end date. */
export const TrialActivated: Story = { args: { dataSource: demoSource(), openDialog: 'trial', activate: true } };

/** The server refused: the reason, and Try again. */
export const TrialActivationFailed: Story = { args: { dataSource: trialFailsSource(), openDialog: 'trial', activate: true } };

/** The answer was lost and the plan could not be read again: the outcome is unknown, so it offers "Check again", not another activation. */
export const TrialOutcomeUnknown: Story = { args: { dataSource: lostTrialAnswerSource(), openDialog: 'trial', activate: true, requestTimeout: 800 } };

/** Every pricing plan, the current one marked. */
export const PricingPlans: Story = { args: { dataSource: demoSource(), openDialog: 'plans' } };

/** This month's billable minutes against the allowance, with the projection. */
export const Usage: Story = { args: { dataSource: demoSource(), openDialog: 'usage' } };

/** While the plan loads: the dialog says so. */
export const Loading: Story = { args: { dataSource: pendingSource(), openDialog: 'plans' } };

/** The plan could not be loaded: the reason, and Retry. */
export const Error: Story = { args: { dataSource: failingSource(), openDialog: 'plans' } };
