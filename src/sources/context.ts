import { createContext } from '@lit/context';
import type { UsageDataSource } from './data-source.js';

/**
 * The data source an `<ai-usage-provider>` hands to the elements inside it. A global symbol, so
 * that two copies of the library on one page still find each other.
 */
export const usageDataSourceContext = createContext<UsageDataSource | undefined>(Symbol.for('ai-usage-elements/data-source'));

/** The request time limit (ms) an `<ai-usage-provider>` sets for the elements inside it. */
export const usageRequestTimeoutContext = createContext<number | undefined>(Symbol.for('ai-usage-elements/request-timeout'));
