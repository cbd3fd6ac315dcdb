import { html, type PropertyDeclarations } from 'lit';
import { LoadController } from '../../core/load-controller.js';
import { TableTools } from '../../core/table-tools.js';
import { UsageElement } from '../../core/usage-element.js';
import { formatAmount, formatCount, formatMonth } from '../../format/format.js';
import { msg, plural, str } from '../../i18n/localize.js';
import { monthInTimeZone } from '../../model/months.js';
import { baseStyles } from '../../styles/base.styles.js';
import { tableStyles } from '../../styles/table.styles.js';
import type { Column } from '../../table/data-table.js';
import { agents, agentTable, agentTableStyles } from '../../ui/agent-table.js';
import { agentColumns, agentStatus, numberColumn } from '../../ui/cells.js';
import { stateStyles } from '../../ui/state-panel.js';
import { trialWarning, trialWarningStyles } from '../../ui/trial-warning.js';
import { summarizeVoiceAgents, validateVoiceAgents, type VoiceAgentRow, type VoiceAgentsView } from '../../validate/voice-agents.js';
import { csvFields, numberColumns } from './voice-usage.columns.js';
import { voiceUsageStyles } from './voice-usage.styles.js';

/** The dialogs of "Configure AI Voice". */
export type ConfigureDialog = 'trial' | 'plans' | 'usage';

/**
 * One row per AI voice agent: where it is connected, whether it is active, and how much it is used
 * and billed, this month and since activation.
 *
 * @summary Usage and billable minutes of AI voice (call) agents, as a sortable table.
 * @tag ai-voice-usage
 *
 * @slot actions - Controls shown at the end of the toolbar (e.g. a host's own buttons).
 *
 * @fires ai-load - Data loaded and shown. `detail: { count, rowsWithProblems }`.
 * @fires ai-error - Loading failed; the error state is shown. `detail: { error }`.
 * @fires ai-session-expired - The backend answered 401 (loading, or activating the trial): the session has expired. Once per failure; nothing retries by itself. `detail: { operation }`.
 * @fires ai-sort-change - The user sorted a column. Cancelable. `detail: { sortKey, sortDirection }`.
 * @fires ai-filter-change - The user typed in the filter box. `detail: { filter }`.
 * @fires ai-export - A CSV export is about to download. Cancelable. `detail: { filename, csv, rowCount }`.
 * @fires ai-trial-activate-request - The user confirmed trial activation. Cancel it to handle activation yourself (nothing is sent).
 * @fires ai-trial-activated - The server confirmed the trial as active. `detail: { trial: { status, endsAt } }`.
 * @fires ai-show-history - The user asked for the month-by-month history (from the usage dialog).
 *
 * @csspart toolbar - The line above the table: summary, filter, export, actions.
 * @csspart summary - The summary text (agents, active, month, billable minutes, data time).
 * @csspart filter - The filter (search) box.
 * @csspart export-button - The Export CSV button.
 * @csspart notice - The notice about rows with invalid data.
 * @csspart scroller - The scrolling box around the table.
 * @csspart table - The `<table>`.
 * @csspart header - The `<thead>`.
 * @csspart header-row - Each header row.
 * @csspart header-cell - Each header cell.
 * @csspart group-header-cell - Each group header cell ("Calls", "Billable minutes", "Non-billable calls"); it is a `header-cell` too.
 * @csspart sort-button - The button inside each sortable header cell.
 * @csspart sort-indicator - The sort arrow icon.
 * @csspart body - The `<tbody>`.
 * @csspart row - Each data row.
 * @csspart cell - Each cell, the row headers and totals included.
 * @csspart row-header - The agent name cell that heads each row; it is a `cell` too.
 * @csspart numeric-cell - Each cell holding a number; it is a `cell` too.
 * @csspart totals-row - The totals row.
 * @csspart totals-cell - Each cell of the totals row; it is a `cell` too.
 * @csspart status - The Active/Inactive label.
 * @csspart state - Every state panel (each also has the part of its kind below).
 * @csspart empty-state - The state panel shown when there are no agents.
 * @csspart no-matches-state - The state panel shown when no agent matches the filter.
 * @csspart error-state - The state panel shown when loading failed (with Retry).
 * @csspart unconfigured-state - The state panel shown when there is no data source.
 * @csspart retry-button - The action button of a state panel (Retry, Clear filter).
 * @csspart loading-state - The error panel while Retry loads again (focus stays on its Retry).
 * @csspart configure-button - The "Configure AI Voice" menu button (exported from the `<ai-voice-configure>` inside).
 * @csspart configure-menu - Its menu (exported from `<ai-voice-configure>`).
 * @csspart dialog - The trial, pricing plans and usage dialog (exported from `<ai-voice-configure>`).
 * @csspart plans-table - The pricing plans table (exported from `<ai-voice-configure>`).
 * @csspart usage-meter - The usage meter, role=meter (exported from `<ai-voice-configure>`).
 * @csspart trial-warning - The warning shown while an active trial ends soon.
 *
 * @cssprop [--ai-usage-font-family=inherit] - Font family.
 * @cssprop [--ai-usage-font-size=0.875rem] - Base font size.
 * @cssprop [--ai-usage-color-text] - Text colour.
 * @cssprop [--ai-usage-color-text-muted] - Secondary text: headers, entity types, inactive rows.
 * @cssprop [--ai-usage-color-background] - Background of the table and controls.
 * @cssprop [--ai-usage-color-background-raised] - Raised surfaces: totals row, skeleton.
 * @cssprop [--ai-usage-color-border] - Row separators and outlines.
 * @cssprop [--ai-usage-color-border-strong] - Group header rule, the totals rule, the Configure menu's outline.
 * @cssprop [--ai-usage-color-control-border] - Border of the filter box, the buttons and the other controls.
 * @cssprop [--ai-usage-color-accent] - Sort icon, focus ring, links.
 * @cssprop [--ai-usage-color-success] - Active status dot.
 * @cssprop [--ai-usage-color-warning] - Invalid-data markers and notice.
 * @cssprop [--ai-usage-color-danger] - Error state title.
 * @cssprop [--ai-usage-color-row-hover] - Row hover background.
 * @cssprop [--ai-usage-color-header-background] - Header background (defaults to the background).
 * @cssprop [--ai-usage-radius=8px] - Corner radius.
 * @cssprop [--ai-usage-space=4px] - Spacing unit.
 * @cssprop [--ai-usage-row-height=44px] - Row height; 32px gives a compact table.
 * @cssprop [--ai-usage-focus-ring=2px solid accent] - Keyboard focus outline.
 * @cssprop [--ai-usage-table-max-height=70vh] - Height after which the table scrolls under a sticky header.
 * @cssprop [--ai-usage-name-max-width=clamp(7rem, 17cqi, 18rem)] - Width after which names truncate with an ellipsis.
 */
