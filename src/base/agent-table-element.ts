import { initialState, Task, TaskStatus } from '@lit/task';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { isAbortError, type UsageDataSource } from '../data/data-source.js';
import { totalOf } from '../data/totals.js';
import type { Problem } from '../data/validate.js';
import type { ErrorDetail, ExportDetail, FilterChangeDetail, LoadDetail } from '../events.js';
import { entityTypeLabel, formatAmount, formatCount, formatDateTime, isFiniteNumber } from '../format/format.js';
import { toCsv, type CsvField } from '../table/csv.js';
import { DataTableController, type Column } from '../table/data-table.js';
import { filterRows } from '../table/filter.js';
import { errorMessage, notAvailable, problemNotice, statePanel } from './states.js';
import { UsageElement } from './usage-element.js';

/** What every agent table shows: validated rows and what was wrong with the answer. */
export interface TableView<R> {
  rows: R[];
  problems: Problem[];
  rowsWithProblems: number;
  asOf: string | undefined;
  timeZone: string | undefined;
}

export interface BaseRow {
  key: string;
  hasProblem: boolean;
}

/** Rows with an agent connected to an entity: the first two columns of every agent table. */
export interface AgentRow extends BaseRow {
  name: string | undefined;
  entityName: string | undefined;
  entityType: string | undefined;
}

/** The words an element uses for its rows and states. */
export interface TableTexts {
  /** Accessible name of the table, e.g. "AI voice agents". */
  caption: string;
  loading: string;
  empty: string;
  emptyDetail: string;
  error: string;
  /** Start of the CSV file name, e.g. `ai-voice-usage`. */
  fileStem: string;
}

export const WARNING_ICON = html`<svg class="row-warning" viewBox="0 0 16 16" aria-hidden="true">
  <path d="M8 1.5 15 14H1z M7.25 6h1.5v4h-1.5z M7.25 11h1.5v1.5h-1.5z" fill-rule="evenodd"></path>
</svg>`;

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** A totals cell: the sum of valid values, marked incomplete (in words too) when it leaves any out. */
export function totalCell<R>(rows: readonly R[], value: (row: R) => number | undefined, format: (sum: number) => unknown): unknown {
  const { sum, missing } = totalOf(rows, value);
  if (rows.length > 0 && missing === rows.length) return notAvailable;
  const note = `leaves out ${missing} invalid value${missing === 1 ? '' : 's'}`;
  return html`${missing > 0
    ? html`<span class="incomplete" title=${`Incomplete: ${note}`}
        >${WARNING_ICON}<span class="visually-hidden">incomplete, ${note}: </span></span
      >`
    : nothing}${format(sum)}`;
}

/**
 * An agent table: loads through the data source with `@lit/task` (aborting on change, latest wins),
 * validates, then filters, sorts and renders through the one table core, with summary, filter, CSV
 * export, the invalid-data notice, and the loading, empty, no-matches, error and unconfigured states.
 * Subclasses supply the load call, the columns and the words.
 */
export abstract class AgentTableElement<R extends BaseRow, V extends TableView<R>> extends UsageElement {
  /** Sorted column and direction, `key:asc` or `key:desc`; unset keeps the data's order. Reflects. */
  @property({ reflect: true }) sort: string | undefined;

  /** Shows only rows whose agent or entity name contains every word (case- and accent-insensitive). */
  @property() filter = '';

  protected readonly table = new DataTableController<R>(this);
  protected abstract readonly texts: TableTexts;

  /** Asks the data source and validates its answer. */
  protected abstract load(source: UsageDataSource, signal: AbortSignal): Promise<V>;
  protected abstract get columns(): Column<R>[];
  /** The texts the filter searches. */
  protected abstract searchable(row: R): (string | undefined)[];
  /** The summary line's figures, e.g. "14 agents", "11 active". */
  protected abstract summary(view: V): string[];
  /** The CSV's columns. */
  protected abstract csvFields(): CsvField<R>[];
  /** `YYYY-MM` for the export's file name. */
  protected abstract exportMonth(view: V): string;

  private readonly task = new Task(this, {
    task: async ([source], { signal }) => {
      this.loadedToAnnounce = undefined;
      return source ? this.load(source, signal) : initialState;
    },
    args: () => [this.resolvedDataSource] as const,
    onComplete: (view) => {
      this.loadedToAnnounce = view;
    },
    onError: (error) => {
      if (!isAbortError(error)) this.emit<ErrorDetail>('ai-error', { error });
    },
  });

  private filtered: { rows: readonly R[]; filter: string; result: readonly R[] } | undefined;

  /** The view whose `ai-load` is due after it renders. */
  private loadedToAnnounce: V | undefined;

  /** Loads the data again (what the error state's Retry does). */
  reload(): Promise<void> {
    return this.task.run();
  }

  /** The rows the table shows now, filter and sort applied (what the CSV export contains). */
  get visibleRows(): readonly R[] {
    const view = this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
    return view ? this.table.sorted(this.filterRows(view.rows), this.columns) : [];
  }

