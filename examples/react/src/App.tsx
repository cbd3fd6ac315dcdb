import { useState } from 'react';
// The wrappers define their elements when imported, so no tag renders before it is defined.
import { AiMessagingUsage, AiUsageHistory, AiVoiceUsage } from 'ai-usage-elements/react';
import { createMemoryDataSource } from 'ai-usage-elements/data.js';
import { createDemoData } from 'ai-usage-elements/demo-data.js';
import type { SortChangeDetail } from 'ai-usage-elements/voice-usage.js';
import { hostApi } from './host-api';

/** Demo data in memory: no backend needed (a prototype, a story, a test). Made once, outside render. */
const demo = createMemoryDataSource(createDemoData({ seed: 7 }));

export function App() {
  const [lastSort, setLastSort] = useState('none yet');
  const onSort = (table: string) => (event: CustomEvent<SortChangeDetail>) => setLastSort(`${table}: ${event.detail.sortKey} ${event.detail.sortDirection}`);

  return (
    <main>
      <h1>Licenses and Usage</h1>
      <p>
        Last sort: <output id="last-sort">{lastSort}</output>
      </p>

      <section aria-labelledby="voice-heading">
        <h2 id="voice-heading">AI Voice, from the backend</h2>
        <AiVoiceUsage endpoint="/api/ai-usage/" sort="name:asc" onAiSortChange={onSort('voice')} />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">AI Voice month by month, through our own API client</h2>
        <AiUsageHistory dataSource={hostApi} view="table" period="last-6" onAiSortChange={onSort('history')} />
      </section>

      <section aria-labelledby="messaging-heading">
        <h2 id="messaging-heading">AI Messaging, demo data in memory</h2>
        <AiMessagingUsage dataSource={demo} onAiSortChange={onSort('messaging')} />
      </section>
    </main>
  );
}
