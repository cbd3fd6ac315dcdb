import { ContextProvider } from '@lit/context';
import { css, html, isServer, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { emit } from '../../events.js';
import { msg } from '../../i18n/localize.js';
import { usageDataSourceContext, usageRequestTimeoutContext } from '../../sources/context.js';
import { moveFocus } from '../../ui/roving-focus.js';
import { UsageElement } from '../../core/usage-element.js';
import { baseStyles } from '../../styles/base.styles.js';

export type LicensesTab = 'voice' | 'messaging';

/** The tabs, in order; their labels are made while rendering (in the element's language). */
const TABS: { id: LicensesTab; label: () => string }[] = [
  { id: 'voice', label: () => msg('AI Voice', { id: 'licenses.tab.voice', desc: 'Tab: the AI voice agents (calls), their usage and licenses' }) },
  { id: 'messaging', label: () => msg('AI Messaging', { id: 'licenses.tab.messaging', desc: 'Tab: the AI messaging agents (chat), their usage and licenses' }) },
];

const isTab = (value: unknown): value is LicensesTab => value === 'voice' || value === 'messaging';

/**
 * The whole "Licenses and Usage" section: an "AI Voice" tab with `<ai-voice-usage>` and an
 * "AI Messaging" tab with `<ai-messaging-usage>`. Its one data source (`dataSource`, `endpoint` or an
 * enclosing `<ai-usage-provider>`) serves every element inside. A tab loads nothing until it is first
 * shown, and keeps its state (sort, filter) when the user switches away and back. `status` follows
 * the shown tab's table.
 *
 * @summary The Licenses and Usage section: AI Voice and AI Messaging tabs.
 * @tag ai-licenses-usage
 *
 * @slot voice-extra - Shown at the end of the AI Voice tab.
 * @slot messaging-extra - Shown under the messaging table.
 *
 * @fires ai-tab-change - The user switched tabs. `detail: { tab }`.
 * @fires ai-load - Bubbles from the elements inside.
 * @fires ai-error - Bubbles from the elements inside.
 * @fires ai-session-expired - Bubbles from the elements inside: the backend answered 401. `detail: { operation }`.
 *
 * @csspart tablist - The row of tabs.
 * @csspart tab - Each tab.
 * @csspart tab-selected - The selected tab; it is a `tab` too.
 * @csspart panel - Each tab panel.
 * @csspart voice-usage - The `<ai-voice-usage>` inside.
 * @csspart usage-history - The `<ai-usage-history>` inside (AI Voice tab).
 * @csspart messaging-usage - The `<ai-messaging-usage>` inside.
 *
 * @cssprop [--ai-usage-font-family=inherit] - Font family, of the tabs and of the elements inside.
 * @cssprop [--ai-usage-color-text] - Text colour: the selected and hovered tab, and the elements inside.
 * @cssprop [--ai-usage-color-text-muted] - Unselected tabs.
 * @cssprop [--ai-usage-color-background] - Background of the tables and controls of the elements inside.
 * @cssprop [--ai-usage-color-accent] - The selected tab's underline and focus ring.
 * @cssprop [--ai-usage-color-border] - The line under the tabs.
 */
export class AiLicensesUsage extends UsageElement {
  static override styles = [
    baseStyles,
    css`
      [role='tablist'] {
        display: flex;
        gap: calc(var(--_space) * 6);
        margin-bottom: calc(var(--_space) * 5);
        border-bottom: 1px solid var(--_border);
      }

      [role='tab'] {
        position: relative;
        padding: calc(var(--_space) * 2.5) 0;
        border: 0;
        background: none;
        color: var(--_muted);
        font-weight: 500;
        cursor: pointer;
      }

      [role='tab']:hover {
        color: var(--_text);
      }

      [role='tab'][aria-selected='true'] {
        color: var(--_text);
      }

      [role='tab'][aria-selected='true']::after {
        content: '';
        position: absolute;
        inset-inline: 0;
        bottom: -1px;
        height: 2px;
        border-radius: 2px 2px 0 0;
        background: var(--_accent);
      }

      [role='tab']:focus-visible {
        outline-offset: -2px;
        border-radius: 4px;
      }

      [role='tabpanel'][hidden] {
        display: none;
      }

      ::slotted(*),
      .history {
        margin-top: calc(var(--_space) * 8);
      }

      @media (forced-colors: active) {
        [role='tab'][aria-selected='true']::after {
          background: Highlight;
        }
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    activeTab: { attribute: 'active-tab', reflect: true },
  };

  /** The tab shown: `voice` or `messaging`. Reflects. */
  activeTab: LicensesTab = 'voice';

  get #tabs(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  }

  /** Tabs shown at least once: their elements exist (and have loaded). */
  readonly #visited = new Set<LicensesTab>();

  readonly #provider = new ContextProvider(this, { context: usageDataSourceContext });
  readonly #timeoutProvider = new ContextProvider(this, { context: usageRequestTimeoutContext });

  /** Follows the `status` of the shown tab's table. */
  readonly #statusObserver = typeof MutationObserver === 'undefined' ? undefined : new MutationObserver(() => this.#followStatus());

  #followStatus(): void {
    // Before the first update (and on the server) there is no table yet: it is loading. On the server
    // a source may still be given in the browser (a property): loading there too.
    const shown = !this.hasUpdated
      ? undefined
      : this.renderRoot.querySelector<HTMLElement & { status: UsageElement['status'] }>(this.activeTab === 'messaging' ? 'ai-messaging-usage' : 'ai-voice-usage');
    this.status = !this.resolvedDataSource && !isServer ? 'unconfigured' : (shown?.status ?? 'loading');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#statusObserver?.observe(this.renderRoot, { attributes: true, attributeFilter: ['status'], subtree: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#statusObserver?.disconnect();
  }

  protected override firstUpdated(): void {
    this.#statusObserver?.observe(this.renderRoot, { attributes: true, attributeFilter: ['status'], subtree: true });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!isTab(this.activeTab)) this.activeTab = 'voice';
    this.#visited.add(this.activeTab);
    // The elements inside get the same source this element resolved (its own, its endpoint, or a provider's).
    if (this.#provider.value !== this.resolvedDataSource) this.#provider.setValue(this.resolvedDataSource);
    if (this.#timeoutProvider.value !== this.effectiveRequestTimeout) this.#timeoutProvider.setValue(this.effectiveRequestTimeout);
    this.#followStatus();
    super.willUpdate(changed);
  }

  #select(tab: LicensesTab, focus: boolean): void {
    if (tab !== this.activeTab) {
      this.activeTab = tab;
      emit(this, 'ai-tab-change', { tab });
    }
    if (focus) void this.updateComplete.then(() => this.#tabs.find((t) => t.dataset.tab === tab)?.focus());
  }

  #onKeydown(event: KeyboardEvent): void {
    const rtl = getComputedStyle(this).direction === 'rtl';
    // Selection follows focus.
    const index = moveFocus(event, this.#tabs, (this.renderRoot as ShadowRoot).activeElement, { orientation: 'horizontal', rtl });
    const tab = index === undefined ? undefined : TABS[index];
    if (tab) this.#select(tab.id, true);
  }

  protected override render() {
    // Resolved here, so that a change of the page's `lang` reaches the elements inside on re-render.
    const locale = this.effectiveLocale ?? nothing;
    const timeZone = this.timeZone ?? nothing;
    return html`<div
        role="tablist"
        aria-label=${msg('AI usage', { id: 'licenses.tablist', desc: 'Accessible name of the tabs AI Voice and AI Messaging' })}
        part="tablist"
        @keydown=${this.#onKeydown}
      >
        ${TABS.map(
          (tab) =>
            html`<button
              type="button"
              role="tab"
              id="tab-${tab.id}"
              data-tab=${tab.id}
              part="tab${tab.id === this.activeTab ? ' tab-selected' : ''}"
              aria-selected=${tab.id === this.activeTab ? 'true' : 'false'}
              aria-controls="panel-${tab.id}"
              tabindex=${tab.id === this.activeTab ? 0 : -1}
              @click=${() => this.#select(tab.id, false)}
            >
              ${tab.label()}
            </button>`,
        )}
      </div>
      <div role="tabpanel" id="panel-voice" aria-labelledby="tab-voice" part="panel" ?hidden=${this.activeTab !== 'voice'}>
        ${
          this.#visited.has('voice')
            ? html`<ai-voice-usage
                  part="voice-usage"
                  locale=${locale}
                  time-zone=${timeZone}
                  @ai-show-history=${() => void this.renderRoot.querySelector('ai-usage-history')?.showMonthlyUsage()}
                ></ai-voice-usage>
                <ai-usage-history part="usage-history" class="history" locale=${locale} time-zone=${timeZone}></ai-usage-history>
                <slot name="voice-extra"></slot>`
            : nothing
        }
      </div>
      <div role="tabpanel" id="panel-messaging" aria-labelledby="tab-messaging" part="panel" ?hidden=${this.activeTab !== 'messaging'}>
        ${
          this.#visited.has('messaging')
            ? html`<ai-messaging-usage part="messaging-usage" locale=${locale} time-zone=${timeZone}></ai-messaging-usage> <slot name="messaging-extra"></slot>`
            : nothing
        }
      </div>`;
  }
}
