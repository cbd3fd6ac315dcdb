import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { UsageDataSource } from '../src/data.js';
import '../src/usage-calls.js';
import { callsForbiddenSource, demoSource, failingSource, pendingSource } from './support/sources.js';

interface Args {
  dataSource: UsageDataSource | undefined;
  month: string;
  sort: string;
  pageSize: number;
  locale: string;
  requestTimeout: string;
}

const meta = {
  title: 'Elements/ai-usage-calls',
  component: 'ai-usage-calls',
  tags: ['autodocs'],
  args: { month: '2026-11', sort: 'startedAt:desc', pageSize: 25, locale: '', requestTimeout: '' },
  argTypes: {
    dataSource: { control: false, description: 'A `UsageDataSource`; each story supplies one.' },
    month: { control: 'text', description: '`YYYY-MM`' },
    sort: { control: 'select', options: ['startedAt:desc', 'startedAt:asc', 'durationSeconds:desc', 'agentName:asc', 'takenBy:asc', 'billable:desc'] },
    pageSize: { control: 'select', options: [25, 50, 100, 250, 500] },
    locale: { control: 'select', description: "Empty: the language chosen in the toolbar (the page's `lang`).", options: ['', 'en-GB', 'en-US', 'sv-SE', 'de-DE'] },
    requestTimeout: { control: 'text', description: '`request-timeout` (ms)' },
  },
  render: (args) =>
    html`<div lang=${args.locale || nothing}>
      <ai-usage-calls
        .dataSource=${args.dataSource}
        month=${args.month}
        from="2026-06"
        to="2026-11"
        sort=${args.sort}
        page-size=${args.pageSize}
        request-timeout=${args.requestTimeout || nothing}
        time-zone="Europe/Stockholm"
      ></ai-usage-calls>
    </div>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The calls of November, newest first, 25 a page; the month picker offers June to November. */
export const Default: Story = { args: { dataSource: demoSource() } };

/** Longest calls first. */
export const Sorted: Story = { args: { dataSource: demoSource(), sort: 'durationSeconds:desc' } };

/** About 100,000 calls in the month: paged on the server, one page in the page. */
export const HundredThousandCalls: Story = { args: { dataSource: demoSource({ volume: 40, callMonths: ['2026-11'] }), pageSize: 100 } };

/** While the page is on its way: the table's header stays, the rows shimmer. */
export const Loading: Story = { args: { dataSource: pendingSource() } };

/** A month without calls. */
export const Empty: Story = { args: { dataSource: demoSource({ voiceAgents: 2, callMonths: [] }) } };

/** The user may not see individual calls: a calm notice, no error. */
export const NoPermission: Story = { args: { dataSource: callsForbiddenSource() } };

/** The backend failed: the reason, and Retry. */
export const Error: Story = { args: { dataSource: failingSource() } };

/** No answer within `request-timeout` (here 1 s). */
export const TimedOut: Story = { args: { dataSource: pendingSource(), requestTimeout: '1000' } };
