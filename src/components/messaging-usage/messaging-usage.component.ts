import { html, nothing, type PropertyDeclarations } from 'lit';
import { LoadController } from '../../core/load-controller.js';
import { TableTools } from '../../core/table-tools.js';
import { UsageElement } from '../../core/usage-element.js';
import { formatAmount, formatCount, formatPercent, isFiniteNumber } from '../../format/format.js';
import { describeLicense } from '../../format/license.js';
import { msg, plural, str } from '../../i18n/localize.js';
import { monthInTimeZone } from '../../model/months.js';
import { totalOf } from '../../model/totals.js';
import { baseStyles } from '../../styles/base.styles.js';
import { tableStyles } from '../../styles/table.styles.js';
import type { Column } from '../../table/data-table.js';
import { agents, agentTable, agentTableStyles } from '../../ui/agent-table.js';
import { agentColumns, inlineSize, notAvailable, numberColumn } from '../../ui/cells.js';
import { stateStyles } from '../../ui/state-panel.js';
import { validateMessagingAgents, type MessagingAgentRow, type MessagingAgentsView } from '../../validate/messaging-agents.js';
import { csvFields } from './messaging-usage.columns.js';
import { messagingUsageStyles } from './messaging-usage.styles.js';

/**
 * One row per AI messaging agent: the channel it serves, its license, how much of the incoming work it
 * takes, what it costs and how many cases it has handled.
 *
 * License sorts Unlimited first, then other license types by name, then trials by days left (soonest
 * ending first), then expired licenses. Engagement sorts by the share of new cases, then agents that
 * also work while closed after those that do not.
 *
 * @summary Licenses, engagement, price and cases of AI messaging (chat) agents, as a sortable table.
 * @tag ai-messaging-usage
 *
 * @slot actions - Controls shown at the end of the toolbar.
 *
 * @fires ai-load - Data loaded and shown. `detail: { count, rowsWithProblems }`.
 * @fires ai-error - Loading failed; the error state is shown. `detail: { error }`.
 * @fires ai-session-expired - The backend answered 401: the session has expired. Once per failure; nothing retries by itself. `detail: { operation }`.
 * @fires ai-sort-change - The user sorted a column. Cancelable. `detail: { sortKey, sortDirection }`.
 * @fires ai-filter-change - The user typed in the filter box. `detail: { filter }`.
 * @fires ai-export - A CSV export is about to download. Cancelable. `detail: { filename, csv, rowCount }`.
 *
 * @csspart toolbar - The line above the table: summary, filter, export, actions.
 * @csspart summary - The summary text.
 * @csspart filter - The filter (search) box.
 * @csspart export-button - The Export CSV button.
 * @csspart notice - The notice about rows with invalid data.
 * @csspart scroller - The scrolling box around the table.
 * @csspart table - The `<table>`.
 * @csspart header - The `<thead>`.
 * @csspart header-row - Each header row.
 * @csspart header-cell - Each header cell.
 * @csspart sort-button - The button inside each sortable header cell.
 * @csspart sort-indicator - The sort arrow icon.
 * @csspart body - The `<tbody>`.
 * @csspart row - Each data row.
 * @csspart cell - Each cell, the row headers and totals included.
 * @csspart row-header - The agent name cell that heads each row; it is a `cell` too.
 * @csspart numeric-cell - Each cell holding a number; it is a `cell` too.
 * @csspart totals-row - The totals row.
 * @csspart totals-cell - Each cell of the totals row; it is a `cell` too.
 * @csspart license-badge - The license pill.
 * @csspart state - Every state panel (each also has the part of its kind below).
 * @csspart empty-state - The state panel shown when there are no agents.
 * @csspart no-matches-state - The state panel shown when no agent matches the filter.
 * @csspart error-state - The state panel shown when loading failed (with Retry).
 * @csspart unconfigured-state - The state panel shown when there is no data source.
 * @csspart retry-button - The action button of a state panel (Retry, Clear filter).
 * @csspart loading-state - The error panel while Retry loads again (focus stays on its Retry).
 *
 * @cssprop [--ai-usage-font-family=inherit] - Font family.
 * @cssprop [--ai-usage-font-size=0.875rem] - Base font size.
 * @cssprop [--ai-usage-color-text] - Text colour.
 * @cssprop [--ai-usage-color-text-muted] - Secondary text.
 * @cssprop [--ai-usage-color-background] - Background of the table and controls.
 * @cssprop [--ai-usage-color-background-raised] - Raised surfaces: totals row, skeleton.
 * @cssprop [--ai-usage-color-border] - Row separators and outlines.
 * @cssprop [--ai-usage-color-border-strong] - The totals rule.
 * @cssprop [--ai-usage-color-control-border] - Border of the filter box, the buttons and the other controls.
 * @cssprop [--ai-usage-color-accent] - Sort icon, focus ring, links; trial badges.
 * @cssprop [--ai-usage-color-success] - Unlimited license badges.
 * @cssprop [--ai-usage-color-warning] - Trials ending within 7 days; invalid-data markers.
 * @cssprop [--ai-usage-color-danger] - Expired licenses; error state title.
 * @cssprop [--ai-usage-color-row-hover] - Row hover background.
 * @cssprop [--ai-usage-color-header-background] - Header background.
 * @cssprop [--ai-usage-radius=8px] - Corner radius.
 * @cssprop [--ai-usage-space=4px] - Spacing unit.
 * @cssprop [--ai-usage-row-height=44px] - Row height; 32px gives a compact table.
 * @cssprop [--ai-usage-focus-ring=2px solid accent] - Keyboard focus outline.
 * @cssprop [--ai-usage-table-max-height=70vh] - Height after which the table scrolls under a sticky header.
 * @cssprop [--ai-usage-name-max-width=clamp(7rem, 17cqi, 18rem)] - Width after which names truncate with an ellipsis.
 */
