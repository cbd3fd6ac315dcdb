// A Svelte 5 host, type-checked only (scripts/check-types.js). svelte-check checks
// `<ai-voice-usage sort="name:asc" onai-load={…}>` as an object literal of the tag's entry in
// `SvelteHTMLElements`, which is what these literals are. Each `@ts-expect-error` is a mistake a
// host could make that must not compile.
import 'ai-usage-elements/svelte';
import { createMemoryDataSource } from 'ai-usage-elements/data.js';
import { createDemoData } from 'ai-usage-elements/demo-data.js';
import type { SvelteHTMLElements } from 'svelte/elements';

type Tag<K extends keyof SvelteHTMLElements> = SvelteHTMLElements[K];
const element = <K extends keyof SvelteHTMLElements>(_tag: K, attributes: Tag<K>) => attributes;

const source = createMemoryDataSource(createDemoData());
// `bind:this` in markup; here the tag map of the element's own module types it.
const usage = document.querySelector('ai-voice-usage');

export const host = [
  element('ai-usage-provider', { endpoint: '/api/ai-usage/', requestTimeout: 20000, 'request-timeout': '20000' }),
  element('ai-voice-usage', {
    dataSource: source,
    sort: 'name:asc',
    filter: '',
    trialWarningDays: 7,
    'trial-warning-days': '7',
    referenceDate: new Date(),
    locale: 'sv',
    'time-zone': 'Europe/Stockholm',
    class: 'usage',
    style: 'max-width: 60rem',
    slot: 'main',
    onclick: (event) => event.currentTarget.reload(),
    'onai-load': (event) => console.log(event.detail.count, event.detail.rowsWithProblems, usage?.visibleRows.length),
    'onai-sort-change': (event) => {
      const key: string = event.detail.sortKey;
      const direction: 'asc' | 'desc' = event.detail.sortDirection;
      if (key === 'cost') event.preventDefault();
      console.log(direction);
    },
    'onai-export': (event) => console.log(event.detail.filename, event.detail.csv.length),
  }),
  element('ai-messaging-usage', { filter: 'support', 'onai-filter-change': (event) => console.log(event.detail.filter.trim()) }),
  element('ai-usage-history', {
    period: 'last-12',
    metric: 'callsEngaged',
    view: 'table',
    'calls-sort': 'time:desc',
    'page-size': '50',
    'onai-month-change': (event) => event.detail.month,
  }),
  element('ai-usage-calls', { month: '2026-03', pageSize: 50, 'agent-id': 'a1', 'onai-error': (event) => console.log(event.detail.error) }),
  element('ai-licenses-usage', { 'active-tab': 'messaging', 'onai-tab-change': (event) => console.log(event.detail.tab === 'voice') }),
  element('ai-voice-configure', { month: '2026-03', billableMinutes: 120, 'onai-trial-activated': (event) => console.log(event.detail.trial.endsAt) }),
];

export const mistakes = [
  // @ts-expect-error `sort` is a string (`key:asc`), not a number
  element('ai-voice-usage', { sort: 3 }),
  // @ts-expect-error `sortKy`: no such field in the `ai-sort-change` detail
  element('ai-voice-usage', { 'onai-sort-change': (event) => event.detail.sortKy }),
  // @ts-expect-error `sortDirection` is 'asc' | 'desc', not a number
  element('ai-messaging-usage', { 'onai-sort-change': (event) => Math.abs(event.detail.sortDirection) }),
  // @ts-expect-error `dataSource` takes a UsageDataSource, not a URL (that is `endpoint`)
  element('ai-voice-usage', { dataSource: '/api/ai-usage/' }),
  // @ts-expect-error `active-tab` is `voice` or `messaging`
  element('ai-licenses-usage', { 'active-tab': 'phone' }),
  // @ts-expect-error `period` is `last-6` or `last-12`
  element('ai-usage-history', { period: 'last-7' }),
  // @ts-expect-error `status` is read-only: the element reports it
  element('ai-voice-usage', { status: 'ready' }),
  // @ts-expect-error the `ai-load` detail has `count`, not `rows`
  element('ai-usage-history', { 'onai-load': (event) => event.detail.rows }),
];
