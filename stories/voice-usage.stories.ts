import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { UsageDataSource } from '../src/data.js';
import '../src/voice-usage.js';
import { demoSource, failingSource, longNamesSource, malformedSource, pendingSource } from './support/sources.js';

interface Args {
  dataSource: UsageDataSource | undefined;
  sort: string;
  locale: string;
  dir: 'ltr' | 'rtl';
  rowHeight: string;
}

const meta = {
  title: 'Elements/ai-voice-usage',
  component: 'ai-voice-usage',
  tags: ['autodocs'],
  args: { sort: '', locale: 'en-GB', dir: 'ltr', rowHeight: '' },
  argTypes: {
    dataSource: { control: false, description: 'A `UsageDataSource`; each story supplies one.' },
    sort: { control: 'text', description: '`key:asc` or `key:desc`' },
    locale: { control: 'select', options: ['en-GB', 'en-US', 'sv-SE', 'de-DE', 'ar-EG', 'ja-JP'] },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
    rowHeight: { control: 'select', options: ['', '32px', '44px'], description: '`--ai-usage-row-height`' },
  },
  render: (args) =>
    html`<div dir=${args.dir} lang=${args.locale}>
      <ai-voice-usage
        .dataSource=${args.dataSource}
        sort=${args.sort || nothing}
        style=${args.rowHeight ? `--ai-usage-row-height: ${args.rowHeight}` : nothing}
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

/** The organization has no AI voice agents yet. */
export const Empty: Story = { args: { dataSource: demoSource({ voiceAgents: 0 }) } };

/** The backend failed: the reason, and Retry. */
export const Error: Story = { args: { dataSource: failingSource() } };

/** Some rows break the contract: they stay, with their bad values marked and a notice above. */
export const InvalidRows: Story = { args: { dataSource: malformedSource() } };

/** 400 agents: the header stays in view while the table scrolls. */
export const ManyAgents: Story = { args: { dataSource: demoSource({ voiceAgents: 400 }) } };

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
