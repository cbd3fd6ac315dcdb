import { provide } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { usageDataSourceContext, usageRequestTimeoutContext } from '../../sources/context.js';
import type { UsageDataSource } from '../../sources/data-source.js';
import { restSourceFor } from '../../sources/rest-cache.js';

/**
 * Supplies one data source to every ai-usage element inside it, so a page configures its backend once.
 *
 * @summary Shares a data source (an object or a REST endpoint) with the elements it contains.
 * @tag ai-usage-provider
 * @slot - The elements that use the data source.
 */
export class AiUsageProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** An object implementing `UsageDataSource`. Takes precedence over `endpoint`. */
  @property({ attribute: false }) dataSource: UsageDataSource | undefined;

  /** Base URL of a backend that speaks the REST contract. */
  @property() endpoint: string | undefined;

  /** Time limit for each request of the elements inside, in milliseconds (default 30000); an element's own `request-timeout` wins. */
  @property({ attribute: 'request-timeout', type: Number }) requestTimeout: number | undefined;

  @provide({ context: usageDataSourceContext })
  protected provided: UsageDataSource | undefined;

  @provide({ context: usageRequestTimeoutContext })
  protected providedRequestTimeout: number | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('dataSource') || changed.has('endpoint')) {
      this.provided = this.dataSource ?? restSourceFor(this.endpoint);
    }
    if (changed.has('requestTimeout')) this.providedRequestTimeout = this.requestTimeout;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
