import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { AgentTableElement, agentTableStyles, type TableTexts } from '../../base/agent-table-element.js';
import { notAvailable, stateStyles } from '../../base/states.js';
import type { UsageDataSource } from '../../data/data-source.js';
import { monthInTimeZone } from '../../data/months.js';
import { summarizeVoiceAgents, validateVoiceAgents, type VoiceAgentRow, type VoiceAgentsView, type VoiceNumberField } from '../../data/voice-agents.js';
import { formatAmount, formatCount, formatMonth } from '../../format/format.js';
import { baseStyles } from '../../styles/base.styles.js';
import { tableStyles } from '../../styles/table.styles.js';
import type { CsvField } from '../../table/csv.js';
import type { Column } from '../../table/data-table.js';
import { ConfigureVoiceController } from './configure-voice.js';
import { configureVoiceStyles } from './configure-voice.styles.js';
import { voiceUsageStyles } from './voice-usage.styles.js';

const NUMBER_COLUMNS: [VoiceNumberField, string, string, 'count' | 'amount'][] = [
  ['callsEngagedThisMonth', 'Calls', 'Engaged this month', 'count'],
  ['callsHandledSinceActivation', 'Calls', 'Handled since activation', 'count'],
  ['billableMinutesThisMonth', 'Billable minutes', 'This month', 'amount'],
  ['billableMinutesSinceActivation', 'Billable minutes', 'Since activation', 'amount'],
  ['nonBillableCallsThisMonth', 'Non-billable calls (<15 s)', 'This month', 'count'],
  ['nonBillableCallsSinceActivation', 'Non-billable calls (<15 s)', 'Since activation', 'count'],
];

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
 * @csspart header-cell - Each header cell (`group-header-cell` too for group headers).
 * @csspart sort-button - The button inside each sortable header cell.
 * @csspart sort-indicator - The sort arrow icon.
 * @csspart body - The `<tbody>`.
 * @csspart row - Each data row.
 * @csspart cell - Each cell (`row-header` for the agent name, `numeric-cell` for numbers, `totals-cell` in the totals row).
 * @csspart totals-row - The totals row.
 * @csspart status - The Active/Inactive label.
 * @csspart state - Every state panel; also `empty-state`, `no-matches-state`, `error-state`, `unconfigured-state`.
 * @csspart retry-button - The action button of a state panel (Retry, Clear filter).
 * @csspart configure-button - The "Configure AI Voice" menu button.
 * @csspart configure-menu - Its menu.
 * @csspart dialog - The trial, pricing plans and usage dialog.
 * @csspart plans-table - The pricing plans table.
 * @csspart usage-meter - The usage meter (role=meter).
 * @csspart trial-warning - The warning shown while an active trial ends soon.
 *
 * @cssprop [--ai-usage-font-family=inherit] - Font family.
 * @cssprop [--ai-usage-font-size=0.875rem] - Base font size.
 * @cssprop [--ai-usage-color-text] - Text colour.
 * @cssprop [--ai-usage-color-text-muted] - Secondary text: headers, entity types, inactive rows.
 * @cssprop [--ai-usage-color-background] - Background of the table and controls.
 * @cssprop [--ai-usage-color-background-raised] - Raised surfaces: totals row, skeleton.
 * @cssprop [--ai-usage-color-border] - Row separators and outlines.
 * @cssprop [--ai-usage-color-border-strong] - Group header rule, the totals rule, control borders.
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
export class AiVoiceUsage extends AgentTableElement<VoiceAgentRow, VoiceAgentsView> {
  static override styles = [baseStyles, tableStyles, stateStyles, agentTableStyles, voiceUsageStyles, configureVoiceStyles];

  /** Days before an active trial's end from which a warning shows above the table. */
  @property({ attribute: 'trial-warning-days', type: Number }) trialWarningDays = 7;

  /** The moment "days left" and the month-end projection count from. Default: now. */
  @property({ attribute: false }) referenceDate: Date | undefined;

