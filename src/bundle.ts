/**
 * The self-contained bundle (`dist/ai-usage-elements.bundle.js`): every element defined, plus the
 * REST data source, its errors (`httpError`, `networkError`: a host's own source can throw the ones the
 * elements show in the user's language) and the error class for hosts that script it. The in-memory source and the demo
 * data stay in the npm entry points, where bundler users get them.
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
