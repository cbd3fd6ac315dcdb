import { ContextProvider } from '@lit/context';
import { css, html, isServer, LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { warnDefinedLate } from '../../core/defined-late.js';
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

  static override properties: PropertyDeclarations = {
    dataSource: { attribute: false },
    endpoint: {},
    requestTimeout: { attribute: 'request-timeout', type: Number },
  };

  /** An object implementing `UsageDataSource`. Takes precedence over `endpoint`. */
  declare dataSource: UsageDataSource | undefined;

  /** Base URL of a backend that speaks the REST contract. */
  declare endpoint: string | undefined;

  /** Time limit for each request of the elements inside, in milliseconds (default 30000); an element's own `request-timeout` wins. */
  declare requestTimeout: number | undefined;

  readonly #source = new ContextProvider(this, { context: usageDataSourceContext });
  readonly #timeout = new ContextProvider(this, { context: usageRequestTimeoutContext });

  override connectedCallback(): void {
    super.connectedCallback();
    if (!isServer) warnDefinedLate(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('dataSource') || changed.has('endpoint')) this.#source.setValue(this.dataSource ?? restSourceFor(this.endpoint));
    if (changed.has('requestTimeout')) this.#timeout.setValue(this.requestTimeout);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
