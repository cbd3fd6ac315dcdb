// A React 19 host, type-checked only (scripts/check-types.js): the plain tags with
// `ai-usage-elements/jsx`, and the `ai-usage-elements/react` wrappers. Each `@ts-expect-error` is
// a mistake a host could make that must not compile (tsc fails if the line compiles).
import { useRef } from 'react';
import 'ai-usage-elements/jsx';
import { createMemoryDataSource, type UsageDataSource } from 'ai-usage-elements/data.js';
import { createDemoData } from 'ai-usage-elements/demo-data.js';
import type { AiVoiceUsage as VoiceUsageElement } from 'ai-usage-elements/voice-usage.js';
import { AiLicensesUsage, AiMessagingUsage, AiUsageCalls, AiUsageHistory, AiUsageProvider, AiVoiceConfigure, AiVoiceUsage } from 'ai-usage-elements/react';

const source: UsageDataSource = createMemoryDataSource(createDemoData());

export function PlainTags() {
  const ref = useRef<VoiceUsageElement>(null);
  return (
    <ai-usage-provider endpoint="/api/ai-usage/" request-timeout="20000" requestTimeout={20000}>
      <ai-voice-usage
        ref={ref}
        dataSource={source}
        sort="name:asc"
        filter=""
        trialWarningDays={7}
        trial-warning-days="7"
        referenceDate={new Date()}
        locale="sv"
        time-zone="Europe/Stockholm"
        className="usage"
        class="usage"
        style={{ maxWidth: '60rem' }}
        slot="main"
        id="voice"
        aria-label="Voice usage"
        onClick={(event) => event.currentTarget.reload()}
        onai-load={(event) => {
          const shown: number = event.detail.count;
          const problems: number = event.detail.rowsWithProblems;
          console.log(shown, problems);
        }}
        onai-sort-change={(event) => {
          const key: string = event.detail.sortKey;
          const direction: 'asc' | 'desc' = event.detail.sortDirection;
          if (key === 'cost') event.preventDefault();
          console.log(direction);
        }}
        onai-export={(event) => console.log(event.detail.filename, event.detail.csv.length, event.detail.rowCount)}
        onai-session-expired={(event) => console.log(event.detail.operation)}
      >
        <button slot="actions">Help</button>
      </ai-voice-usage>
      <ai-messaging-usage filter="support" onai-filter-change={(event) => console.log(event.detail.filter.trim())} />
      <ai-usage-history period="last-12" metric="callsEngaged" view="table" calls-sort="time:desc" page-size="50" onai-month-change={(event) => console.log(event.detail.month)} />
      <ai-usage-calls month="2026-03" pageSize={50} agentId="a1" onai-error={(event) => console.log(event.detail.error)} />
      <ai-licenses-usage active-tab="messaging" activeTab="voice" onai-tab-change={(event) => console.log(event.detail.tab === 'messaging')} />
      <ai-voice-configure month="2026-03" billableMinutes={120} onai-trial-activated={(event) => console.log(event.detail.trial.endsAt)} />
    </ai-usage-provider>
  );
}

export function PlainTagMistakes() {
  return (
    <>
      {/* @ts-expect-error `sort` is a string (`key:asc`), not a number */}
      <ai-voice-usage sort={3} />
      {/* @ts-expect-error `sortKy`: no such field in the `ai-sort-change` detail */}
      <ai-voice-usage onai-sort-change={(event) => console.log(event.detail.sortKy)} />
      {/* @ts-expect-error `sortDirection` is 'asc' | 'desc', not a number */}
      <ai-messaging-usage onai-sort-change={(event) => Math.abs(event.detail.sortDirection)} />
      {/* @ts-expect-error a handler written for another detail */}
      <ai-usage-calls onai-month-change={(event: CustomEvent<{ page: number }>) => event.detail.page} />
      {/* @ts-expect-error `dataSource` takes a UsageDataSource, not a URL (that is `endpoint`) */}
      <ai-voice-usage dataSource="/api/ai-usage/" />
      {/* @ts-expect-error `active-tab` is `voice` or `messaging` */}
      <ai-licenses-usage active-tab="phone" />
      {/* @ts-expect-error `period` is `last-6` or `last-12` */}
      <ai-usage-history period="last-7" />
      {/* @ts-expect-error `status` is read-only: the element reports it */}
      <ai-voice-usage status="ready" />
      {/* @ts-expect-error `pageSize` is a number */}
      <ai-usage-calls pageSize="50" />
      {/* @ts-expect-error the `ai-load` detail has `count`, not `rows` */}
      <ai-usage-history onai-load={(event) => event.detail.rows} />
    </>
  );
}

export function Wrappers() {
  const ref = useRef<VoiceUsageElement>(null);
  return (
    <AiUsageProvider endpoint="/api/ai-usage/" requestTimeout={20000}>
      <AiVoiceUsage
        ref={ref}
        dataSource={source}
        sort="name:asc"
        trialWarningDays={7}
        className="usage"
        style={{ maxWidth: '60rem' }}
        onAiLoad={(event) => console.log(event.detail.count + event.detail.rowsWithProblems)}
        onAiSortChange={(event) => {
          const key: string = event.detail.sortKey;
          const direction: 'asc' | 'desc' = event.detail.sortDirection;
          console.log(key, direction);
        }}
        onAiExport={(event) => event.detail.csv.length}
        onAiTrialActivateRequest={(event) => event.preventDefault()}
      >
        <button slot="actions">Help</button>
      </AiVoiceUsage>
      <AiMessagingUsage filter="support" onAiFilterChange={(event) => console.log(event.detail.filter)} onAiSessionExpired={(event) => event.detail.operation} />
      <AiUsageHistory period="last-6" metric="billableMinutes" onAiMonthChange={(event) => event.detail.month} />
      <AiUsageCalls month="2026-03" pageSize={50} onAiError={(event) => console.log(event.detail.error)} />
      <AiLicensesUsage activeTab="messaging" onAiTabChange={(event) => console.log(event.detail.tab)} />
      <AiVoiceConfigure month="2026-03" onAiTrialActivated={(event) => console.log(event.detail.trial.status)} onAiShowHistory={() => undefined} />
    </AiUsageProvider>
  );
}

export function WrapperMistakes() {
  return (
    <>
      {/* @ts-expect-error `sort` is a string, not a number */}
      <AiVoiceUsage sort={3} />
      {/* @ts-expect-error `sortKy`: no such field in the `ai-sort-change` detail */}
      <AiVoiceUsage onAiSortChange={(event) => event.detail.sortKy} />
      {/* @ts-expect-error `tab` is 'voice' | 'messaging', not a number */}
      <AiLicensesUsage onAiTabChange={(event) => Math.abs(event.detail.tab)} />
      {/* @ts-expect-error `period` is `last-6` or `last-12` */}
      <AiUsageHistory period="last-7" />
      {/* @ts-expect-error `onAiSortChange`: the licenses section fires no sort event */}
      <AiLicensesUsage onAiSortChange={() => undefined} />
    </>
  );
}
