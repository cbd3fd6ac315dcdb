import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { UsageDataSource } from '../src/data.js';
import '../src/usage-history.js';
import { callsForbiddenSource, demoSource, failingSource, malformedHistorySource, pendingSource, slowSource } from './support/sources.js';

interface Args {
  dataSource: UsageDataSource | undefined;
  period: 'last-6' | 'last-12';
  view: 'chart' | 'table';
  metric: 'billableMinutes' | 'callsEngaged' | 'nonBillableCalls';
  agentId: string;
  locale: string;
}

const meta = {
  title: 'Elements/ai-usage-history',
  component: 'ai-usage-history',
  tags: ['autodocs'],
  args: { period: 'last-12', view: 'chart', metric: 'billableMinutes', agentId: '', locale: '' },
  argTypes: {
    dataSource: { control: false, description: 'A `UsageDataSource`; each story supplies one.' },
    period: { control: 'inline-radio', options: ['last-6', 'last-12'] },
    view: { control: 'inline-radio', options: ['chart', 'table'] },
    metric: { control: 'inline-radio', options: ['billableMinutes', 'callsEngaged', 'nonBillableCalls'] },
    agentId: { control: 'text' },
    locale: { control: 'select', description: "Empty: the language chosen in the toolbar (the page's `lang`).", options: ['', 'en-GB', 'en-US', 'sv-SE', 'de-DE', 'ja-JP'] },
  },
  render: (args) =>
    html`<div lang=${args.locale || nothing}>
      <ai-usage-history
        .dataSource=${args.dataSource}
        period=${args.period}
        view=${args.view}
        metric=${args.metric}
        agent-id=${args.agentId || nothing}
        time-zone="Europe/Stockholm"
      ></ai-usage-history>
    </div>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Twelve months as a chart, and the calls of the latest month (the user may see calls). */
export const Default: Story = { args: { dataSource: demoSource() } };

/** The same months as a table, with month-over-month change. */
export const Table: Story = { args: { dataSource: demoSource(), view: 'table' } };

/** One agent, last 6 months. */
export const OneAgent: Story = { args: { dataSource: demoSource(), agentId: 'va-002', period: 'last-6' } };

/** The user may not see individual calls: a calm notice; the monthly figures stay. */
export const NoPermission: Story = { args: { dataSource: callsForbiddenSource() } };

/** A month with no calls at all. */
export const Empty: Story = { args: { dataSource: demoSource({ voiceAgents: 2, callMonths: [] }) } };

/** About 100,000 calls in the month: paged on the server, one page in the page. */
export const HundredThousandCalls: Story = { args: { dataSource: demoSource({ volume: 40, callMonths: ['2026-11'] }) } };

/** A slow backend (1.5 s per answer). */
export const SlowBackend: Story = { args: { dataSource: slowSource(1500) } };

/** While the first answers are on their way. */
export const Loading: Story = { args: { dataSource: pendingSource() } };

/** The backend failed. */
export const Error: Story = { args: { dataSource: failingSource() } };

/** Some months break the contract. */
export const InvalidRows: Story = { args: { dataSource: malformedHistorySource(), view: 'table' } };
