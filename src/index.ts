/**
 * ai-usage-elements: every element defined, plus the data layer.
 * The provider is defined first so that elements inside it find it as they connect.
 */
export * from './usage-provider.js';
export * from './voice-usage.js';
export * from './messaging-usage.js';
export * from './usage-history.js';
export * from './licenses-usage.js';
export * from './voice-configure.js';
export * from './usage-calls.js';
export * from './data.js';
export type { Column } from './table/data-table.js';
export type { SortDirection as TableSortDirection, SortState } from './table/sort.js';
export type * from './events.js';
