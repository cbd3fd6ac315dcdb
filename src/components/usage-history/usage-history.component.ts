import { html, isServer, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { LoadController } from '../../core/load-controller.js';
import { UsageElement } from '../../core/usage-element.js';
import { formatMonth } from '../../format/format.js';
import { msg, str } from '../../i18n/localize.js';
import { callsMonth, historyRange, type HistoryPeriod } from '../../model/history-range.js';
import { isMonth, monthInTimeZone } from '../../model/months.js';
import { baseStyles } from '../../styles/base.styles.js';
import { controlsStyles } from '../../styles/controls.styles.js';
import { tableStyles } from '../../styles/table.styles.js';
import { DataTableController } from '../../table/data-table.js';
import { FocusKeeper, tableFocusTargets } from '../../ui/focus-keeper.js';
import { formatSort } from '../../table/sort.js';
import { problemNotice } from '../../ui/cells.js';
import { errorMessage, errorPanel, retryingPanel, statePanel, stateStyles } from '../../ui/state-panel.js';
import { historyMetric, validateHistory, type HistoryMetric, type HistoryRow, type HistoryView } from '../../validate/history.js';
import { validateVoiceAgents, type VoiceAgentsView } from '../../validate/voice-agents.js';
import { chartSummary, renderChart } from './history-chart.js';
import { historyColumns } from './usage-history.columns.js';
import { historyControls, viewBar } from './usage-history.templates.js';
import { usageHistoryStyles } from './usage-history.styles.js';

export type { HistoryPeriod };

/**
 * Month-by-month consumption of the AI voice agents (chart and table, with month-over-month change)
 * and, where the backend allows it, the list of individual calls, paged and sorted on the server.
 *
 * Months are the organization's (`YYYY-MM` from the backend) and read the same in every browser time
 * zone; call times are shown in the organization's time zone.
 *
 * @summary Monthly AI voice usage (chart and table) and the permission-gated calls list.
 * @tag ai-usage-history
 *
 * @fires ai-load - The monthly history is shown. `detail: { count, rowsWithProblems }` (count = months).
 * @fires ai-error - Loading the history or the calls failed (not for a calls permission refusal). `detail: { error }`.
 * @fires ai-session-expired - The backend answered 401: the session has expired (also bubbling from the calls list). Once per failure; nothing retries by itself. `detail: { operation }`.
 * @fires ai-sort-change - The user sorted the calls list or the monthly table. Cancelable. `detail: { sortKey, sortDirection }`.
 * @fires ai-month-change - The user picked another month for the calls list. `detail: { month }`.
 *
 * @csspart controls - The period and agent pickers.
 * @csspart chart - The SVG bar chart.
 * @csspart chart-summary - The chart's summary in words.
 * @csspart heading - The section headings ("Monthly usage", "Calls").
 * @csspart agents-error - The notice shown when the agents (and the organization's time zone) could not be loaded.
 * @csspart calls - The `<ai-usage-calls>` list (its parts are exported too: `pager`, `permission-notice`).
 * @csspart pager - The calls list's paging controls.
 * @csspart permission-notice - The notice shown when the user may not see individual calls.
 * @csspart table - Each `<table>`.
 * @csspart header-cell - Each header cell.
 * @csspart sort-button - The button inside each sortable header cell.
 * @csspart row - Each data row.
 * @csspart cell - Each cell.
 * @csspart state - Every state panel.
 *
 * @cssprop [--ai-usage-color-accent] - Bars (the latest month stronger), focus ring.
 * @cssprop [--ai-usage-color-text] - Text colour.
 * @cssprop [--ai-usage-color-text-muted] - Axis labels, secondary text.
 * @cssprop [--ai-usage-color-border] - Grid lines and separators.
 * @cssprop [--ai-usage-color-background] - Background of tables and controls.
 * @cssprop [--ai-usage-font-family=inherit] - Font family.
 * @cssprop [--ai-usage-row-height=44px] - Row height.
 */
export class AiUsageHistory extends UsageElement {
  static override styles = [baseStyles, tableStyles, stateStyles, controlsStyles, usageHistoryStyles];

  static override properties: PropertyDeclarations = {
    period: {},
    from: {},
    to: {},
    agentId: { attribute: 'agent-id' },
    month: {},
    metric: {},
    view: {},
    callsSort: { attribute: 'calls-sort', reflect: true },
    pageSize: { attribute: 'page-size', type: Number },
    // `attribute: false` is lit's default for state; the manifest analyzer needs it said.
    chartWidth: { state: true, attribute: false },
    historySort: { state: true, attribute: false },
  };

  /** The period shown when `from`/`to` are not both set: the last 6 or 12 months. */
  period: HistoryPeriod = 'last-12';

  /** First month of a custom period, `YYYY-MM`. */
  declare from: string | undefined;

  /** Last month of a custom period, `YYYY-MM`. */
  declare to: string | undefined;

  /** One agent's history and calls; unset for all agents. */
  declare agentId: string | undefined;

  /** The month whose calls are listed, `YYYY-MM`. Default: the last month of the period. */
  declare month: string | undefined;

  /** What the chart draws (anything else draws billable minutes). */
  metric: HistoryMetric = 'billableMinutes';

  /** Monthly figures as a chart or as a table. */
  view: 'chart' | 'table' = 'chart';

  /** Sort of the calls list, `key:asc|desc` (keys: startedAt, durationSeconds, agentName, takenBy, billable). Reflects. */
  callsSort = 'startedAt:desc';

  /** Calls per page (at most 500). */
  pageSize = 50;

  private chartWidth = 640;
  declare private historySort: string | undefined;

  readonly #historyTable = new DataTableController<HistoryRow>(this, {
    get: () => this.historySort,
    set: (value) => (this.historySort = value),
  });

  /** Focus a re-render would drop (Retry giving way, a sort header replaced) goes to the table, the panel, or the heading. */
  protected readonly focusKeeper = new FocusKeeper(this, (_lost, root) => [...tableFocusTargets(root), root.querySelector<HTMLElement>('#history-heading')]);

  #resizeObserver: ResizeObserver | undefined;

  /** voice/agents: the organization's month and time zone, and the agents for the picker. */
  readonly #agents = new LoadController<VoiceAgentsView>(this, {
    operation: 'voice/agents',
    load: async (source, signal) => validateVoiceAgents(await source.getVoiceAgents({ signal }), { signal }),
    reports: false,
  });

  readonly #history = new LoadController<HistoryView, readonly [string, string, string | undefined]>(this, {
    operation: 'voice/history',
    // The organization's month and zone first (or the knowledge that they cannot be had).
    args: () => (this.#ready ? ([this.range.from, this.range.to, this.agentId] as const) : undefined),
    load: async (source, signal, [from, to, agentId]) => validateHistory(await source.getVoiceHistory({ signal, from, to, ...(agentId ? { agentId } : {}) }), from, to, { signal }),
    isEmpty: (view) => view.rows.length === 0,
    loadDetail: (view) => ({ count: view.rows.length, rowsWithProblems: view.rowsWithProblems }),
  });

  /** The organization's context is known (or could not be had): the other requests may go. */
  get #ready(): boolean {
    const status = this.#agents.status;
    return status !== 'loading' && status !== 'unconfigured';
  }

  get #zone(): string | undefined {
    return this.zoneFor(this.#agents.value);
  }

  /** The months shown: `from`..`to` when both are valid, else the last 6 or 12 months. */
  get range(): { from: string; to: string } {
    const current = this.#agents.value?.month ?? monthInTimeZone(new Date(), this.#zone);
    return historyRange(this.from, this.to, this.period, current);
  }

  /** Loads everything again. */
  reload(): Promise<unknown> {
    return Promise.all([this.#agents.run(), this.#history.run(), this.renderRoot.querySelector('ai-usage-calls')?.reload()]);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (isServer) return;
    this.#resizeObserver ??= new ResizeObserver((entries) => {
      const width = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (width > 0 && Math.abs(width - this.chartWidth) > 1) this.chartWidth = width;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const box = this.renderRoot.querySelector('.chart-box');
    if (box) this.#resizeObserver?.observe(box);
  }

  /** Scrolls the monthly usage into view and moves focus to its heading (e.g. after "See history"). */
  async showMonthlyUsage(): Promise<void> {
    await this.updateComplete;
    const heading = this.renderRoot.querySelector<HTMLElement>('#history-heading');
    heading?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    heading?.focus({ preventScroll: true });
  }

  #renderControls(): TemplateResult {
    return historyControls({
      agents: this.#agents.value?.rows ?? [],
      agentsError: this.#agents.status === 'error' ? errorMessage(this.#agents.error) : undefined,
      retryAgents: () => void this.#agents.run(),
      period: this.period,
      custom: isMonth(this.from) && isMonth(this.to),
      range: this.range,
      agentId: this.agentId,
      set: (changes) => Object.assign(this, changes),
    });
  }

  #renderMonths(view: HistoryView): TemplateResult {
    const locale = this.effectiveLocale;
    // An invalid `metric` attribute draws billable minutes rather than breaking the render.
    const metric = historyMetric(this.metric);
    const first = formatMonth(view.rows[0]?.month, locale);
    const last = formatMonth(view.rows[view.rows.length - 1]?.month, locale);
    return html`${problemNotice(view.problems, view.rowsWithProblems, 'month', this.effectiveLocale)}
    ${viewBar({ view: this.view, metric, setView: (v) => (this.view = v), setMetric: (m) => (this.metric = m) })}
    ${
      this.view === 'chart'
        ? html`<div class="chart-box">
            ${renderChart({ rows: view.rows, metric, width: this.chartWidth, locale, describedBy: 'chart-summary' })}
            <p id="chart-summary" class="chart-summary" part="chart-summary">${chartSummary(view.rows, metric, locale, view.leftOut.length)}</p>
          </div>`
        : this.#historyTable.render({
            columns: this.#historyTable.columnsFor([view, locale], () => historyColumns(view, locale)),
            rows: view.rows,
            caption: msg(str`Monthly AI voice usage, ${first} to ${last}`, { desc: 'Caption of the monthly table: its first and last month.' }),
            totalsLabel: msg('Total', { desc: 'Label of a table’s totals row' }),
          })
    }`;
  }

  #renderCalls(): unknown {
    if (!this.#ready) return nothing;
    const range = this.range;
    return html`<ai-usage-calls
      part="calls"
      exportparts="pager, permission-notice"
      .dataSource=${this.resolvedDataSource}
      .locale=${this.effectiveLocale}
      .timeZone=${this.#zone}
      .requestTimeout=${this.effectiveRequestTimeout}
      .month=${callsMonth(this.month, range)}
      .from=${range.from}
      .to=${range.to}
      .agentId=${this.agentId}
      .sort=${this.callsSort}
      .pageSize=${this.pageSize}
      @ai-load=${(e: Event) => e.stopPropagation()}
      @ai-month-change=${(e: CustomEvent<{ month: string }>) => (this.month = e.detail.month)}
      @ai-sort-change=${(e: CustomEvent<{ sortKey: string; sortDirection: 'asc' | 'desc' }>) =>
        // After every listener has had its say: a host may cancel the sort.
        queueMicrotask(() => {
          if (!e.defaultPrevented) this.callsSort = formatSort({ key: e.detail.sortKey, direction: e.detail.sortDirection });
        })}
    ></ai-usage-calls>`;
  }

  protected override render() {
    try {
      return this.#renderHistory();
    } catch (error) {
      // Never throw from render(): a throw leaves the element on its last frame (e.g. "Loading…") for good.
      return errorPanel(msg('Couldn’t show the monthly history.'), error, () => this.#history.run());
    }
  }

  #renderHistory() {
    return this.#history.render({
      pending: () =>
        this.#renderPage(
          this.#history.lastSettled === 'error'
            ? retryingPanel(msg('Loading the monthly history…'))
            : html`<div class="chart-skeleton" aria-busy="true"><span class="visually-hidden">${msg('Loading the monthly history…')}</span></div>`,
        ),
      complete: (view) => this.#renderPage(view.rows.length === 0 ? this.#renderNoMonths(view) : this.#renderMonths(view)),
      error: (error) => this.#renderPage(errorPanel(msg('Couldn’t load the monthly history.'), error, () => this.#history.run())),
    });
  }

  #renderNoMonths(view: HistoryView): TemplateResult {
    const from = formatMonth(this.range.from, this.effectiveLocale);
    const to = formatMonth(this.range.to, this.effectiveLocale);
    return html`${problemNotice(view.problems, 0, 'month', this.effectiveLocale)}${statePanel('empty', msg(str`No AI voice usage from ${from} to ${to}.`))}`;
  }

  #renderPage(months: unknown): TemplateResult {
    return html`${this.#renderControls()}
      <section class="history" aria-labelledby="history-heading">
        <h3 class="heading" id="history-heading" part="heading" tabindex="-1">${msg('Monthly usage')}</h3>
        ${months}
      </section>
      ${this.#renderCalls()}`;
  }
}
