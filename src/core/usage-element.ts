import { ContextConsumer } from '@lit/context';
import { isServer, LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { safeTimeZone } from '../format/format.js';
import { warnDefinedLate } from './defined-late.js';
import { Localized } from '../i18n/localized.js';
import { usageDataSourceContext, usageRequestTimeoutContext } from '../sources/context.js';
import type { UsageDataSource } from '../sources/data-source.js';
import { restSourceFor } from '../sources/rest-cache.js';
import { requestTimeout } from '../sources/timeout.js';

/** What a data element shows: no data source, loading, data, nothing to show, or an error. */
export type UsageStatus = 'unconfigured' | 'loading' | 'ready' | 'empty' | 'error';

/** Said once per page (see `warnDefinedLate`). */
/**
 * The thin base of every element: where its data comes from (`dataSource`, then `endpoint`, then
 * the nearest `<ai-usage-provider>`), how long a request may take, its locale, its time zone and
 * its `status`. Loading, tables and templates are composed in by each element (`LoadController`,
 * `TableTools`, the templates in `src/ui/`).
 */
export abstract class UsageElement extends Localized(LitElement) {
  // Reactive properties are declared here rather than with decorators: the same API, and the bundle
  // carries neither the decorator helpers nor a copy of esbuild's `__decorateClass` per module.
  static override properties: PropertyDeclarations = {
    dataSource: { attribute: false },
    endpoint: {},
    locale: {},
    timeZone: { attribute: 'time-zone' },
    requestTimeout: { attribute: 'request-timeout', type: Number },
    status: { reflect: true },
  };

  /** An object implementing `UsageDataSource`. Takes precedence over `endpoint` and any provider. */
  declare dataSource: UsageDataSource | undefined;

  /** Base URL of a backend that speaks the REST contract, e.g. `/api/ai-usage/`. */
  declare endpoint: string | undefined;

  /** BCP 47 locale for words, numbers and dates (English, Swedish and German words; other languages get English words). Default: the nearest `lang` attribute (followed as it changes), then the browser's. */
  declare locale: string | undefined;

  /** IANA time zone for dates and times. Default: the organization's, as the backend reports it. */
  declare timeZone: string | undefined;

  /** Time limit for each request, in milliseconds (default 30000, or the enclosing provider's). A request past it is aborted and shows the error state with Retry. */
  declare requestTimeout: number | undefined;

  /**
   * Read-only. What the element shows: `unconfigured` (no data source), `loading`, `ready`, `empty`
   * (loaded, nothing to show) or `error`. Reflected, and set in the same update that renders that
   * state, so a host that arrives late reads it instead of waiting for `ai-load` or `ai-error`.
   */
  status: UsageStatus = 'unconfigured';

  /** The source and the time limit supplied by an enclosing `<ai-usage-provider>` (each a change re-renders). */
  readonly #providedSource = new ContextConsumer(this, { context: usageDataSourceContext, subscribe: true });
  readonly #providedTimeout = new ContextConsumer(this, { context: usageRequestTimeoutContext, subscribe: true });

  override connectedCallback(): void {
    super.connectedCallback();
    if (!isServer) warnDefinedLate(this);
  }

  /**
   * Server rendering: the element draws its loading state (see `LoadController`), whatever its source:
   * a `dataSource` or a provider's source may be given in the browser only, and nothing loads on the
   * server. `status` says so (no controller updates there).
   */
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (isServer) this.status = 'loading';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Moved out of a provider: forget its source (a provider around the new place answers on reconnect).
    this.#providedSource.value = this.#providedTimeout.value = undefined;
    this.requestUpdate();
  }

  /** The data source in use, by precedence; `undefined` when none is configured. */
  get resolvedDataSource(): UsageDataSource | undefined {
    return this.dataSource ?? restSourceFor(this.endpoint) ?? this.#providedSource.value;
  }

  /** The time limit in force for each request, in milliseconds. */
  get effectiveRequestTimeout(): number {
    return requestTimeout(this.requestTimeout ?? this.#providedTimeout.value);
  }

  /** The time zone for dates: the `time-zone` attribute when valid, else the organization's (from the data). */
  zoneFor(view: { timeZone: string | undefined } | undefined): string | undefined {
    return safeTimeZone(this.timeZone) ?? view?.timeZone;
  }
}
