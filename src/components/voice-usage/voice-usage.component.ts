import { initialState, Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { errorMessage, notAvailable, problemNotice, statePanel, stateStyles } from '../../base/states.js';
import { UsageElement } from '../../base/usage-element.js';
import { isAbortError } from '../../data/data-source.js';
import {
  summarizeVoiceAgents,
  totalOf,
  validateVoiceAgents,
  type VoiceAgentRow,
  type VoiceAgentsView,
  type VoiceNumberField,
} from '../../data/voice-agents.js';
import { entityTypeLabel, formatAmount, formatCount, formatDateTime, formatMonth, isFiniteNumber } from '../../format/format.js';
import type { ErrorDetail, LoadDetail } from '../../events.js';
import { baseStyles } from '../../styles/base.styles.js';
import { tableStyles } from '../../styles/table.styles.js';
import { DataTableController, type Column } from '../../table/data-table.js';
import { voiceUsageStyles } from './voice-usage.styles.js';


const WARNING_ICON = html`<svg class="row-warning" viewBox="0 0 16 16" aria-hidden="true"><path d="M8 1.5 15 14H1z M7.25 6h1.5v4h-1.5z M7.25 11h1.5v1.5h-1.5z" fill-rule="evenodd"></path></svg>`;

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
 * @fires ai-sort-change - The user sorted a column. Cancelable. `detail: { sortKey, sortDirection }`.
 *
 * @csspart toolbar - The line above the table: summary and actions.
 * @csspart summary - The summary text (agents, active, month, data time).
 * @csspart notice - The notice about rows with invalid data.
 * @csspart scroller - The scrolling box around the table.
 * @csspart table - The `<table>`.
 * @csspart header - The `<thead>`.
 * @csspart header-row - Each header row.
 * @csspart header-cell - Each header cell (`group-header-cell` too for group headers).
 * @csspart sort-button - The button inside each sortable header cell.
 * @csspart sort-indicator - The sort arrow icon.
 * @csspart body - The `<tbody>`.
 * @csspart row - Each data row.
 * @csspart cell - Each cell (`row-header` for the agent name, `numeric-cell` for numbers, `totals-cell` in the totals row).
 * @csspart totals-row - The totals row.
 * @csspart status - The Active/Inactive label.
 * @csspart state - The loading-free state panels; also `empty-state`, `error-state`, `unconfigured-state`.
 * @csspart retry-button - The Retry button of the error state.
 *
 * @cssprop [--ai-usage-font-family=inherit] - Font family.
 * @cssprop [--ai-usage-font-size=0.875rem] - Base font size.
 * @cssprop [--ai-usage-color-text] - Text colour.
 * @cssprop [--ai-usage-color-text-muted] - Secondary text: headers, entity types, inactive rows.
 * @cssprop [--ai-usage-color-background] - Background.
 * @cssprop [--ai-usage-color-background-raised] - Raised surfaces: totals row, skeleton.
 * @cssprop [--ai-usage-color-border] - Row separators and outlines.
 * @cssprop [--ai-usage-color-border-strong] - Group header rule and the totals rule.
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
 * @cssprop [--ai-usage-name-max-width=clamp(7rem, 17cqi, 18rem)] - Width after which names truncate with an ellipsis (by default it follows the table's width).
 */
export class AiVoiceUsage extends UsageElement {
  static override styles = [baseStyles, tableStyles, stateStyles, voiceUsageStyles];

  /** Sorted column and direction, `key:asc` or `key:desc` (keys: entity, name, and the number fields). Reflects. */
  @property({ reflect: true }) sort = '';

  private readonly table = new DataTableController<VoiceAgentRow>(this);

  private readonly task = new Task(this, {
    task: async ([source], { signal }) => {
      if (!source) return initialState;
      const answer = await source.getVoiceAgents({ signal });
      return validateVoiceAgents(answer);
    },
    args: () => [this.resolvedDataSource] as const,
    onComplete: (view) =>
      this.emit<LoadDetail>('ai-load', { count: view.rows.length, rowsWithProblems: view.rowsWithProblems }),
    onError: (error) => {
      if (!isAbortError(error)) this.emit<ErrorDetail>('ai-error', { error });
    },
  });

  /** Loads the data again (what the error state's Retry does). */
  reload(): Promise<void> {
    return this.task.run();
  }

  private get timeZoneFor(): (view: VoiceAgentsView) => string | undefined {
    return (view) => this.timeZone ?? view.timeZone;
  }

  private number(field: VoiceNumberField, kind: 'count' | 'amount') {
    const format = kind === 'count' ? formatCount : formatAmount;
    return (row: VoiceAgentRow) => {
      const value = row[field];
      return isFiniteNumber(value) ? format(value, this.effectiveLocale) : notAvailable;
    };
  }

  private total(field: VoiceNumberField, kind: 'count' | 'amount') {
    const format = kind === 'count' ? formatCount : formatAmount;
    return (rows: readonly VoiceAgentRow[]) => {
      const { sum, missing } = totalOf(rows, (r) => r[field]);
      if (missing === rows.length && rows.length > 0) return notAvailable;
      return html`${missing > 0
        ? html`<span class="incomplete" title="Leaves out ${missing} invalid value${missing === 1 ? '' : 's'}">${WARNING_ICON}<span class="visually-hidden"
              >incomplete, leaves out ${missing} invalid value${missing === 1 ? '' : 's'}:
            </span></span
          >`
        : nothing}${format(sum, this.effectiveLocale)}`;
    };
  }

  /** Names isolate their own direction; phone numbers always read left to right. */
  private entityName(r: VoiceAgentRow, cls: string): TemplateResult {
    if (r.entityName === undefined) return html`<span class=${cls}>${notAvailable}</span>`;
    return html`<span class=${cls} dir=${r.entityType === 'phone-number' ? 'ltr' : 'auto'} title=${r.entityName}>${r.entityName}</span>`;
  }

  private get columns(): Column<VoiceAgentRow>[] {
    const numeric = (key: VoiceNumberField, group: string, label: string, kind: 'count' | 'amount'): Column<VoiceAgentRow> => ({
      key,
      group,
      label,
      numeric: true,
      sortValue: (r) => r[key],
      cell: this.number(key, kind),
      total: this.total(key, kind),
    });
    return [
      {
        key: 'entity',
        label: 'Entity',
        hideWhenNarrow: true,
        sortValue: (r) => r.entityName,
        cell: (r) =>
          html`<span class="line">${this.entityName(r, 'truncate')}</span><span class="secondary">${entityTypeLabel(r.entityType)}</span>`,
      },
      {
        key: 'name',
        label: 'AI agent',
        rowHeader: true,
        sortValue: (r) => r.name,
        cell: (r) =>
          html`<span class="agent"
              >${r.hasProblem ? html`${WARNING_ICON}<span class="visually-hidden">Has invalid data. </span>` : nothing}<span class="truncate" dir="auto" title=${r.name ?? ''}
                >${r.name ?? notAvailable}</span
              ></span
            >${r.active === undefined
              ? html`<span class="secondary">Status ${notAvailable}</span>`
              : html`<span part="status" class="secondary status ${r.active ? 'active' : 'inactive'}"
                  ><span class="dot" aria-hidden="true"></span>${r.active ? 'Active' : 'Inactive'}</span
                >`}<span class="secondary narrow-only truncate"
              >${this.entityName(r, '')} · ${entityTypeLabel(r.entityType)}</span
            >`,
      },
      numeric('callsEngagedThisMonth', 'Calls', 'Engaged this month', 'count'),
      numeric('callsHandledSinceActivation', 'Calls', 'Handled since activation', 'count'),
      numeric('billableMinutesThisMonth', 'Billable minutes', 'This month', 'amount'),
      numeric('billableMinutesSinceActivation', 'Billable minutes', 'Since activation', 'amount'),
      numeric('nonBillableCallsThisMonth', 'Non-billable calls (<15 s)', 'This month', 'count'),
      numeric('nonBillableCallsSinceActivation', 'Non-billable calls (<15 s)', 'Since activation', 'count'),
    ];
  }

  private renderSummary(view: VoiceAgentsView | undefined): TemplateResult {
    const locale = this.effectiveLocale;
    let text: TemplateResult | string = '';
    if (view) {
      const s = summarizeVoiceAgents(view.rows);
      const minutes = s.billableMinutesThisMonth;
      const parts = [
        `${formatCount(s.agents, locale)} ${s.agents === 1 ? 'agent' : 'agents'}`,
        `${formatCount(s.active, locale)} active`,
        ...(view.month ? [formatMonth(view.month, locale)] : []),
        `${formatAmount(minutes.sum, locale)} billable minutes${minutes.missing ? ' (incomplete)' : ''}`,
      ];
      const asOf = view.asOf ? `Data as of ${formatDateTime(view.asOf, locale, this.timeZoneFor(view))}` : '';
      text = html`<span class="figures">${parts.join(' · ')}</span>${asOf ? html`<span class="as-of">${asOf}</span>` : nothing}`;
    }
    return html`<div class="toolbar" part="toolbar">
      <p class="summary" part="summary">${text}</p>
      <slot name="actions"></slot>
    </div>`;
  }

  private renderTable(view: VoiceAgentsView): TemplateResult {
    if (view.rows.length === 0) {
      return html`${problemNotice(view.problems, 0, 'agent')}
      ${statePanel('empty', 'No AI voice agents yet.', 'Agents appear here once they are connected to a response group or phone number.')}`;
    }
    const month = view.month ? `, ${formatMonth(view.month, this.effectiveLocale)}` : '';
    return html`${problemNotice(view.problems, view.rowsWithProblems, 'agent')}
    ${this.table.render({
      columns: this.columns,
      rows: view.rows,
      rowKey: (r) => r.key,
      rowClass: (r) => `${r.active === false ? 'inactive' : ''} ${r.hasProblem ? 'has-problem' : ''}`,
      caption: `AI voice agents${month}`,
      totalsLabel: 'Total',
    })}`;
  }

  protected override render() {
    const source = this.resolvedDataSource;
    const live = (message: string) => html`<div class="visually-hidden" role="status">${message}</div>`;
    if (!source) {
      return html`${this.renderSummary(undefined)}
      ${statePanel(
        'unconfigured',
        'No data source.',
        'Set the endpoint attribute, the dataSource property, or place this element inside <ai-usage-provider>.',
      )}`;
    }
    return this.task.render({
      initial: () => html`${this.renderSummary(undefined)}${this.table.renderSkeleton(this.columns, 'Loading AI voice agents…')}`,
      pending: () =>
        html`${this.renderSummary(undefined)}
          <div aria-busy="true">${this.table.renderSkeleton(this.columns, 'Loading AI voice agents…')}</div>
          ${live('Loading AI voice agents…')}`,
      complete: (view) => html`${this.renderSummary(view)}${this.renderTable(view)}`,
      error: (error) =>
        html`${this.renderSummary(undefined)}
        ${statePanel('error', 'Couldn’t load AI voice agents.', errorMessage(error), { label: 'Retry', onClick: () => void this.reload() })}`,
    });
  }
}
