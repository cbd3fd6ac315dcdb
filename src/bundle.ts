/**
 * The self-contained bundle (`dist/ai-usage-elements.bundle.js`): every element defined, plus the
 * REST data source, its errors (`httpError`, `networkError`: a host's own source can throw the ones the
 * elements show in the user's language), the error class, the in-memory source and the seeded demo
 * data, for pages that script it without a build (a prototype, a page whose data comes from the host).
 */
export * from './usage-provider.js';
export * from './voice-usage.js';
export * from './messaging-usage.js';
export * from './usage-history.js';
export * from './licenses-usage.js';
export * from './voice-configure.js';
export * from './usage-calls.js';
export { createRestDataSource, httpError, networkError, type RestDataSourceOptions } from './sources/rest-data-source.js';
export { UsageDataError, isAbortError, type UsageDataSource } from './sources/data-source.js';
export { createMemoryDataSource, type MemoryDataSourceOptions, type UsageDataset } from './sources/memory-data-source.js';
export { createDemoData, type DemoDataOptions } from './model/demo-dataset.js';
