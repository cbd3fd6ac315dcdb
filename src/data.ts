/** The data layer alone: types, the data-source interface, REST and in-memory sources, validation. No elements. */
export * from './model/types.js';
export * from './sources/data-source.js';
export { createRestDataSource, httpError, networkError, type RestDataSourceOptions } from './sources/rest-data-source.js';
export { createFailingDataSource } from './sources/failing-source.js';
export { createMemoryDataSource, type MemoryDataSourceOptions, type UsageDataset } from './sources/memory-data-source.js';
export { validateVoiceAgents, summarizeVoiceAgents, type VoiceAgentRow, type VoiceAgentsView } from './validate/voice-agents.js';
export { validateMessagingAgents, type MessagingAgentRow, type MessagingAgentsView } from './validate/messaging-agents.js';
export { validateHistory, monthOverMonth, type HistoryRow, type HistoryView, type HistoryMetric } from './validate/history.js';
export { validateCallsPage, type CallRow, type CallsPageView } from './validate/calls.js';
export type { Problem } from './validate/validate.js';
export { toCsv, parseCsv, type CsvField } from './table/csv.js';
export { usageDataSourceContext } from './sources/context.js';