  /** Builds the CSV of what is shown and downloads it; returns the CSV (or `undefined` if a listener cancelled). */
  exportCsv(): string | undefined {
    const view = this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
    if (!view) return undefined;
    const rows = this.visibleRows;
    const csv = toCsv(this.csvFields(), rows);
    const filename = `${this.texts.fileStem}-${this.exportMonth(view)}.csv`;
    if (!this.emit<ExportDetail>('ai-export', { filename, csv, rowCount: rows.length }, true)) return undefined;
    const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.hidden = true;
    this.renderRoot.append(link);
    link.click();
    link.remove();
    // Some browsers start the download asynchronously: keep the URL alive for a while.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return csv;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('filter')) this.filtered = undefined;
  }

  private filterRows(rows: readonly R[]): readonly R[] {
    const memo = this.filtered;
    if (memo && memo.rows === rows && memo.filter === this.filter) return memo.result;
    const result = filterRows(rows, this.filter, (row) => this.searchable(row));
    this.filtered = { rows, filter: this.filter, result };
    return result;
  }

  private setFilter(value: string): void {
    if (value === this.filter) return;
    this.filter = value;
    this.emit<FilterChangeDetail>('ai-filter-change', { filter: value });
  }

  /** A number cell: formatted in the element's locale, or "not available". */
  protected numberCell(value: number | undefined, kind: 'count' | 'amount'): unknown {
    if (!isFiniteNumber(value)) return notAvailable;
    return kind === 'count' ? formatCount(value, this.effectiveLocale) : formatAmount(value, this.effectiveLocale);
  }

  /** A totals cell: the sum of valid values, marked incomplete when it leaves any out. */
  protected totalCell(rows: readonly R[], value: (row: R) => number | undefined, kind: 'count' | 'amount'): unknown {
    return totalCell(rows, value, (sum) => this.numberCell(sum, kind));
  }

  /** The agent-name cell: warning marker for rows with invalid data, truncated name in its own direction. */
  protected nameCell(row: R, name: string | undefined, extra: unknown = nothing): TemplateResult {
    return html`<span class="agent"
        >${row.hasProblem ? html`${WARNING_ICON}<span class="visually-hidden">Has invalid data. </span>` : nothing}<span
          class="truncate"
          dir="auto"
          title=${name ?? ''}
          >${name ?? notAvailable}</span
        ></span
      >${extra}`;
  }

  /**
   * The Entity and AI agent columns every agent table starts with. When the table is narrow, the
   * entity folds under the agent name. `agentExtra` adds lines under the name (e.g. the status).
   */
  protected agentColumns<A extends R & AgentRow>(agentExtra: (row: A) => unknown = () => nothing): Column<A>[] {
    return [
      {
        key: 'entity',
        label: 'Entity',
        hideWhenNarrow: true,
        sortValue: (r) => r.entityName,
        cell: (r) =>
          html`<span class="line">${this.entityName(r.entityName, r.entityType)}</span>
            <span class="secondary">${entityTypeLabel(r.entityType)}</span>`,
      },
      {
        key: 'name',
        label: 'AI agent',
        rowHeader: true,
        sortValue: (r) => r.name,
        cell: (r) =>
          this.nameCell(
            r,
            r.name,
            html`${agentExtra(r)} <span class="secondary narrow-only truncate"
                >${this.entityName(r.entityName, r.entityType, '')} · ${entityTypeLabel(r.entityType)}</span
              >`,
          ),
      },
    ];
  }

  /** An entity name: isolated direction; phone numbers always read left to right. */
  protected entityName(name: string | undefined, type: string | undefined, cls = 'truncate'): TemplateResult {
    if (name === undefined) return html`<span class=${cls}>${notAvailable}</span>`;
    return html`<span class=${cls} dir=${type === 'phone-number' ? 'ltr' : 'auto'} title=${name}>${name}</span>`;
  }

  /**
   * The toolbar, rendered once above every state so that the filter box keeps focus while the body
   * changes, with the element's one live region.
   */
  private renderToolbar(view: V | undefined, shown: number | undefined, status: string): TemplateResult {
    const locale = this.effectiveLocale;
    const asOf = view?.asOf ? `Data as of ${formatDateTime(view.asOf, locale, this.zoneFor(view), true)}` : '';
    return html`<div class="toolbar" part="toolbar">
      <p class="summary" part="summary">
        ${view ? html`<span class="figures">${this.summary(view).map((part, i) => html`${i ? ' · ' : ''}<bdi>${part}</bdi>`)}</span>` : nothing}
        ${asOf ? html`<span class="as-of"><bdi>${asOf}</bdi></span>` : nothing}
      </p>
      <div class="tools">
        <input
          type="search"
          part="filter"
          class="filter"
          .value=${this.filter}
          placeholder="Filter by agent or entity"
          aria-label="Filter by agent or entity"
          ?disabled=${!view || view.rows.length === 0}
          @input=${(e: InputEvent) => this.setFilter((e.target as HTMLInputElement).value)}
        />
        <button type="button" class="action" part="export-button" ?disabled=${!view || shown === 0} @click=${() => this.exportCsv()}>
          Export CSV
        </button>
        ${this.renderActions()}
        <slot name="actions"></slot>
      </div>
      <div class="visually-hidden" role="status">${status}</div>
    </div>`;
  }

