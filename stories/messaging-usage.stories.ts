import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { UsageDataSource } from '../src/data.js';
import '../src/messaging-usage.js';
import { demoSource, failingSource, licensesSource, malformedMessagingSource, pendingSource, STORY_NOW } from './support/sources.js';

interface Args {
  dataSource: UsageDataSource | undefined;
  sort: string;
  filter: string;
  locale: string;
  dir: '' | 'ltr' | 'rtl';
}

const meta = {
  title: 'Elements/ai-messaging-usage',
  component: 'ai-messaging-usage',
  tags: ['autodocs'],
  args: { sort: '', filter: '', locale: '', dir: 'ltr' },
  argTypes: {
    dataSource: { control: false, description: 'A `UsageDataSource`; each story supplies one.' },
    sort: { control: 'text', description: '`key:asc` or `key:desc` (entity, name, license, engagement, priceCredits, engagedCases)' },
    filter: { control: 'text' },
    locale: {
      control: 'select',
      description: "Empty: the language chosen in the toolbar (the page's `lang`).",
      options: ['', 'en-GB', 'en-US', 'sv-SE', 'de-DE', 'ar-EG', 'ja-JP'],
    },
    dir: { control: 'inline-radio', options: ['', 'ltr', 'rtl'] },
  },
  render: (args) =>
    html`<div dir=${args.dir || nothing} lang=${args.locale || nothing}>
      <ai-messaging-usage .dataSource=${args.dataSource} .referenceDate=${STORY_NOW} sort=${args.sort || nothing} filter=${args.filter || nothing}></ai-messaging-usage>
    </div>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Chat and web-chat agents with their licenses, engagement, price and cases. */
export const Default: Story = { args: { dataSource: demoSource() } };

/** Every kind of license: Unlimited, Trial (ending soon and later), Trial expired, and other types by name. */
export const LicenseTypes: Story = { args: { dataSource: licensesSource(), sort: 'license:asc' } };

/** Sorted by engagement, highest share of new cases first. */
export const SortedByEngagement: Story = { args: { dataSource: demoSource(), sort: 'engagement:desc' } };

/** Filtered to agents or entities matching “chat”. */
export const Filtered: Story = { args: { dataSource: demoSource(), filter: 'chat' } };

/** A filter that matches nothing: distinct from having no agents, with Clear filter. */
export const NoMatches: Story = { args: { dataSource: demoSource(), filter: 'zzz' } };

/** While the first answer is on its way. */
export const Loading: Story = { args: { dataSource: pendingSource() } };

/** The organization has no AI messaging agents yet. */
export const Empty: Story = { args: { dataSource: demoSource({ messagingAgents: 0 }) } };

/** The backend failed: the reason, and Retry. */
export const Error: Story = { args: { dataSource: failingSource() } };

/** Some rows break the contract: they stay, marked, with a notice above. */
export const InvalidRows: Story = { args: { dataSource: malformedMessagingSource() } };

/** Right-to-left page in Arabic. */
export const RightToLeft: Story = { args: { dataSource: demoSource(), dir: 'rtl', locale: 'ar-EG' } };