export class AiVoiceUsage extends UsageElement {
  static override styles = [baseStyles, tableStyles, stateStyles, agentTableStyles, trialWarningStyles, voiceUsageStyles];

  static override properties: PropertyDeclarations = {
    sort: { reflect: true },
    filter: {},
    trialWarningDays: { attribute: 'trial-warning-days', type: Number },
    referenceDate: { attribute: false },
  };

  /** Sorted column and direction, `key:asc` or `key:desc`; unset keeps the data's order. Reflects. */
  declare sort: string | undefined;

  /** Shows only rows whose agent or entity name contains every word (case- and accent-insensitive). */
  filter = '';

  /** Days before an active trial's end from which a warning shows above the table. */
  trialWarningDays = 7;

  /** The moment "days left" and the month-end projection count from. Default: now. */
  declare referenceDate: Date | undefined;

  /** The Configure menu's trial changed: the warning above the table follows it. */
  readonly #onTrialChange = () => this.requestUpdate();

  /** Read while rendering (the trial warning), before the first render has made it: not cached. None before the first update (nor on the server, where there is no DOM). */
  get #configure(): HTMLElementTagNameMap['ai-voice-configure'] | null {
    return this.hasUpdated ? this.renderRoot.querySelector('ai-voice-configure') : null;
  }

  readonly #loader = new LoadController<VoiceAgentsView>(this, {
    operation: 'voice/agents',
    load: async (source, signal) => validateVoiceAgents(await source.getVoiceAgents({ signal }), { signal }),
    isEmpty: (view) => view.rows.length === 0,
    loadDetail: (view) => ({ count: view.rows.length, rowsWithProblems: view.rowsWithProblems }),
  });

  readonly #tools = new TableTools<VoiceAgentRow>(this, {
    // In the element's language also when asked outside rendering (`visibleRows`, `exportCsv()`).
    columns: () => this.inLocale(() => this.#columns),
    searchable: (row) => [row.name, row.entityName],
    csvFields: csvFields,
  });

  /** Loads the data again (what the error state's Retry does). */
  reload(): Promise<void> {
    return this.#loader.run();
  }

  /** The rows the table shows now, filter and sort applied (what the CSV export contains). */
  get visibleRows(): readonly VoiceAgentRow[] {
    const view = this.#loader.value;
    return view ? this.#tools.shown(view.rows) : [];
  }

  /** Builds the CSV of what is shown and downloads it; returns the CSV (or `undefined` if a listener cancelled, or nothing is loaded). */
  exportCsv(): string | undefined {
    const view = this.#loader.value;
    if (!view) return undefined;
    const month = view.month ?? monthInTimeZone(new Date(), this.zoneFor(view));
    // Called from a click or by the host: the headers and values in the element's language.
    return this.inLocale(() => this.#tools.exportCsv(this.visibleRows, `ai-voice-usage-${month}.csv`));
  }

  /** Opens a dialog of the "Configure AI Voice" menu: `trial`, `plans` or `usage`. */
  async openConfigureDialog(kind: ConfigureDialog): Promise<void> {
    await this.updateComplete;
    await this.#configure?.openDialog(kind);
  }

  /**
   * Activates the AI Voice trial, as the trial dialog's button does: one `POST voice/trial` at a time
   * per backend; cancel `ai-trial-activate-request` to handle it yourself. Resolves when it is settled.
   */
  async activateTrial(): Promise<void> {
    await this.updateComplete;
    await this.#configure?.activateTrial();
  }

  #summarized: { view: VoiceAgentsView; totals: ReturnType<typeof summarizeVoiceAgents> } | undefined;

  /** The view's totals, once per loaded view (the summary line and the usage dialog both read them). */
  #totals(view: VoiceAgentsView): ReturnType<typeof summarizeVoiceAgents> {
    if (this.#summarized?.view !== view) this.#summarized = { view, totals: summarizeVoiceAgents(view.rows) };
    return this.#summarized.totals;
  }

  #summary(view: VoiceAgentsView): string[] {
    const locale = this.effectiveLocale;
    const s = this.#totals(view);
    const active = formatCount(s.active, locale);
    const minutes = formatAmount(s.billableMinutesThisMonth.sum, locale);
    return [
      agents(s.agents, locale),
      plural(s.active, {
        one: () => msg(str`${active} active`, { id: 'voice.summary.active.one', desc: 'Summary above the table: one AI voice agent is active' }),
        other: () => msg(str`${active} active`, { id: 'voice.summary.active', desc: 'Summary above the table: how many AI voice agents are active (0 or more than 1)' }),
      }),
      ...(view.month ? [formatMonth(view.month, locale)] : []),
      s.billableMinutesThisMonth.missing
        ? msg(str`${minutes} billable minutes (incomplete)`, { desc: 'Summary above the table: billable minutes this month, a sum that misses some agents’ invalid values' })
        : plural(s.billableMinutesThisMonth.sum, {
            one: () => msg(str`${minutes} billable minute`, { desc: 'Summary above the table: billable minutes this month, of all AI voice agents (exactly 1)' }),
            other: () =>
              msg(str`${minutes} billable minutes`, {
                id: 'voice.summary.billableMinutes',
                desc: 'Summary above the table: billable minutes this month, of all AI voice agents',
              }),
          }),
    ];
  }

  get #columns(): Column<VoiceAgentRow>[] {
    const locale = this.effectiveLocale;
    return [
      ...agentColumns<VoiceAgentRow>((r) => agentStatus(r.active)),
      ...numberColumns().map(({ key, group, label, kind }) => numberColumn<VoiceAgentRow>(key, label, kind, (r) => r[key], locale, group)),
    ];
  }

  #renderConfigure(view: VoiceAgentsView | undefined) {
    const minutes = view ? this.#totals(view).billableMinutesThisMonth : undefined;
    return html`<ai-voice-configure
      exportparts="configure-button, configure-menu, dialog, plans-table, usage-meter"
      .dataSource=${this.resolvedDataSource}
      .locale=${this.effectiveLocale}
      .timeZone=${this.zoneFor(view)}
      .requestTimeout=${this.effectiveRequestTimeout}
      .month=${view?.month}
      .billableMinutes=${minutes && minutes.missing === 0 ? minutes.sum : undefined}
      .referenceDate=${this.referenceDate}
      .onTrialChange=${this.#onTrialChange}
    ></ai-voice-configure>`;
  }

  protected override render() {
    const view = this.#loader.value;
    const locale = this.effectiveLocale;
    return agentTable({
      loader: this.#loader,
      tools: this.#tools,
      columns: this.#tools.columns,
      texts: {
        caption: msg('AI voice agents', { desc: 'Accessible name of the table of AI voice agents' }),
        loading: msg('Loading AI voice agents…'),
        empty: msg('No AI voice agents yet.'),
        emptyDetail: msg('Agents appear here once they are connected to a response group or phone number.'),
        error: msg('Couldn’t load AI voice agents.'),
      },
      filter: this.filter,
      locale,
      zone: this.zoneFor(view),
      summary: (v) => this.#summary(v),
      onExport: () => void this.exportCsv(),
      rowClass: (r) => (r.active === false ? 'inactive' : ''),
      actions: this.#renderConfigure(view),
      notices: trialWarning({
        trial: this.#configure?.plan?.trial,
        warnDays: this.trialWarningDays,
        now: this.referenceDate ?? new Date(),
        locale,
        timeZone: this.zoneFor(view),
        onSeePlans: () => void this.openConfigureDialog('plans'),
      }),
    });
  }
}