  /** What the live region says once data is shown. */
  private loadedStatus(view: V, shown: number): string {
    const locale = this.effectiveLocale;
    const total = view.rows.length;
    const count = shown === total ? `${formatCount(total, locale)} ${plural(total, 'agent', 'agents')}` : `Showing ${formatCount(shown, locale)} of ${formatCount(total, locale)} ${plural(total, 'agent', 'agents')}`;
    const problems = view.rowsWithProblems ? `, ${formatCount(view.rowsWithProblems, locale)} with invalid data` : '';
    return `${count}${problems}.`;
  }

  private clearFilter(): void {
    this.setFilter('');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input.filter')?.focus());
  }

  private renderBody(view: V, rows: readonly R[]): unknown {
    if (view.rows.length === 0) {
      return html`${problemNotice(view.problems, 0, 'agent')}${statePanel('empty', this.texts.empty, this.texts.emptyDetail)}`;
    }
    const notice = problemNotice(view.problems, view.rowsWithProblems, 'agent');
    if (rows.length === 0) {
      return html`${notice}${statePanel('no-matches', `No agents match “${this.filter.trim()}”.`, undefined, {
        label: 'Clear filter',
        onClick: () => this.clearFilter(),
      })}`;
    }
    return html`${notice}${this.table.render({
      columns: this.columns,
      rows,
      rowKey: (r) => r.key,
      rowClass: (r) => this.rowClass(r),
      caption: this.texts.caption,
      totalsLabel: rows.length !== view.rows.length ? `Total of ${formatCount(rows.length, this.effectiveLocale)} shown` : 'Total',
    })}`;
  }

  /** Extra controls at the end of the toolbar (before the `actions` slot). */
  protected renderActions(): unknown {
    return nothing;
  }

  /** Shown between the toolbar and the table (e.g. a warning). */
  protected renderNotices(): unknown {
    return nothing;
  }

  /** Rendered after everything (e.g. dialogs). */
  protected renderOverlays(): unknown {
    return nothing;
  }

  /** The view shown now, when loading has completed. */
  protected get currentView(): V | undefined {
    return this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
  }

  protected rowClass(row: R): string {
    return row.hasProblem ? 'has-problem' : '';
  }

  protected override render() {
    let toolbar: TemplateResult;
    let body: unknown;
    if (!this.resolvedDataSource) {
      toolbar = this.renderToolbar(undefined, undefined, '');
      body = statePanel(
        'unconfigured',
        'No data source.',
        'Set the endpoint attribute, the dataSource property, or place this element inside <ai-usage-provider>.',
      );
    } else if (this.task.status === TaskStatus.COMPLETE && this.task.value) {
      const view = this.task.value;
      const rows = this.filterRows(view.rows);
      toolbar = this.renderToolbar(view, rows.length, this.loadedStatus(view, rows.length));
      body = this.renderBody(view, rows);
    } else if (this.task.status === TaskStatus.ERROR) {
      toolbar = this.renderToolbar(undefined, undefined, this.texts.error);
      body = statePanel('error', this.texts.error, errorMessage(this.task.error), { label: 'Retry', onClick: () => void this.reload() });
    } else {
      toolbar = this.renderToolbar(undefined, undefined, this.texts.loading);
      body = html`<div aria-busy="true">${this.table.renderSkeleton(this.columns, this.texts.loading)}</div>`;
    }
    return html`${toolbar}${this.renderNotices()}${body}${this.renderOverlays()}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // `ai-load` once the rows are on screen (the task's onComplete runs before the render).
    const loaded = this.loadedToAnnounce;
    if (loaded && this.task.status === TaskStatus.COMPLETE && this.task.value === loaded) {
      this.loadedToAnnounce = undefined;
      this.emitAfterRender<LoadDetail>('ai-load', { count: loaded.rows.length, rowsWithProblems: loaded.rowsWithProblems });
    }
  }
}

/** Toolbar, names and status styles shared by the agent tables. */
export const agentTableStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 2) calc(var(--_space) * 4);
    min-height: 32px;
    margin-bottom: calc(var(--_space) * 3);
  }

  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 3);
    margin: 0;
    color: var(--_muted);
  }

  .summary .figures {
    color: var(--_text);
    font-variant-numeric: tabular-nums;
  }

  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    align-items: center;
  }

  .filter {
    min-height: 32px;
    width: 15rem;
    max-width: 100%;
    padding: 0 calc(var(--_space) * 2.5);
    border: 1px solid var(--_control-border);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
  }

  .filter::placeholder {
    color: var(--_muted);
  }

  .action:disabled,
  .filter:disabled {
    opacity: 0.55;
    cursor: default;
  }

  .agent {
    display: flex;
    align-items: center;
    font-weight: 500;
  }

  .incomplete .row-warning {
    margin-inline-end: var(--_space);
  }
`;
