/**
 * The body every agent table shares (`<ai-voice-usage>`, `<ai-messaging-usage>`): a toolbar that
 * stays put above every state (so the filter keeps focus), then the skeleton, the table, or a state
 * panel. A template over the element's load controller and table tools (which remember what was
 * last on screen, so a reload keeps its shape and the focused control).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { LoadController } from '../core/load-controller.js';
import type { TableTools } from '../core/table-tools.js';
import { formatCount, formatDateTime } from '../format/format.js';
import { msg, plural, str } from '../i18n/localize.js';
import type { CsvField } from '../table/csv.js';
import type { Column } from '../table/data-table.js';
import type { Problem } from '../validate/validate.js';
import { problemNotice } from './cells.js';
import { errorPanel, retryingPanel, statePanel } from './state-panel.js';

/** What every agent table loads: validated rows and what was wrong with the answer. */
export interface AgentView<R> {
  rows: R[];
  problems: Problem[];
  rowsWithProblems: number;
  asOf: string | undefined;
  timeZone: string | undefined;
}

/** The words an element uses for its rows and states. */
export interface AgentTableTexts {
  /** Accessible name of the table, e.g. "AI voice agents". */
  caption: string;
  loading: string;
  empty: string;
  emptyDetail: string;
  error: string;
}

export interface AgentTableInput<R extends { key: string; hasProblem: boolean }, V extends AgentView<R>> {
  loader: LoadController<V>;
  tools: TableTools<R>;
  columns: readonly Column<R>[];
  texts: AgentTableTexts;
  filter: string;
  locale: string | undefined;
  /** The time zone "Data as of" is shown in. */
  zone: string | undefined;
  /** The summary line's figures, e.g. "14 agents", "11 active". */
  summary: (view: V) => string[];
  onExport: () => void;
  rowClass?: (row: R) => string;
  /** Extra controls at the end of the toolbar (before the `actions` slot). */
  actions?: unknown;
  /** Shown between the toolbar and the table (e.g. a warning). */
  notices?: unknown;
}

/** "1 agent", "14 agents". */
export function agents(n: number, locale: string | undefined): string {
  const count = formatCount(n, locale);
  return plural(n, { one: () => msg(str`${count} agent`), other: () => msg(str`${count} agents`) });
}

function toolbar<R extends { key: string; hasProblem: boolean }, V extends AgentView<R>>(input: AgentTableInput<R, V>, view: V | undefined, shown: number): TemplateResult {
  const { loader, locale, texts } = input;
  // The box stays usable while a table that had rows reloads (it may have focus; typed text filters the new rows), and whenever it holds text.
  const filterOff = !input.filter && (view ? view.rows.length === 0 : !(loader.status === 'loading' && input.loader.lastSettled === 'ready'));
  let asOf = '';
  if (view?.asOf) {
    const time = formatDateTime(view.asOf, locale, input.zone, true);
    asOf = msg(str`Data as of ${time}`, { desc: 'Toolbar: when the data was produced (a date and time with its time zone)' });
  }
  let status = '';
  if (view) {
    const all = agents(view.rows.length, locale);
    const shownCount = formatCount(shown, locale);
    const count = shown === view.rows.length ? all : msg(str`Showing ${shownCount} of ${all}`, { desc: 'Screen readers, when the filter hides rows: all is e.g. "14 agents"' });
    const invalid = formatCount(view.rowsWithProblems, locale);
    status = view.rowsWithProblems
      ? msg(str`${count}, ${invalid} with invalid data.`, {
          desc: 'Screen readers: the rows shown (e.g. "14 agents" or "Showing 3 of 14 agents"), then how many have invalid data',
        })
      : msg(str`${count}.`, { desc: 'Screen readers: the rows shown (e.g. "14 agents" or "Showing 3 of 14 agents") as a sentence' });
  } else if (loader.status === 'loading') status = texts.loading;
  else if (loader.status === 'error') status = texts.error;
  const filterLabel = msg('Filter by agent or entity', { desc: 'Placeholder and accessible name of the search box above an agent table' });
  return html`<div class="toolbar" part="toolbar">
    <p class="summary" part="summary">
      ${view ? html`<span class="figures">${input.summary(view).map((part, i) => html`${i ? ' · ' : ''}<bdi>${part}</bdi>`)}</span>` : nothing}
      ${asOf ? html`<span class="as-of"><bdi>${asOf}</bdi></span>` : nothing}
    </p>
    <div class="tools">
      <input
        type="search"
        part="filter"
        class="filter"
        .value=${input.filter}
        placeholder=${filterLabel}
        aria-label=${filterLabel}
        ?disabled=${filterOff}
        @input=${(e: InputEvent) => input.tools.setFilter((e.target as HTMLInputElement).value)}
      />
      <button type="button" class="action" part="export-button" ?disabled=${!view || shown === 0} @click=${input.onExport}>${msg('Export CSV')}</button>
      ${input.actions ?? nothing}
      <slot name="actions"></slot>
    </div>
    <div class="visually-hidden" role="status">${status}</div>
  </div>`;
}

