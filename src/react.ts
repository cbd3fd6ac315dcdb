/**
 * `ai-usage-elements/react`: one React component per element, made with `@lit/react`. Props set the
 * element's properties (`dataSource`, `sort`, …) and attributes; `onAiLoad`, `onAiSortChange`, …
 * listen to `ai-load`, `ai-sort-change`, … with the event typed. Importing this module defines the
 * elements, so a wrapper never renders before its element exists.
 *
 * React comes from the host (an optional peer dependency): nothing of it is bundled. Each component
 * is its own pure `export const`, so a bundler drops the ones a host does not import; the element
 * definitions stay, as they do for `import 'ai-usage-elements'`.
 *
 * Not part of the package's main entry nor of the self-contained bundle. In React 19 the plain tags
 * work too (`<ai-voice-usage onai-load={…}>`), typed by `ai-usage-elements/jsx`.
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type {
  ErrorDetail,
  ExportDetail,
  FilterChangeDetail,
  LoadDetail,
  MonthChangeDetail,
  SessionExpiredDetail,
  ShowHistoryDetail,
  SortChangeDetail,
  TabChangeDetail,
  TrialActivatedDetail,
  TrialActivateRequestDetail,
} from './events.js';
import { AiLicensesUsage as LicensesUsageElement } from './licenses-usage.js';
import { AiMessagingUsage as MessagingUsageElement } from './messaging-usage.js';
import { AiUsageCalls as UsageCallsElement } from './usage-calls.js';
import { AiUsageHistory as UsageHistoryElement } from './usage-history.js';
import { AiUsageProvider as UsageProviderElement } from './usage-provider.js';
import { AiVoiceConfigure as VoiceConfigureElement } from './voice-configure.js';
import { AiVoiceUsage as VoiceUsageElement } from './voice-usage.js';

// The event props, each the event's name typed with its event (src/events.ts).
const onAiLoad = 'ai-load' as EventName<CustomEvent<LoadDetail>>;
const onAiError = 'ai-error' as EventName<CustomEvent<ErrorDetail>>;
const onAiSessionExpired = 'ai-session-expired' as EventName<CustomEvent<SessionExpiredDetail>>;
const onAiSortChange = 'ai-sort-change' as EventName<CustomEvent<SortChangeDetail>>;
const onAiFilterChange = 'ai-filter-change' as EventName<CustomEvent<FilterChangeDetail>>;
const onAiExport = 'ai-export' as EventName<CustomEvent<ExportDetail>>;
const onAiTabChange = 'ai-tab-change' as EventName<CustomEvent<TabChangeDetail>>;
const onAiMonthChange = 'ai-month-change' as EventName<CustomEvent<MonthChangeDetail>>;
const onAiTrialActivateRequest = 'ai-trial-activate-request' as EventName<CustomEvent<TrialActivateRequestDetail>>;
const onAiTrialActivated = 'ai-trial-activated' as EventName<CustomEvent<TrialActivatedDetail>>;
const onAiShowHistory = 'ai-show-history' as EventName<CustomEvent<ShowHistoryDetail>>;

/** `<ai-usage-provider>`: shares a data source (an object or a REST endpoint) with the elements it contains. */
export const AiUsageProvider = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'ai-usage-provider',
  elementClass: UsageProviderElement,
  displayName: 'AiUsageProvider',
});

/** `<ai-voice-usage>`: usage and billable minutes of AI voice (call) agents, as a sortable table. */
export const AiVoiceUsage = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'ai-voice-usage',
  elementClass: VoiceUsageElement,
  displayName: 'AiVoiceUsage',
  events: {
    onAiLoad,
    onAiError,
    onAiSessionExpired,
    onAiSortChange,
    onAiFilterChange,
    onAiExport,
    onAiTrialActivateRequest,
    onAiTrialActivated,
    onAiShowHistory,
  },
});

/** `<ai-messaging-usage>`: licenses, engagement, price and cases of AI messaging (chat) agents, as a sortable table. */
export const AiMessagingUsage = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'ai-messaging-usage',
  elementClass: MessagingUsageElement,
  displayName: 'AiMessagingUsage',
  events: { onAiLoad, onAiError, onAiSessionExpired, onAiSortChange, onAiFilterChange, onAiExport },
});

/** `<ai-usage-history>`: monthly AI voice usage (chart and table) and the permission-gated calls list. */
export const AiUsageHistory = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'ai-usage-history',
  elementClass: UsageHistoryElement,
  displayName: 'AiUsageHistory',
  events: { onAiLoad, onAiError, onAiSessionExpired, onAiSortChange, onAiMonthChange },
});

/** `<ai-usage-calls>`: the calls of one month, paged on the server. */
export const AiUsageCalls = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'ai-usage-calls',
  elementClass: UsageCallsElement,
  displayName: 'AiUsageCalls',
  events: { onAiLoad, onAiError, onAiSessionExpired, onAiSortChange, onAiMonthChange },
});

/** `<ai-licenses-usage>`: the Licenses and Usage section, with AI Voice and AI Messaging tabs. */
export const AiLicensesUsage = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'ai-licenses-usage',
  elementClass: LicensesUsageElement,
  displayName: 'AiLicensesUsage',
  events: { onAiLoad, onAiError, onAiSessionExpired, onAiTabChange },
});

/** `<ai-voice-configure>`: the "Configure AI Voice" menu: trial activation, pricing plans, usage this month. */
export const AiVoiceConfigure = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'ai-voice-configure',
  elementClass: VoiceConfigureElement,
  displayName: 'AiVoiceConfigure',
  events: { onAiSessionExpired, onAiTrialActivateRequest, onAiTrialActivated, onAiShowHistory },
});
