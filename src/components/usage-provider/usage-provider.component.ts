import { provide } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { usageDataSourceContext } from '../../base/context.js';
import { RestSourceCache } from '../../base/rest-cache.js';
import type { UsageDataSource } from '../../data/data-source.js';

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

  @provide({ context: usageDataSourceContext })
  protected provided: UsageDataSource | undefined;

  private readonly restSources = new RestSourceCache();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('dataSource') || changed.has('endpoint')) {
      this.provided = this.dataSource ?? this.restSources.get(this.endpoint);
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
