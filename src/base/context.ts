import { createContext } from '@lit/context';
import type { UsageDataSource } from '../data/data-source.js';

/**
 * The data source an `<ai-usage-provider>` hands to the elements inside it. A global symbol, so
 * that two copies of the library on one page still find each other.
 */
export const usageDataSourceContext = createContext<UsageDataSource | undefined>(Symbol.for('ai-usage-elements/data-source'));
