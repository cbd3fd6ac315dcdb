import { consume } from '@lit/context';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { UsageDataSource } from '../data/data-source.js';
import { safeLocale, safeTimeZone } from '../format/format.js';
import { usageDataSourceContext } from './context.js';
import { RestSourceCache } from './rest-cache.js';

/** The nearest `lang` attribute, looking through shadow roots. */
function inheritedLang(element: Element): string | undefined {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') || undefined;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

/**
 * What every data element shares: where its data comes from (`dataSource`, then `endpoint`, then
 * the nearest `<ai-usage-provider>`), its locale and its time zone. Rendering is the subclass's.
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

  /** The source supplied by an enclosing `<ai-usage-provider>`. */
  @consume({ context: usageDataSourceContext, subscribe: true })
  @state()
  protected providedDataSource: UsageDataSource | undefined;

  private readonly restSources = new RestSourceCache();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Moved out of a provider: forget its source (a provider around the new place answers on reconnect).
    this.providedDataSource = undefined;
  }

  /** The data source in use, by precedence; `undefined` when none is configured. */
  get resolvedDataSource(): UsageDataSource | undefined {
    return this.dataSource ?? this.restSources.get(this.endpoint) ?? this.providedDataSource;
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
  protected zoneFor(view: { timeZone: string | undefined } | undefined): string | undefined {
    return safeTimeZone(this.timeZone) ?? view?.timeZone;
  }

  /**
   * Dispatches a public event once the current update has finished rendering, so that listeners see
   * what the event announces and may change the element without re-entering its update.
   */
  protected emitAfterRender<T>(type: string, detail: T): void {
    void this.updateComplete.then(() => this.emit<T>(type, detail));
  }

  /** Dispatches a public event: bubbles and crosses shadow roots. */
  protected emit<T>(type: string, detail: T, cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }));
  }
}