  /** The "Configure AI Voice" menu: trial, pricing plans, usage (`configure.openDialog('plans')`, `configure.activateTrial()`). */
  readonly configure = new ConfigureVoiceController(this);

  get now(): Date {
    return this.referenceDate ?? new Date();
  }

  /** This month's figures for the usage dialog. */
  get usageContext() {
    const view = this.currentView;
    const minutes = view ? summarizeVoiceAgents(view.rows).billableMinutesThisMonth : undefined;
    return {
      month: view?.month,
      timeZone: this.zoneFor(view),
      billableMinutes: minutes && minutes.missing === 0 ? minutes.sum : undefined,
    };
  }

  protected override renderActions() {
    return this.configure.renderButton();
  }

  protected override renderNotices() {
    return this.configure.renderWarning();
  }

  protected override renderOverlays() {
    return this.configure.renderDialog();
  }

  protected readonly texts: TableTexts = {
    caption: 'AI voice agents',
    loading: 'Loading AI voice agents…',
    empty: 'No AI voice agents yet.',
    emptyDetail: 'Agents appear here once they are connected to a response group or phone number.',
    error: 'Couldn’t load AI voice agents.',
    fileStem: 'ai-voice-usage',
  };

  protected async load(source: UsageDataSource, signal: AbortSignal) {
    return validateVoiceAgents(await source.getVoiceAgents({ signal }));
  }

  protected searchable(row: VoiceAgentRow) {
    return [row.name, row.entityName];
  }

  protected summary(view: VoiceAgentsView): string[] {
    const locale = this.effectiveLocale;
    const s = summarizeVoiceAgents(view.rows);
    return [
      `${formatCount(s.agents, locale)} ${s.agents === 1 ? 'agent' : 'agents'}`,
      `${formatCount(s.active, locale)} active`,
      ...(view.month ? [formatMonth(view.month, locale)] : []),
      `${formatAmount(s.billableMinutesThisMonth.sum, locale)} billable minutes${s.billableMinutesThisMonth.missing ? ' (incomplete)' : ''}`,
    ];
  }

  protected exportMonth(view: VoiceAgentsView): string {
    return view.month ?? monthInTimeZone(new Date(), this.zoneFor(view) ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  }

  protected override rowClass(row: VoiceAgentRow): string {
    return `${super.rowClass(row)} ${row.active === false ? 'inactive' : ''}`;
  }

  protected get columns(): Column<VoiceAgentRow>[] {
    return [
      ...this.agentColumns<VoiceAgentRow>((r) =>
        r.active === undefined
          ? html` <span class="secondary">Status ${notAvailable}</span>`
          : html` <span part="status" class="secondary status ${r.active ? 'active' : 'inactive'}"
                ><span class="dot" aria-hidden="true"></span>${r.active ? 'Active' : 'Inactive'}</span
              >`,
      ),
      ...NUMBER_COLUMNS.map(
        ([key, group, label, kind]): Column<VoiceAgentRow> => ({
          key,
          group,
          label,
          numeric: true,
          sortValue: (r) => r[key],
          cell: (r) => this.numberCell(r[key], kind),
          total: (rows) => this.totalCell(rows, (r) => r[key], kind),
        }),
      ),
    ];
  }

  protected csvFields(): CsvField<VoiceAgentRow>[] {
    return [
      { header: 'Entity', value: (r) => r.entityName },
      { header: 'Entity type', value: (r) => r.entityType },
      { header: 'AI agent', value: (r) => r.name },
      { header: 'Agent ID', value: (r) => r.id },
      { header: 'Status', value: (r) => (r.active === undefined ? undefined : r.active ? 'active' : 'inactive') },
      ...NUMBER_COLUMNS.map(([key, group, label]) => ({ header: `${group}, ${label.toLowerCase()}`, value: (r: VoiceAgentRow) => r[key] })),
    ];
  }
}
