/** The data layer alone: types, the data-source interface, REST and in-memory sources, validation. No elements. */
export * from './data/types.js';
export * from './data/data-source.js';
export { createRestDataSource, type RestDataSourceOptions } from './data/rest-data-source.js';
export { createFailingDataSource } from './data/failing-source.js';
export { createMemoryDataSource, type MemoryDataSourceOptions, type UsageDataset } from './data/memory-data-source.js';
export { validateVoiceAgents, summarizeVoiceAgents, type VoiceAgentRow, type VoiceAgentsView } from './data/voice-agents.js';
export { validateMessagingAgents, type MessagingAgentRow, type MessagingAgentsView } from './data/messaging-agents.js';
export { validateHistory, monthOverMonth, type HistoryRow, type HistoryView, type HistoryMetric } from './data/history.js';
export { validateCallsPage, type CallRow, type CallsPageView } from './data/calls.js';
export type { Problem } from './data/validate.js';
export { toCsv, parseCsv, type CsvField } from './table/csv.js';
export { usageDataSourceContext } from './base/context.js';
