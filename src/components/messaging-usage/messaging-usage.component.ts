import { html, nothing, type PropertyDeclarations } from 'lit';
import { LoadController } from '../../core/load-controller.js';
import { TableTools } from '../../core/table-tools.js';
import { UsageElement } from '../../core/usage-element.js';
import { formatAmount, formatCount, formatPercent, isFiniteNumber } from '../../format/format.js';
import { describeLicense } from '../../format/license.js';
import { monthInTimeZone } from '../../model/months.js';
import { totalOf } from '../../model/totals.js';
import { baseStyles } from '../../styles/base.styles.js';
import { tableStyles } from '../../styles/table.styles.js';
import type { CsvField } from '../../table/csv.js';
import type { Column } from '../../table/data-table.js';
import { agents, agentTable, agentTableStyles } from '../../ui/agent-table.js';
import { agentColumns, inlineSize, notAvailable, numberColumn } from '../../ui/cells.js';
import { stateStyles } from '../../ui/state-panel.js';
import { validateMessagingAgents, type MessagingAgentRow, type MessagingAgentsView } from '../../validate/messaging-agents.js';
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
    columns: () => this.#columns,
    // A license's "Trial ends … · 16 days left" depends on the reference date and the time zone.
    columnsKey: () => `${this.referenceDate?.getTime() ?? ''} ${this.zoneFor(this.#loader.value) ?? ''}`,
    searchable: (row) => [row.name, row.entityName],
    csvFields: () => this.#csvFields(),
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
    return this.#tools.exportCsv(this.visibleRows, `ai-messaging-usage-${month}.csv`);
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
    const labels = view.rows.map((r) => this.#license(r)?.label);
    const cases = totalOf(view.rows, (r) => r.engagedCases);
    const trials = labels.filter((l) => l === 'Trial').length;
    return [
      agents(view.rows.length, locale),
      `${formatCount(labels.filter((l) => l === 'Unlimited').length, locale)} unlimited`,
      `${formatCount(trials, locale)} ${trials === 1 ? 'trial' : 'trials'}`,
      `${formatCount(cases.sum, locale)} engaged cases${cases.missing ? ' (incomplete)' : ''}`,
    ];
  }

  get #columns(): Column<MessagingAgentRow>[] {
    const locale = this.effectiveLocale;
    return [
      ...agentColumns<MessagingAgentRow>(),
      {
        key: 'license',
        label: 'License',
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
        label: 'Engagement',
        sortValue: (r) =>
          isFiniteNumber(r.newCasesPercentWhenOpen) && r.handlesWhenClosed !== undefined
            ? // Share first (to a hundredth of a percent), then "also when closed" after "not when closed".
              Math.round(r.newCasesPercentWhenOpen * 100) * 2 + (r.handlesWhenClosed ? 1 : 0)
            : undefined,
        cell: (r) => {
          const percent = this.#percent(r);
          if (percent === undefined) return notAvailable;
          return html`<span class="engagement"
              ><span class="meter" aria-hidden="true"><span ${inlineSize(r.newCasesPercentWhenOpen ?? 0)}></span></span>${percent} of new cases</span
            >
            <span class="secondary">${r.handlesWhenClosed ? 'Also when closed' : 'Not when closed'}</span>`;
        },
      },
      {
        key: 'priceCredits',
        label: 'Price (credits)',
        numeric: true,
        sortValue: (r) => r.priceCredits,
        cell: (r) => (isFiniteNumber(r.priceCredits) ? formatAmount(r.priceCredits, locale, 2) : notAvailable),
      },
      numberColumn<MessagingAgentRow>('engagedCases', 'Engaged cases', 'count', (r) => r.engagedCases, locale),
    ];
  }

  #csvFields(): CsvField<MessagingAgentRow>[] {
    return [
      { header: 'Entity', value: (r) => r.entityName },
      { header: 'Entity type', value: (r) => r.entityType },
      { header: 'AI agent', value: (r) => r.name },
      { header: 'Agent ID', value: (r) => r.id },
      { header: 'License', value: (r) => r.licenseType },
      {
        header: 'License status',
        value: (r) => {
          const license = this.#license(r);
          return license ? [license.label, license.detail].filter(Boolean).join(' · ') : undefined;
        },
      },
      { header: 'License ends', value: (r) => r.licenseEndsAt },
      { header: 'New cases when open (%)', value: (r) => r.newCasesPercentWhenOpen },
      { header: 'Handles cases when closed', value: (r) => r.handlesWhenClosed },
      {
        header: 'Engagement',
        value: (r) => {
          const p = this.#percent(r);
          return p === undefined ? undefined : `${p} of new cases · ${r.handlesWhenClosed ? 'also when closed' : 'not when closed'}`;
        },
      },
      { header: 'Price (credits)', value: (r) => r.priceCredits },
      { header: 'Engaged cases', value: (r) => r.engagedCases },
    ];
  }

  protected override render() {
    return agentTable({
      loader: this.#loader,
      tools: this.#tools,
      columns: this.#tools.columns,
      texts: {
        caption: 'AI messaging agents',
        loading: 'Loading AI messaging agents…',
        empty: 'No AI messaging agents yet.',
        emptyDetail: 'Agents appear here once they are connected to a chat channel.',
        error: 'Couldn’t load AI messaging agents.',
      },
      filter: this.filter,
      locale: this.effectiveLocale,
      zone: this.zoneFor(this.#loader.value),
      summary: (view) => this.#summary(view),
      onExport: () => void this.exportCsv(),
    });
  }
}
