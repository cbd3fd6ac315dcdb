import type { Context } from '@lit/context';
import type { UsageDataSource } from './data-source.js';

/*
 * The contexts are their keys: `@lit/context`'s `createContext(key)` returns `key` itself, typed. So
 * they are made here without importing it (a type import only), and the data layer (`data.js`) loads
 * without lit. Providers and consumers built with `@lit/context` match them all the same.
 */

/**
 * The data source an `<ai-usage-provider>` hands to the elements inside it. A global symbol, so
 * that two copies of the library on one page still find each other.
 */
export const usageDataSourceContext = Symbol.for('ai-usage-elements/data-source') as Context<symbol, UsageDataSource | undefined>;

/** The request time limit (ms) an `<ai-usage-provider>` sets for the elements inside it. */
export const usageRequestTimeoutContext = Symbol.for('ai-usage-elements/request-timeout') as Context<symbol, number | undefined>;