export class AiMessagingUsage extends UsageElement {
  static override styles = [baseStyles, tableStyles, stateStyles, agentTableStyles, messagingUsageStyles];

  static override properties: PropertyDeclarations = {
    sort: { reflect: true },
    filter: {},
    referenceDate: { attribute: false },
  };

  /** Sorted column and direction, `key:asc` or `key:desc`; unset keeps the data's order. Reflects. */
  declare sort: string | undefined;

  /** Shows only rows whose agent or entity name contains every word (case- and accent-insensitive). */
  filter = '';

  /** The moment "days left" counts from. Default: now. */
  declare referenceDate: Date | undefined;

  readonly #loader = new LoadController<MessagingAgentsView>(this, {
    operation: 'messaging/agents',
    load: async (source, signal) => validateMessagingAgents(await source.getMessagingAgents({ signal }), { signal }),
    isEmpty: (view) => view.rows.length === 0,
    loadDetail: (view) => ({ count: view.rows.length, rowsWithProblems: view.rowsWithProblems }),
  });

  readonly #tools = new TableTools<MessagingAgentRow>(this, {
    // In the element's language also when asked outside rendering (`visibleRows`, `exportCsv()`).
    columns: () => this.inLocale(() => this.#columns),
    // A license's "Trial ends … · 16 days left" depends on the reference date and the time zone.
    columnsKey: () => `${this.referenceDate?.getTime() ?? ''} ${this.zoneFor(this.#loader.value) ?? ''}`,
    searchable: (row) => [row.name, row.entityName],
    csvFields: () =>
      csvFields(
        (r) => this.#license(r),
        (r) => this.#percent(r),
      ),
  });

  /** Loads the data again (what the error state's Retry does). */
  reload(): Promise<void> {
    return this.#loader.run();
  }

  /** The rows the table shows now, filter and sort applied (what the CSV export contains). */
  get visibleRows(): readonly MessagingAgentRow[] {
    const view = this.#loader.value;
    return view ? this.#tools.shown(view.rows) : [];
  }

  /** Builds the CSV of what is shown and downloads it; returns the CSV (or `undefined` if a listener cancelled, or nothing is loaded). */
  exportCsv(): string | undefined {
    const view = this.#loader.value;
    if (!view) return undefined;
    const at = view.asOf ? new Date(view.asOf) : this.#now;
    const month = monthInTimeZone(at, this.zoneFor(view));
    // Called from a click or by the host: the headers and values in the element's language.
    return this.inLocale(() => this.#tools.exportCsv(this.visibleRows, `ai-messaging-usage-${month}.csv`));
  }

  get #now(): Date {
    return this.referenceDate ?? new Date();
  }

  #license(row: MessagingAgentRow) {
    return describeLicense(row.licenseType, row.licenseEndsAt, this.#now, this.effectiveLocale, this.zoneFor(this.#loader.value));
  }

  #percent(row: MessagingAgentRow): string | undefined {
    if (!isFiniteNumber(row.newCasesPercentWhenOpen) || row.handlesWhenClosed === undefined) return undefined;
    return formatPercent(row.newCasesPercentWhenOpen / 100, this.effectiveLocale, 1);
  }

  #summary(view: MessagingAgentsView): string[] {
    const locale = this.effectiveLocale;
    const kinds = view.rows.map((r) => this.#license(r)?.kind);
    const totals = totalOf(view.rows, (r) => r.engagedCases);
    const trials = kinds.filter((k) => k === 'trial').length;
    const unlimitedCount = kinds.filter((k) => k === 'unlimited').length;
    const unlimited = formatCount(unlimitedCount, locale);
    const count = formatCount(trials, locale);
    const cases = formatCount(totals.sum, locale);
    return [
      agents(view.rows.length, locale),
      plural(unlimitedCount, {
        one: () => msg(str`${unlimited} unlimited`, { id: 'messaging.summary.unlimited.one', desc: 'Summary above the table: one AI messaging agent has an unlimited license' }),
        other: () =>
          msg(str`${unlimited} unlimited`, {
            id: 'messaging.summary.unlimited',
            desc: 'Summary above the table: how many AI messaging agents have an unlimited license (0 or more than 1)',
          }),
      }),
      plural(trials, {
        one: () => msg(str`${count} trial`, { desc: 'Summary above the table: how many AI messaging agents have a running trial license' }),
        other: () => msg(str`${count} trials`, { desc: 'Summary above the table: how many AI messaging agents have a running trial license' }),
      }),
      totals.missing
        ? msg(str`${cases} engaged cases (incomplete)`, {
            desc: 'Summary above the table: cases the AI messaging agents engaged in, a sum that misses some agents’ invalid values (any count, also 1)',
          })
        : plural(totals.sum, {
            one: () => msg(str`${cases} engaged case`, { desc: 'Summary above the table: cases the AI messaging agents engaged in (exactly 1)' }),
            other: () => msg(str`${cases} engaged cases`, { desc: 'Summary above the table: cases the AI messaging agents engaged in' }),
          }),
    ];
  }

  get #columns(): Column<MessagingAgentRow>[] {
    const locale = this.effectiveLocale;
    return [
      ...agentColumns<MessagingAgentRow>(),
      {
        key: 'license',
        label: msg('License', { id: 'messaging.license', desc: 'Column header (table and CSV): the AI messaging agent’s license' }),
        sortValue: (r) => this.#license(r)?.sortKey,
        cell: (r) => {
          const license = this.#license(r);
          if (!license) return notAvailable;
          return html`<span part="license-badge" class="badge ${license.tone}"
              ><span class="badge-dot" aria-hidden="true"></span><span class="badge-label" dir="auto" title=${license.label}>${license.label}</span></span
            >${license.detail ? html`${' '}<span class="secondary">${license.detail}</span>` : nothing}`;
        },
      },
      {
        key: 'engagement',
        label: msg('Engagement', { id: 'messaging.engagement', desc: 'Column header: how much of the incoming work the AI messaging agent takes' }),
        sortValue: (r) =>
          isFiniteNumber(r.newCasesPercentWhenOpen) && r.handlesWhenClosed !== undefined
            ? // Share first (to a hundredth of a percent), then "also when closed" after "not when closed".
              Math.round(r.newCasesPercentWhenOpen * 100) * 2 + (r.handlesWhenClosed ? 1 : 0)
            : undefined,
        cell: (r) => {
          const percent = this.#percent(r);
          if (percent === undefined) return notAvailable;
          const share = msg(str`${percent} of new cases`, { desc: 'Engagement cell: the share of new cases the AI agent takes while open, e.g. "45.5% of new cases"' });
          const closed = r.handlesWhenClosed
            ? msg('Also when closed', { desc: 'Engagement cell: the AI agent also takes cases while the business is closed (outside opening hours)' })
            : msg('Not when closed', { desc: 'Engagement cell: the AI agent takes no cases while the business is closed (outside opening hours)' });
          return html`<span class="engagement"
              ><span class="meter" aria-hidden="true"><span ${inlineSize(r.newCasesPercentWhenOpen ?? 0)}></span></span>${share}</span
            >
            <span class="secondary">${closed}</span>`;
        },
      },
      {
        key: 'priceCredits',
        label: msg('Price (credits)', { id: 'messaging.priceCredits', desc: 'Column header: what the AI messaging agent costs, in credits' }),
        numeric: true,
        sortValue: (r) => r.priceCredits,
        cell: (r) => (isFiniteNumber(r.priceCredits) ? formatAmount(r.priceCredits, locale, 2) : notAvailable),
      },
      numberColumn<MessagingAgentRow>(
        'engagedCases',
        msg('Engaged cases', { id: 'messaging.engagedCases', desc: 'Column header: how many cases the AI messaging agent engaged in' }),
        'count',
        (r) => r.engagedCases,
        locale,
      ),
    ];
  }

  protected override render() {
    return agentTable({
      loader: this.#loader,
      tools: this.#tools,
      columns: this.#tools.columns,
      texts: {
        caption: msg('AI messaging agents', { desc: 'Accessible name of the table of AI messaging agents' }),
        loading: msg('Loading AI messaging agents…'),
        empty: msg('No AI messaging agents yet.'),
        emptyDetail: msg('Agents appear here once they are connected to a chat channel.'),
        error: msg('Couldn’t load AI messaging agents.'),
      },
      filter: this.filter,
      locale: this.effectiveLocale,
      zone: this.zoneFor(this.#loader.value),
      summary: (view) => this.#summary(view),
      onExport: () => void this.exportCsv(),
    });
  }
}