/** The notice and the table: one template for the rows and for a reload's shimmering rows, so the header (and a focused sort button) stays. */
const tableArea = (notice: unknown, table: TemplateResult) => html`${notice}${table}`;

function rows<R extends { key: string; hasProblem: boolean }, V extends AgentView<R>>(input: AgentTableInput<R, V>, view: V, shown: readonly R[]): unknown {
  const { tools, texts } = input;
  if (view.rows.length === 0) {
    return html`${problemNotice(view.problems, 0, 'agent', input.locale)}${statePanel('empty', texts.empty, texts.emptyDetail)}`;
  }
  const notice = problemNotice(view.problems, view.rowsWithProblems, 'agent', input.locale);
  if (shown.length === 0) {
    const query = input.filter.trim();
    return html`${notice}${statePanel('no-matches', msg(str`No agents match “${query}”.`, { desc: 'The filter hides every row; query is what the user typed' }), undefined, {
      label: msg('Clear filter'),
      onClick: () => tools.clearFilter(),
    })}`;
  }
  return tableArea(
    notice,
    tools.table.render({
      columns: input.columns,
      rows: shown,
      presorted: true,
      rowClass: (r) => `${r.hasProblem ? 'has-problem' : ''} ${input.rowClass?.(r) ?? ''}`,
      caption: texts.caption,
      totalsLabel: shown.length !== view.rows.length ? totalOfShown(shown.length, input.locale) : msg('Total', { desc: 'Label of a table’s totals row' }),
    }),
  );
}

/** The totals row's label when the filter hides rows: "Total of 3 shown". */
function totalOfShown(shown: number, locale: string | undefined): string {
  const count = formatCount(shown, locale);
  return msg(str`Total of ${count} shown`, { desc: 'Label of a table’s totals row when the filter hides rows' });
}

/**
 * Waiting for an answer. The first load shows the skeleton; a reload keeps the shape that was on
 * screen, so the control with focus stays: a table that had rows keeps its header over shimmering
 * rows (never the old rows), and after an error the panel stays with Retry busy.
 */
function pending<R extends { key: string; hasProblem: boolean }, V extends AgentView<R>>(input: AgentTableInput<R, V>): unknown {
  const { tools, texts } = input;
  if (input.loader.lastSettled === 'ready')
    return tableArea(nothing, tools.table.render({ columns: input.columns, rows: [], caption: texts.caption, presorted: true, loadingRows: 5 }));
  if (input.loader.lastSettled === 'error') return retryingPanel(texts.loading);
  return html`<div aria-busy="true">${tools.table.renderSkeleton(input.columns, texts.loading)}</div>`;
}

/** The CSV columns every agent table starts with (entity, its type, the agent's name and id), in the language in force. */
export function agentCsvFields<R extends Record<'entityName' | 'entityType' | 'name' | 'id', string | undefined>>(): CsvField<R>[] {
  return [
    {
      header: msg('Entity', { id: 'csv.entity', desc: 'CSV column header: what the AI agent is connected to (a response group, a phone number, a chat channel)' }),
      value: (r) => r.entityName,
    },
    {
      header: msg('Entity type', { id: 'csv.entityType', desc: 'CSV column header: the kind of entity (response group, phone number, chat channel)' }),
      value: (r) => r.entityType,
    },
    { header: msg('AI agent', { id: 'csv.aiAgent', desc: 'CSV column header: the AI agent’s name' }), value: (r) => r.name },
    { header: msg('Agent ID', { id: 'csv.agentId', desc: 'CSV column header: the AI agent’s identifier' }), value: (r) => r.id },
  ];
}

/** Toolbar, notices and the body for the element's current state. */
export function agentTable<R extends { key: string; hasProblem: boolean }, V extends AgentView<R>>(input: AgentTableInput<R, V>): TemplateResult {
  const view = input.loader.value;
  const shown = view ? input.tools.shown(view.rows) : [];
  return html`${toolbar(input, view, shown.length)}${input.notices ?? nothing}${input.loader.render({
    pending: () => pending(input),
    complete: (loaded) => rows(input, loaded, shown),
    error: (error) => errorPanel(input.texts.error, error, () => input.loader.run()),
  })}`;
}

/** Toolbar and name styles shared by the agent tables. */
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
`;
