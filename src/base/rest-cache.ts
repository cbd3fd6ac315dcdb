import { UsageDataError, type UsageDataSource } from '../data/data-source.js';
import { createFailingDataSource } from '../data/failing-source.js';
import { createRestDataSource } from '../data/rest-data-source.js';

/** One REST source per endpoint string, so re-renders never create a new source (and a new fetch). */
export class RestSourceCache {
  private endpoint: string | undefined;
  private source: UsageDataSource | undefined;

  get(endpoint: string | undefined | null): UsageDataSource | undefined {
    if (!endpoint) return undefined;
    if (endpoint !== this.endpoint || !this.source) {
      this.endpoint = endpoint;
      try {
        this.source = createRestDataSource({ baseUrl: endpoint });
      } catch {
        this.source = createFailingDataSource(new UsageDataError('network', 'endpoint', `The endpoint “${endpoint}” is not a valid URL.`));
      }
    }
    return this.source;
  }
}
