import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { WARNING_ICON, agentTableStyles, totalCell } from '../../base/agent-table-element.js';
import { errorMessage, notAvailable, problemNotice, statePanel, stateStyles } from '../../base/states.js';
import { UsageElement } from '../../base/usage-element.js';
import { validateCallsPage, type CallRow, type CallsPageView } from '../../data/calls.js';
import { isAbortError, UsageDataError } from '../../data/data-source.js';
import { monthOverMonth, validateHistory, type HistoryMetric, type HistoryRow, type HistoryView } from '../../data/history.js';
import { addMonths, isMonth, monthInTimeZone, monthRange } from '../../data/months.js';
import type { VoiceCallSortKey } from '../../data/types.js';
import { validateVoiceAgents } from '../../data/voice-agents.js';
import type { ErrorDetail, LoadDetail } from '../../events.js';
import { formatAmount, formatChange, formatCount, formatDateTime, formatDuration, formatMonth, isFiniteNumber } from '../../format/format.js';
import { baseStyles } from '../../styles/base.styles.js';
import { tableStyles } from '../../styles/table.styles.js';
import { DataTableController, type Column } from '../../table/data-table.js';
import { parseSort } from '../../table/sort.js';
import { chartSummary, renderChart } from './history-chart.js';
import { usageHistoryStyles } from './usage-history.styles.js';

