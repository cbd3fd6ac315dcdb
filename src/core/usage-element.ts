import { consume } from '@lit/context';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { safeLocale, safeTimeZone } from '../format/format.js';
import { usageDataSourceContext, usageRequestTimeoutContext } from '../sources/context.js';
import type { UsageDataSource } from '../sources/data-source.js';
import { restSourceFor } from '../sources/rest-cache.js';
import { requestTimeout } from '../sources/timeout.js';

/** What a data element shows: no data source, loading, data, nothing to show, or an error. */
export type UsageStatus = 'unconfigured' | 'loading' | 'ready' | 'empty' | 'error';

/** The nearest `lang` attribute, looking through shadow roots; `undefined` outside a DOM (server rendering). */
function inheritedLang(element: Element): string | undefined {
  if (typeof Element === 'undefined') return undefined;
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') || undefined;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

/**
 * The thin base of every element: where its data comes from (`dataSource`, then `endpoint`, then
 * the nearest `<ai-usage-provider>`), how long a request may take, its locale, its time zone and
 * its `status`. Loading, tables and templates are composed in by each element (`LoadController`,
 * `TableTools`, the templates in `src/ui/`).
 */
export abstract class UsageElement extends LitElement {
  /** An object implementing `UsageDataSource`. Takes precedence over `endpoint` and any provider. */
  @property({ attribute: false }) dataSource: UsageDataSource | undefined;

  /** Base URL of a backend that speaks the REST contract, e.g. `/api/ai-usage/`. */
  @property() endpoint: string | undefined;

  /** BCP 47 locale for numbers and dates. Default: the nearest `lang` attribute, then the browser's. */
  @property() locale: string | undefined;

  /** IANA time zone for dates and times. Default: the organization's, as the backend reports it. */
  @property({ attribute: 'time-zone' }) timeZone: string | undefined;

  /** Time limit for each request, in milliseconds (default 30000, or the enclosing provider's). A request past it is aborted and shows the error state with Retry. */
  @property({ attribute: 'request-timeout', type: Number }) requestTimeout: number | undefined;

  /**
   * Read-only. What the element shows: `unconfigured` (no data source), `loading`, `ready`, `empty`
   * (loaded, nothing to show) or `error`. Reflected, and set in the same update that renders that
   * state, so a host that arrives late reads it instead of waiting for `ai-load` or `ai-error`.
   */
  @property({ reflect: true }) status: UsageStatus = 'unconfigured';

  /** The source supplied by an enclosing `<ai-usage-provider>`. */
  @consume({ context: usageDataSourceContext, subscribe: true })
  @state()
  protected providedDataSource: UsageDataSource | undefined;

  /** The time limit supplied by an enclosing `<ai-usage-provider>`. */
  @consume({ context: usageRequestTimeoutContext, subscribe: true })
  @state()
  protected providedRequestTimeout: number | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Moved out of a provider: forget its source (a provider around the new place answers on reconnect).
    this.providedDataSource = undefined;
    this.providedRequestTimeout = undefined;
  }

  /** The data source in use, by precedence; `undefined` when none is configured. */
  get resolvedDataSource(): UsageDataSource | undefined {
    return this.dataSource ?? restSourceFor(this.endpoint) ?? this.providedDataSource;
  }

  /** The time limit in force for each request, in milliseconds. */
  get effectiveRequestTimeout(): number {
    return requestTimeout(this.requestTimeout ?? this.providedRequestTimeout);
  }

  /** Resolved once per update: every cell asks for it, and walking up for `lang` is not free. */
  private resolvedLocale: { value: string | undefined } | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.resolvedLocale = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.resolvedLocale = undefined;
  }

  /** The locale in use. */
  get effectiveLocale(): string | undefined {
    if (!this.resolvedLocale) {
      this.resolvedLocale = { value: safeLocale(this.locale) ?? safeLocale(inheritedLang(this)) ?? safeLocale(globalThis.navigator?.language) };
    }
    return this.resolvedLocale.value;
  }

  /** The time zone for dates: the `time-zone` attribute when valid, else the organization's (from the data). */
  zoneFor(view: { timeZone: string | undefined } | undefined): string | undefined {
    return safeTimeZone(this.timeZone) ?? view?.timeZone;
  }
}
