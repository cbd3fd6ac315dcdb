import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { UsageDataSource } from '../src/data.js';
import '../src/licenses-usage.js';
import type { LicensesTab } from '../src/licenses-usage.js';
import { demoSource, failingSource, pendingSource } from './support/sources.js';

interface Args {
  dataSource: UsageDataSource | undefined;
  activeTab: LicensesTab;
  locale: string;
}

const meta = {
  title: 'Elements/ai-licenses-usage',
  component: 'ai-licenses-usage',
  tags: ['autodocs'],
  args: { activeTab: 'voice', locale: '' },
  argTypes: {
    dataSource: { control: false, description: 'A `UsageDataSource`; each story supplies one.' },
    activeTab: { control: 'inline-radio', options: ['voice', 'messaging'] },
    locale: { control: 'select', description: "Empty: the language chosen in the toolbar (the page's `lang`).", options: ['', 'en-GB', 'en-US', 'sv-SE', 'de-DE'] },
  },
  render: (args) =>
    html`<div lang=${args.locale || nothing}>
      <ai-licenses-usage .dataSource=${args.dataSource} active-tab=${args.activeTab}></ai-licenses-usage>
    </div>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The whole section, AI Voice tab. */
export const Voice: Story = { args: { dataSource: demoSource() } };

/** The AI Messaging tab. */
export const Messaging: Story = { args: { dataSource: demoSource(), activeTab: 'messaging' } };

/** Loading. */
export const Loading: Story = { args: { dataSource: pendingSource() } };

/** The backend failed. */
export const Error: Story = { args: { dataSource: failingSource() } };