export type HistoryPeriod = 'last-6' | 'last-12';
const CALL_SORT_KEYS: VoiceCallSortKey[] = ['startedAt', 'durationSeconds', 'agentName', 'takenBy', 'billable'];
const PAGE_SIZES = [25, 50, 100, 250, 500];

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
 * @fires ai-sort-change - The user sorted the calls list. Cancelable. `detail: { sortKey, sortDirection }`.
 *
 * @csspart controls - The period and agent pickers.
 * @csspart chart - The SVG bar chart.
 * @csspart chart-summary - The chart's summary in words.
 * @csspart heading - The section headings ("Monthly usage", "Calls").
 * @csspart agents-error - The notice shown when the agents (and the organization's time zone) could not be loaded.
 * @csspart calls - The calls section.
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
  static override styles = [baseStyles, tableStyles, stateStyles, agentTableStyles, usageHistoryStyles];

  /** The period shown when `from`/`to` are not both set: the last 6 or 12 months. */
  @property() period: HistoryPeriod = 'last-12';

  /** First month of a custom period, `YYYY-MM`. */
  @property() from: string | undefined;

  /** Last month of a custom period, `YYYY-MM`. */
  @property() to: string | undefined;

  /** One agent's history and calls; unset for all agents. */
  @property({ attribute: 'agent-id' }) agentId: string | undefined;

  /** The month whose calls are listed, `YYYY-MM`. Default: the last month of the period. */
  @property() month: string | undefined;

  /** What the chart draws. */
  @property() metric: HistoryMetric = 'billableMinutes';

  /** Monthly figures as a chart or as a table. */
  @property() view: 'chart' | 'table' = 'chart';

  /** Sort of the calls list, `key:asc|desc` (keys: startedAt, durationSeconds, agentName, takenBy, billable). Reflects. */
  @property({ attribute: 'calls-sort', reflect: true }) callsSort = 'startedAt:desc';

  /** Calls per page (at most 500). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 50;

  /** Index of the first call shown. */
  @state() private offset = 0;

  @state() private chartWidth = 640;

  private readonly callsTable = new DataTableController<CallRow>(this, {
    get: () => this.callsSort,
    set: (value) => (this.callsSort = value),
  });

  private readonly historyTable = new DataTableController<HistoryRow>(this, {
    get: () => this.historySort,
    set: (value) => (this.historySort = value),
  });

  @state() private historySort: string | undefined;

  private resizeObserver: ResizeObserver | undefined;

  /** voice/agents: the organization's month and time zone, and the agents for the picker. */
  private readonly agentsTask = new Task(this, {
    task: async ([source], { signal }) => (source ? validateVoiceAgents(await source.getVoiceAgents({ signal })) : initialState),
    args: () => [this.resolvedDataSource] as const,
  });

  private readonly historyTask = new Task(this, {
    task: async ([source, from, to, agentId], { signal }) => {
      if (!source || !from || !to) return initialState;
      const params = { signal, from, to, ...(agentId ? { agentId } : {}) };
      return validateHistory(await source.getVoiceHistory(params), from, to);
    },
    args: () => {
      const range = this.ready ? this.range : undefined;
      return [this.resolvedDataSource, range?.from, range?.to, this.agentId] as const;
    },
    onComplete: () => (this.historyLoaded = true),
    onError: (error) => {
      if (!isAbortError(error)) this.emit<ErrorDetail>('ai-error', { error });
    },
  });

  private readonly callsTask = new Task(this, {
    task: async ([source, month, agentId, sort, offset, limit], { signal }) => {
      if (!source || !month) return initialState;
      const parsed = parseSort(sort);
      const key = CALL_SORT_KEYS.includes(parsed?.key as VoiceCallSortKey) ? (parsed?.key as VoiceCallSortKey) : 'startedAt';
      const answer = await source.getVoiceCalls({
        signal,
        month,
        ...(agentId ? { agentId } : {}),
        sort: { key, direction: parsed?.direction ?? 'desc' },
        offset,
        limit,
      });
      return validateCallsPage(answer, offset);
    },
    args: () => [this.resolvedDataSource, this.ready ? this.callsMonth : undefined, this.agentId, this.callsSort, this.offset, this.limit] as const,
    onError: (error) => {
      if (!isAbortError(error) && !(error instanceof UsageDataError && error.kind === 'forbidden')) this.emit<ErrorDetail>('ai-error', { error });
    },
  });

  private historyLoaded = false;

  /** The organization's context is known (or could not be had): the other requests may go. */
  private get ready(): boolean {
    return this.agentsTask.status === TaskStatus.COMPLETE || this.agentsTask.status === TaskStatus.ERROR;
  }

  private get zone(): string | undefined {
    return this.zoneFor(this.agentsTask.value);
  }

  /** The organization's current month (this browser's, if the backend could not say). */
  private get currentMonth(): string {
    return this.agentsTask.value?.month ?? monthInTimeZone(new Date(), this.zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  }

  /** The months shown: `from`..`to` when both are valid, else the last 6 or 12 months. */
  get range(): { from: string; to: string } {
    if (isMonth(this.from) && isMonth(this.to) && this.from <= this.to) return { from: this.from, to: this.to };
    const to = this.currentMonth;
    return { from: addMonths(to, this.period === 'last-6' ? -5 : -11), to };
  }

  private get callsMonth(): string {
    const { from, to } = this.range;
    return isMonth(this.month) && this.month >= from && this.month <= to ? this.month : to;
  }

  private get limit(): number {
    return Math.min(500, Math.max(1, Math.floor(Number(this.pageSize) || 50)));
  }

  /** Loads everything again. */
  reload(): Promise<unknown> {
    return Promise.all([this.agentsTask.run(), this.historyTask.run(), this.callsTask.run()]);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver ??= new ResizeObserver((entries) => {
      const width = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (width > 0 && Math.abs(width - this.chartWidth) > 1) this.chartWidth = width;
    });
    void this.updateComplete.then(() => {
      const box = this.renderRoot.querySelector('.chart-box');
      if (box) this.resizeObserver?.observe(box);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new month, agent, sort or page size starts the calls list at its first page.
    if (changed.has('month') || changed.has('agentId') || changed.has('callsSort') || changed.has('pageSize') || changed.has('from') || changed.has('to') || changed.has('period')) {
      if (this.hasUpdated) this.offset = 0;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const box = this.renderRoot.querySelector('.chart-box');
    if (box) this.resizeObserver?.observe(box);
    if (this.historyLoaded && this.historyTask.status === TaskStatus.COMPLETE && this.historyTask.value) {
      this.historyLoaded = false;
      const view = this.historyTask.value;
      this.emitAfterRender<LoadDetail>('ai-load', { count: view.rows.length, rowsWithProblems: view.rowsWithProblems });
    }
  }

  private heading(text: string, id: string): TemplateResult {
    return html`<h3 class="heading" id=${id} part="heading" tabindex="-1">${text}</h3>`;
  }

  /** Scrolls the monthly usage into view and moves focus to its heading (e.g. after "See history"). */
  async showMonthlyUsage(): Promise<void> {
    await this.updateComplete;
    const heading = this.renderRoot.querySelector<HTMLElement>('#history-heading');
    heading?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    heading?.focus({ preventScroll: true });
  }

  private renderControls(): TemplateResult {
    const agents = this.agentsTask.value?.rows ?? [];
    const custom = isMonth(this.from) && isMonth(this.to);
    const { from, to } = this.range;
    const agentsFailed = this.agentsTask.status === TaskStatus.ERROR;
    return html`${agentsFailed
        ? html`<p class="agents-error" part="agents-error" role="alert">
            Couldn’t load the agents (${errorMessage(this.agentsTask.error)}): the agent picker is empty and times show in this browser’s time zone.
            <button type="button" class="link" @click=${() => void this.agentsTask.run()}>Retry</button>
          </p>`
        : nothing}
      <div class="controls" part="controls">
      <label>
        <span>Period</span>
        <select
          .value=${live(custom ? 'custom' : this.period === 'last-6' ? 'last-6' : 'last-12')}
          @change=${(e: Event) => {
            const value = (e.target as HTMLSelectElement).value;
            if (value === 'custom') {
              this.from = from;
              this.to = to;
            } else {
              this.from = undefined;
              this.to = undefined;
              this.period = value as HistoryPeriod;
            }
          }}
        >
          <option value="last-6" ?selected=${!custom && this.period === 'last-6'}>Last 6 months</option>
          <option value="last-12" ?selected=${!custom && this.period !== 'last-6'}>Last 12 months</option>
          <option value="custom" ?selected=${custom}>Custom…</option>
        </select>
      </label>
      ${custom
        ? html`<label><span>From</span><input type="month" .value=${from} max=${to} @change=${(e: Event) => (this.from = (e.target as HTMLInputElement).value || this.from)} /></label>
            <label><span>To</span><input type="month" .value=${to} min=${from} @change=${(e: Event) => (this.to = (e.target as HTMLInputElement).value || this.to)} /></label>`
        : nothing}
      <label>
        <span>Agent</span>
        <select .value=${live(this.agentId ?? '')} @change=${(e: Event) => (this.agentId = (e.target as HTMLSelectElement).value || undefined)}>
          <option value="" ?selected=${!this.agentId}>All agents</option>
          ${agents
            .filter((a) => a.id)
            .map((a) => html`<option value=${a.id ?? ''} ?selected=${a.id === this.agentId}>${a.name ?? a.id}</option>`)}
          ${this.agentId && !agents.some((a) => a.id === this.agentId) ? html`<option value=${this.agentId} selected>${this.agentId}</option>` : nothing}
        </select>
      </label>
    </div>`;
  }

  private renderToggle<T extends string>(label: string, value: T, options: [T, string][], set: (v: T) => void): TemplateResult {
    return html`<div class="toggle" role="group" aria-label=${label}>
      ${options.map(
        ([v, text]) => html`<button type="button" aria-pressed=${v === value ? 'true' : 'false'} @click=${() => set(v)}>${text}</button>`,
      )}
    </div>`;
  }

  private historyColumns(view: HistoryView): Column<HistoryRow>[] {
    const locale = this.effectiveLocale;
    const changes = monthOverMonth(view.rows, 'billableMinutes');
    const changeOf = new Map(view.rows.map((r, i) => [r.month, changes[i]]));
    const num = (key: HistoryMetric, label: string, kind: 'count' | 'amount'): Column<HistoryRow> => ({
      key,
      label,
      numeric: true,
      sortValue: (r) => r[key],
      cell: (r) => (isFiniteNumber(r[key]) ? (kind === 'count' ? formatCount(r[key], locale) : formatAmount(r[key], locale)) : notAvailable),
      total: (rows) => totalCell(rows, (r) => r[key], (sum) => formatAmount(sum, locale)),
    });
    return [
      {
        key: 'month',
        label: 'Month',
        rowHeader: true,
        sortValue: (r) => r.month,
        cell: (r) => html`${r.hasProblem ? html`${WARNING_ICON}<span class="visually-hidden">Has invalid data. </span>` : nothing}${formatMonth(r.month, locale)}`,
      },
      num('callsEngaged', 'Calls engaged', 'count'),
      num('billableMinutes', 'Billable minutes', 'amount'),
      {
        key: 'change',
        label: 'Change (billable minutes)',
        numeric: true,
        sortValue: (r) => changeOf.get(r.month),
        cell: (r) => {
          const change = changeOf.get(r.month);
          return change === undefined ? notAvailable : html`<span class="change ${change > 0 ? 'up' : change < 0 ? 'down' : ''}">${formatChange(change, locale)}</span>`;
        },
      },
      num('nonBillableCalls', 'Non-billable calls (<15 s)', 'count'),
    ];
  }

  private renderHistory(): TemplateResult {
    const locale = this.effectiveLocale;
    const task = this.historyTask;
    let body: unknown;
    if (task.status === TaskStatus.ERROR) {
      body = statePanel('error', 'Couldn’t load the monthly history.', errorMessage(task.error), { label: 'Retry', onClick: () => void this.historyTask.run() });
    } else if (task.status === TaskStatus.COMPLETE && task.value) {
      const view = task.value;
      const summary = chartSummary(view.rows, this.metric, locale);
      body = html`${problemNotice(view.problems, view.rowsWithProblems, 'month')}
        <div class="view-bar">
          ${this.view === 'chart'
            ? this.renderToggle('Figure', this.metric, [
                ['billableMinutes', 'Billable minutes'],
                ['callsEngaged', 'Calls engaged'],
                ['nonBillableCalls', 'Non-billable calls'],
              ], (m) => (this.metric = m))
            : html`<span></span>`}
          ${this.renderToggle('Show as', this.view, [
            ['chart', 'Chart'],
            ['table', 'Table'],
          ], (v) => (this.view = v))}
        </div>
        ${this.view === 'chart'
          ? html`<div class="chart-box">
              ${renderChart({ rows: view.rows, metric: this.metric, width: this.chartWidth, locale, describedBy: 'chart-summary' })}
              <p id="chart-summary" class="chart-summary" part="chart-summary">${summary}</p>
            </div>`
          : this.historyTable.render({
              columns: this.historyColumns(view),
              rows: view.rows,
              rowKey: (r) => r.key,
              caption: `Monthly AI voice usage, ${formatMonth(view.rows[0]?.month, locale)} to ${formatMonth(view.rows[view.rows.length - 1]?.month, locale)}`,
              totalsLabel: 'Total',
            })}`;
    } else {
      body = html`<div class="chart-skeleton" aria-busy="true"><span class="visually-hidden">Loading the monthly history…</span></div>`;
    }
    return html`<section class="history" aria-labelledby="history-heading">${this.heading('Monthly usage', 'history-heading')}${body}</section>`;
  }

  private get callColumns(): Column<CallRow>[] {
    const locale = this.effectiveLocale;
    const zone = this.zone;
    return [
      {
        key: 'startedAt',
        label: 'Time',
        rowHeader: true,
        sortable: true,
        cell: (r) => html`${r.hasProblem ? html`${WARNING_ICON}<span class="visually-hidden">Has invalid data. </span>` : nothing}${r.startedAt ? formatDateTime(r.startedAt, locale, zone) : notAvailable}`,
      },
      { key: 'durationSeconds', label: 'Length', numeric: true, sortable: true, cell: (r) => (isFiniteNumber(r.durationSeconds) ? formatDuration(r.durationSeconds) : notAvailable) },
      { key: 'agentName', label: 'AI agent', sortable: true, cell: (r) => html`<span class="truncate" dir="auto" title=${r.agentName ?? ''}>${r.agentName ?? notAvailable}</span>` },
      {
        key: 'takenBy',
        label: 'Taken by',
        sortable: true,
        cell: (r) => {
          if (r.takenByKind === undefined && r.takenByName === undefined) return html`<span class="muted">Not recorded</span>`;
          const kind = r.takenByKind === 'ai-agent' ? 'AI agent' : r.takenByKind === 'user' ? 'Person, after transfer' : (r.takenByKind ?? '');
          return html`<span class="truncate" dir="auto">${r.takenByName ?? html`<span class="muted">Name not recorded</span>`}</span> <span class="secondary">${kind}</span>`;
        },
      },
      {
        key: 'billable',
        label: 'Billable',
        sortable: true,
        cell: (r) =>
          r.billable === undefined
            ? notAvailable
            : r.billable
              ? 'Yes'
              : html`No${isFiniteNumber(r.durationSeconds) && r.durationSeconds < 15 ? html` <span class="secondary">under 15 s</span>` : nothing}`,
      },
    ];
  }

  /** The last total the server gave, so paging controls stay usable (and focused) while a page loads. */
  private lastTotal = 0;

  private renderPager(view: CallsPageView | undefined): TemplateResult {
    const locale = this.effectiveLocale;
    if (view) this.lastTotal = view.total;
    const total = view?.total ?? this.lastTotal;
    const first = total === 0 ? 0 : this.offset + 1;
    const last = Math.min(total, this.offset + (view?.rows.length ?? 0));
    const limit = this.limit;
    const lastOffset = Math.max(0, Math.floor((total - 1) / limit) * limit);
    const go = (offset: number) => (this.offset = Math.max(0, Math.min(lastOffset, offset)));
    return html`<div class="pager" part="pager">
      <span class="range" aria-live="polite">${view ? `${formatCount(first, locale)}–${formatCount(last, locale)} of ${formatCount(total, locale)} calls` : ''}</span>
      <label class="page-size"
        ><span>Per page</span>
        <select .value=${live(String(limit))} @change=${(e: Event) => (this.pageSize = Number((e.target as HTMLSelectElement).value))}>
          ${PAGE_SIZES.map((n) => html`<option value=${n} ?selected=${n === limit}>${n}</option>`)}
        </select></label
      >
      <div class="pages">
        <button type="button" class="action" aria-label="First page" ?disabled=${this.offset === 0} @click=${() => go(0)}><span class="arrow" aria-hidden="true">«</span></button>
        <button type="button" class="action" aria-label="Previous page" ?disabled=${this.offset === 0} @click=${() => go(this.offset - limit)}>
          <span class="arrow" aria-hidden="true">‹</span> Previous
        </button>
        <button type="button" class="action" aria-label="Next page" ?disabled=${this.offset + limit >= total} @click=${() => go(this.offset + limit)}>
          Next <span class="arrow" aria-hidden="true">›</span>
        </button>
        <button type="button" class="action" aria-label="Last page" ?disabled=${this.offset + limit >= total} @click=${() => go(lastOffset)}><span class="arrow" aria-hidden="true">»</span></button>
      </div>
    </div>`;
  }

  private renderCalls(): TemplateResult {
    const task = this.callsTask;
    const locale = this.effectiveLocale;
    const { from, to } = this.range;
    const month = this.callsMonth;
    const forbidden = task.status === TaskStatus.ERROR && task.error instanceof UsageDataError && task.error.kind === 'forbidden';
    if (forbidden) {
      return html`<section class="calls" part="calls" aria-labelledby="calls-heading">
        ${this.heading('Calls', 'calls-heading')}
        <p class="permission" part="permission-notice">You don’t have permission to see individual calls. The monthly figures above include them.</p>
      </section>`;
    }
    let body: unknown;
    const view = task.status === TaskStatus.COMPLETE ? task.value : undefined;
    if (task.status === TaskStatus.ERROR) {
      body = statePanel('error', 'Couldn’t load the calls.', errorMessage(task.error), { label: 'Retry', onClick: () => void this.callsTask.run() });
    } else if (view && view.total === 0) {
      body = statePanel('empty', `No calls in ${formatMonth(month, locale)}.`);
    } else {
      // Rows and loading share one table, so the header (and a sort button with focus) stays put.
      body = html`<div class="calls-body" aria-busy=${view ? 'false' : 'true'}>
        ${view ? problemNotice(view.problems, view.rowsWithProblems, 'call') : nothing}
        ${this.callsTable.render({
          columns: this.callColumns,
          rows: view?.rows ?? [],
          rowKey: (r) => r.key,
          caption: view ? `Calls in ${formatMonth(month, locale)}` : 'Loading calls…',
          presorted: true,
          ...(view ? { window: { total: view.total, offset: this.offset } } : { loadingRows: 6 }),
        })}
      </div>`;
    }
    return html`<section class="calls" part="calls" aria-labelledby="calls-heading">
      <div class="calls-head">
        ${this.heading('Calls', 'calls-heading')}
        <label
          ><span>Month</span>
          <select .value=${live(month)} @change=${(e: Event) => (this.month = (e.target as HTMLSelectElement).value)}>
            ${monthRange(from, to)
              .reverse()
              .map((m) => html`<option value=${m} ?selected=${m === month}>${formatMonth(m, locale)}</option>`)}
          </select></label
        >
      </div>
      ${body} ${task.status === TaskStatus.ERROR || (view && view.total === 0) ? nothing : this.renderPager(view)}
    </section>`;
  }

  protected override render() {
    if (!this.resolvedDataSource) {
      return statePanel('unconfigured', 'No data source.', 'Set the endpoint attribute, the dataSource property, or place this element inside <ai-usage-provider>.');
    }
    return html`${this.renderControls()}${this.renderHistory()}${this.renderCalls()}`;
  }
}
