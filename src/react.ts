/**
 * `ai-usage-elements/react`: one React component per element, made with `@lit/react`. Props set the
 * element's properties (`dataSource`, `sort`, …) and attributes; `onAiLoad`, `onAiSortChange`, …
 * listen to `ai-load`, `ai-sort-change`, … with the event typed. Each component defines its element
 * (and those it renders) as the module loads, so a wrapper never renders before its element exists.
 *
 * React comes from the host (an optional peer dependency): nothing of it is bundled. Each component
 * is its own pure `export const`, so a bundler drops the ones a host does not import, and with them
 * their elements (test/unit/react-tree-shaking.test.ts).
 *
 * Not part of the package's main entry nor of the self-contained bundle. In React 19 the plain tags
 * work too (`<ai-voice-usage onai-load={…}>`), typed by `ai-usage-elements/jsx`.
 */
import { createComponent, type EventName, type Options, type ReactWebComponent } from '@lit/react';
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
// The element classes, not the define modules: a component nobody imports defines nothing.
import { AiLicensesUsage as LicensesUsageElement } from './components/licenses-usage/licenses-usage.component.js';
import { AiMessagingUsage as MessagingUsageElement } from './components/messaging-usage/messaging-usage.component.js';
import { AiUsageCalls as UsageCallsElement } from './components/usage-calls/usage-calls.component.js';
import { AiUsageHistory as UsageHistoryElement } from './components/usage-history/usage-history.component.js';
import { AiUsageProvider as UsageProviderElement } from './components/usage-provider/usage-provider.component.js';
import { AiVoiceConfigure as VoiceConfigureElement } from './components/voice-configure/voice-configure.component.js';
import { AiVoiceUsage as VoiceUsageElement } from './components/voice-usage/voice-usage.component.js';

/** Elements to define first: the provider (so elements inside it find it as they connect), and those an element renders. */
type Needs = readonly (readonly [tag: string, element: CustomElementConstructor])[];

/**
 * Defines an element (after those it needs, as its define module does) and makes its React
 * component. Called through `@__PURE__` consts: a component a host does not import is dropped by
 * its bundler, with its definitions.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- @lit/react's own default for "no events"
function wrap<I extends HTMLElement, E extends Record<string, EventName | string> = {}>(options: Omit<Options<I, E>, 'react'>, needs: Needs = []): ReactWebComponent<I, E> {
  for (const [tag, element] of [...needs, [options.tagName, options.elementClass] as const]) if (!customElements.get(tag)) customElements.define(tag, element);
  return createComponent({ react: React, ...options });
}

const provider = ['ai-usage-provider', UsageProviderElement] as const;
const configure = ['ai-voice-configure', VoiceConfigureElement] as const;
const calls = ['ai-usage-calls', UsageCallsElement] as const;

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
export const AiUsageProvider = /* @__PURE__ */ wrap({
  tagName: 'ai-usage-provider',
  elementClass: UsageProviderElement,
  displayName: 'AiUsageProvider',
});

/** `<ai-voice-usage>`: usage and billable minutes of AI voice (call) agents, as a sortable table. */
export const AiVoiceUsage = /* @__PURE__ */ wrap(
  {
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
  },
  [provider, configure],
);

/** `<ai-messaging-usage>`: licenses, engagement, price and cases of AI messaging (chat) agents, as a sortable table. */
export const AiMessagingUsage = /* @__PURE__ */ wrap(
  {
    tagName: 'ai-messaging-usage',
    elementClass: MessagingUsageElement,
    displayName: 'AiMessagingUsage',
    events: { onAiLoad, onAiError, onAiSessionExpired, onAiSortChange, onAiFilterChange, onAiExport },
  },
  [provider],
);

/** `<ai-usage-history>`: monthly AI voice usage (chart and table) and the permission-gated calls list. */
export const AiUsageHistory = /* @__PURE__ */ wrap(
  {
    tagName: 'ai-usage-history',
    elementClass: UsageHistoryElement,
    displayName: 'AiUsageHistory',
    events: { onAiLoad, onAiError, onAiSessionExpired, onAiSortChange, onAiMonthChange },
  },
  [provider, calls],
);

/** `<ai-usage-calls>`: the calls of one month, paged on the server. */
export const AiUsageCalls = /* @__PURE__ */ wrap(
  {
    tagName: 'ai-usage-calls',
    elementClass: UsageCallsElement,
    displayName: 'AiUsageCalls',
    events: { onAiLoad, onAiError, onAiSessionExpired, onAiSortChange, onAiMonthChange },
  },
  [provider],
);

/** `<ai-licenses-usage>`: the Licenses and Usage section, with AI Voice and AI Messaging tabs. */
export const AiLicensesUsage = /* @__PURE__ */ wrap(
  {
    tagName: 'ai-licenses-usage',
    elementClass: LicensesUsageElement,
    displayName: 'AiLicensesUsage',
    events: { onAiLoad, onAiError, onAiSessionExpired, onAiTabChange },
  },
  [provider, configure, ['ai-voice-usage', VoiceUsageElement], ['ai-messaging-usage', MessagingUsageElement], calls, ['ai-usage-history', UsageHistoryElement]],
);

/** `<ai-voice-configure>`: the "Configure AI Voice" menu: trial activation, pricing plans, usage this month. */
export const AiVoiceConfigure = /* @__PURE__ */ wrap({
  tagName: 'ai-voice-configure',
  elementClass: VoiceConfigureElement,
  displayName: 'AiVoiceConfigure',
  events: { onAiSessionExpired, onAiTrialActivateRequest, onAiTrialActivated, onAiShowHistory },
});
