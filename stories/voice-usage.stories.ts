import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { UsageDataSource } from '../src/data.js';
import '../src/voice-usage.js';
import type { AiVoiceUsage } from '../src/voice-usage.js';
import { demoSource, failingSource, lazyDemoSource, longNamesSource, malformedSource, pendingSource, STORY_NOW, trialFailsSource } from './support/sources.js';

interface Args {
  dataSource: UsageDataSource | undefined;
  sort: string;
  locale: string;
  dir: '' | 'ltr' | 'rtl';
  rowHeight: string;
  /** Opens a "Configure AI Voice" dialog once the data is shown (design review of the dialogs). */
  openDialog: '' | 'trial' | 'plans' | 'usage';
  /** Confirms the trial right away (to show the result of activation). */
  activate: boolean;
  /** `request-timeout` in milliseconds; empty for the default (30 s). */
  requestTimeout: string;
}

const openOnLoad = (args: Args) => (event: Event) => {
  const el = event.currentTarget as AiVoiceUsage;
  if (!args.openDialog || el.shadowRoot?.querySelector('ai-voice-configure')?.shadowRoot?.querySelector('dialog[open]')) return;
  void el.openConfigureDialog(args.openDialog).then(() => (args.activate ? el.activateTrial() : undefined));
};

const meta = {
  title: 'Elements/ai-voice-usage',
  component: 'ai-voice-usage',
  tags: ['autodocs'],
  args: { sort: '', locale: '', dir: '', rowHeight: '', openDialog: '', activate: false, requestTimeout: '' },
  argTypes: {
    dataSource: { control: false, description: 'A `UsageDataSource`; each story supplies one.' },
    sort: { control: 'text', description: '`key:asc` or `key:desc`' },
    locale: {
      control: 'select',
      description: "Empty: the language chosen in the toolbar (the page's `lang`).",
      options: ['', 'en-GB', 'en-US', 'sv-SE', 'de-DE', 'ar-EG', 'ja-JP'],
    },
    dir: { control: 'inline-radio', options: ['', 'ltr', 'rtl'] },
    rowHeight: { control: 'select', options: ['', '32px', '44px'], description: '`--ai-usage-row-height`' },
    openDialog: { control: 'select', options: ['', 'trial', 'plans', 'usage'] },
    activate: { control: 'boolean' },
    requestTimeout: { control: 'text', description: '`request-timeout` (ms)' },
  },
  render: (args) =>
    html`<div dir=${args.dir || nothing} lang=${args.locale || nothing}>
      <ai-voice-usage
        .dataSource=${args.dataSource}
        sort=${args.sort || nothing}
        request-timeout=${args.requestTimeout || nothing}
        style=${args.rowHeight ? `--ai-usage-row-height: ${args.rowHeight}` : nothing}
        .referenceDate=${STORY_NOW}
        @ai-load=${openOnLoad(args)}
      ></ai-voice-usage>
    </div>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Realistic data: response groups and phone numbers, active and inactive agents, totals. */
export const Default: Story = { args: { dataSource: demoSource() } };

/** Sorted by billable minutes this month, highest first. */
export const Sorted: Story = { args: { dataSource: demoSource(), sort: 'billableMinutesThisMonth:desc' } };

/** While the first answer is on its way: a skeleton of the table, no layout jump. */
export const Loading: Story = { args: { dataSource: pendingSource() } };

/** The backend never answered within `request-timeout` (here 1 s): the error state says so, with Retry. */
export const TimedOut: Story = { args: { dataSource: pendingSource(), requestTimeout: '1000' } };

/** The organization has no AI voice agents yet. */
export const Empty: Story = { args: { dataSource: demoSource({ voiceAgents: 0 }) } };

/** The backend failed: the reason, and Retry. */
export const Error: Story = { args: { dataSource: failingSource() } };

/** Some rows break the contract: they stay, with their bad values marked and a notice above. */
export const InvalidRows: Story = { args: { dataSource: malformedSource() } };

/** 400 agents: the header stays in view while the table scrolls; above 250 rows only the rows in view are in the DOM. */
export const ManyAgents: Story = { args: { dataSource: demoSource({ voiceAgents: 400, callMonths: [] }) } };

/** 10,000 agents: a window of rows in the DOM, the scroll bar measuring the whole list; sort, filter, totals and CSV cover every row. */
export const TenThousandAgents: Story = { args: { dataSource: lazyDemoSource({ voiceAgents: 10_000, callMonths: [] }) } };

/** Long names truncate with an ellipsis (full name on hover); names in other scripts; names that look like markup stay text. */
export const LongNames: Story = { args: { dataSource: longNamesSource() } };

/** Right-to-left page in Arabic: columns mirror, numbers keep their grouping. */
export const RightToLeft: Story = { args: { dataSource: longNamesSource(), dir: 'rtl', locale: 'ar-EG' } };

/** German number formatting. */
export const German: Story = { args: { dataSource: demoSource(), locale: 'de-DE' } };

/** Compact density through `--ai-usage-row-height: 32px`. */
export const Compact: Story = { args: { dataSource: demoSource(), rowHeight: '32px' } };

/** No data source configured: says so instead of loading forever. */
export const Unconfigured: Story = { args: { dataSource: undefined } };

/** "Configure AI Voice" → Activate trial: the confirmation says what happens and for how long. */
export const TrialConfirmation: Story = { args: { dataSource: demoSource(), openDialog: 'trial' } };

/** The trial activated: the server's answer, with its end date. */
export const TrialActivated: Story = { args: { dataSource: demoSource(), openDialog: 'trial', activate: true } };

/** Activation failed: the reason, and no claim that the trial is active. */
export const TrialActivationFailed: Story = { args: { dataSource: trialFailsSource(), openDialog: 'trial', activate: true } };

/** An active trial that ends within a week: a warning above the table. */
export const TrialEndingSoon: Story = { args: { dataSource: demoSource({ trialStatus: 'active' }) } };

/** The trial has ended: said plainly, nothing to activate. */
export const TrialExpired: Story = { args: { dataSource: demoSource({ trialStatus: 'expired' }), openDialog: 'trial' } };

/** No trial for this organization. */
export const TrialUnavailable: Story = { args: { dataSource: demoSource({ trialStatus: 'unavailable' }), openDialog: 'trial' } };

/** Every pricing plan, the current one marked. */
export const PricingPlans: Story = { args: { dataSource: demoSource(), openDialog: 'plans' } };

/** This month's billable minutes against the plan's allowance, with the projection to month end. */
export const Usage: Story = { args: { dataSource: demoSource(), openDialog: 'usage' } };
