import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { LoadController } from '../../core/load-controller.js';
import { UsageElement } from '../../core/usage-element.js';
import { emit } from '../../events.js';
import { formatCount, formatMonth } from '../../format/format.js';
import { msg, plural, str } from '../../i18n/localize.js';
import { pageBounds, pageLimit, PAGE_SIZES } from '../../model/history-range.js';
import { addMonths, isMonth, monthInTimeZone, monthRange } from '../../model/months.js';
import type { VoiceCallSortKey } from '../../model/types.js';
import { UsageDataError } from '../../sources/data-source.js';
import { baseStyles } from '../../styles/base.styles.js';
import { controlsStyles } from '../../styles/controls.styles.js';
import { tableStyles } from '../../styles/table.styles.js';
import { DataTableController } from '../../table/data-table.js';
import { FocusKeeper, tableFocusTargets } from '../../ui/focus-keeper.js';
import { parseSort } from '../../table/sort.js';
import { problemNotice } from '../../ui/cells.js';
import { errorPanel, retryingPanel, stateStyles, statePanel } from '../../ui/state-panel.js';
import { validateCallsPage, type CallRow, type CallsPageView } from '../../validate/calls.js';
import { CALL_SORT_KEYS, callColumns } from './usage-calls.columns.js';
import { usageCallsStyles } from './usage-calls.styles.js';

/** The contract's refusal of the calls list: 401 or 403 where the user may not see individual calls. */
/** The month picker offers at most ten years, up to `to`. */
const MAX_PICKER_MONTHS = 120;

const isForbidden = (error: unknown) => error instanceof UsageDataError && (error.kind === 'forbidden' || error.kind === 'unauthorized');

/** The enabled paging buttons nearest to `lost` (one of them, now disabled), nearest first; none when `lost` is not a paging button. */
function nearestPagingButtons(lost: HTMLElement, root: ShadowRoot): HTMLButtonElement[] {
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('.pages button')];
  const at = buttons.indexOf(lost as HTMLButtonElement);
  if (at < 0) return [];
  return buttons
    .map((button, i) => ({ button, distance: Math.abs(i - at) }))
    .filter(({ button }) => !button.disabled)
    .sort((a, b) => a.distance - b.distance)
    .map(({ button }) => button);
}

/**
 * The individual calls of one month, paged and sorted on the server (`GET voice/calls`, at most
 * 500 a request), with a month picker. Where the backend refuses the list (401/403) it says so
 * calmly: `status` is then `empty` and no `ai-error` fires. `<ai-usage-history>` shows it under the
 * monthly figures; it also works on its own.
 *
 * @summary The calls of one month: time, length, agent, who took the call, billable; paged on the server.
 * @tag ai-usage-calls
 *
 * @fires ai-load - A page of calls is shown. `detail: { count, rowsWithProblems }` (count = calls on the page).
 * @fires ai-error - Loading the calls failed (not for a permission refusal). `detail: { error }`.
 * @fires ai-session-expired - The backend answered 401: the session has expired. Once per failure; nothing retries by itself. `detail: { operation }`.
 * @fires ai-sort-change - The user sorted the list. Cancelable. `detail: { sortKey, sortDirection }`.
 * @fires ai-month-change - The user picked another month. `detail: { month }`.
 *
 * @csspart calls - The section.
 * @csspart heading - The "Calls" heading.
 * @csspart pager - The paging controls.
 * @csspart permission-notice - The notice shown when the user may not see individual calls.
 * @csspart table - The `<table>`.
 * @csspart header-cell - Each header cell.
 * @csspart sort-button - The button inside each sortable header cell.
 * @csspart row - Each data row.
 * @csspart cell - Each cell.
 * @csspart notice - The notice about calls with invalid data.
 * @csspart state - Every state panel.
 * @csspart retry-button - The error state's Retry button.
 * @csspart loading-state - The error panel while Retry loads again (focus stays on its Retry).
 *
 * @cssprop [--ai-usage-color-text] - Text colour.
 * @cssprop [--ai-usage-color-text-muted] - Secondary text.
 * @cssprop [--ai-usage-color-border] - Row separators and outlines.
 * @cssprop [--ai-usage-color-background] - Background of the table and controls.
 * @cssprop [--ai-usage-color-control-border] - Border of the month picker, the page size picker and the paging buttons.
 * @cssprop [--ai-usage-color-accent] - Sort icon, focus ring.
 * @cssprop [--ai-usage-font-family=inherit] - Font family.
 * @cssprop [--ai-usage-row-height=44px] - Row height.
 */
export class AiUsageCalls extends UsageElement {
  static override styles = [baseStyles, tableStyles, stateStyles, controlsStyles, usageCallsStyles];

  static override properties: PropertyDeclarations = {
    month: {},
    from: {},
    to: {},
    agentId: { attribute: 'agent-id' },
    sort: { reflect: true },
    pageSize: { attribute: 'page-size', type: Number },
    // `attribute: false` is lit's default for state; the manifest analyzer needs it said.
    offset: { state: true, attribute: false },
  };

  /** The month listed, `YYYY-MM`. Default: the current month in the element's time zone. */
  declare month: string | undefined;

  /** First month the month picker offers, `YYYY-MM`. Default: the listed month. */
  declare from: string | undefined;

  /** Last month the month picker offers, `YYYY-MM`. Default: the listed month. */
  declare to: string | undefined;

  /** One agent's calls; unset for all agents. */
  declare agentId: string | undefined;

  /** Sort, `key:asc|desc` (keys: startedAt, durationSeconds, agentName, takenBy, billable). Reflects. */
  sort = 'startedAt:desc';

  /** Calls per page (at most 500). */
  pageSize = 50;

  /** Index of the first call shown. */
  private offset = 0;

  /** The last total the server gave, so paging controls stay usable (and focused) while a page loads. */
  #lastTotal = 0;

  readonly #table = new DataTableController<CallRow>(this);

  /**
   * Focus a re-render would drop goes to a stable place: from a paging button that became disabled
   * (first or last page reached) to the nearest enabled one; otherwise (Retry giving way to the
   * rows) to the table's region, the state panel, or the heading.
   */
  protected readonly focusKeeper = new FocusKeeper(this, (lost, root) => [
    ...nearestPagingButtons(lost, root),
    ...tableFocusTargets(root),
    root.querySelector<HTMLElement>('#calls-heading'),
  ]);

  readonly #loader = new LoadController<CallsPageView, readonly [string, string | undefined, string, number, number]>(this, {
    operation: 'voice/calls',
    args: () => [this.shownMonth, this.agentId, this.sort, this.offset, pageLimit(this.pageSize)] as const,
    load: async (source, signal, [month, agentId, sort, offset, limit]) => {
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
      return validateCallsPage(answer, offset, { signal });
    },
    isEmpty: (view) => view.total === 0,
    loadDetail: (view) => ({ count: view.rows.length, rowsWithProblems: view.rowsWithProblems }),
    expected: (error) => (isForbidden(error) ? 'empty' : undefined),
  });

  /** The month listed. */
  get shownMonth(): string {
    return isMonth(this.month) ? this.month : monthInTimeZone(new Date(), this.zoneFor(undefined));
  }

  /** Loads the page again (what the error state's Retry does). */
  reload(): Promise<void> {
    return this.#loader.run();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another month, agent, sort or page size starts at the first page.
    if (this.hasUpdated && (changed.has('month') || changed.has('agentId') || changed.has('sort') || changed.has('pageSize'))) this.offset = 0;
  }

  #pickMonth(month: string): void {
    if (month === this.shownMonth) return;
    this.month = month;
    emit(this, 'ai-month-change', { month });
  }

  #renderPager(view: CallsPageView | undefined) {
    if (view) this.#lastTotal = view.total;
    const total = view?.total ?? this.#lastTotal;
    const limit = pageLimit(this.pageSize);
    const page = pageBounds(total, this.offset, limit, view?.rows.length ?? 0);
    const go = (offset: number) => (this.offset = page.clamp(offset));
    const firstPage = msg('First page');
    const previous = msg('Previous', { desc: 'Pager button: the previous page of calls. Must be the start of the translation of "Previous page" (its accessible name).' });
    const next = msg('Next', { desc: 'Pager button: the next page of calls. Must be the start of the translation of "Next page" (its accessible name).' });
    return html`<div class="pager" part="pager">
      <span class="range" aria-live="polite">${view ? this.#rangeText(page.first, page.last, total) : ''}</span>
      <label class="page-size"
        ><span>${msg('Per page', { desc: 'Label of the picker of how many calls a page shows.' })}</span>
        <select .value=${live(String(limit))} @change=${(e: Event) => (this.pageSize = Number((e.target as HTMLSelectElement).value))}>
          ${PAGE_SIZES.map((n) => html`<option value=${n} ?selected=${n === limit}>${n}</option>`)}
        </select></label
      >
      <div class="pages">
        <button type="button" class="action" aria-label=${firstPage} ?disabled=${!page.hasPrevious} @click=${() => go(0)}><span class="arrow" aria-hidden="true">«</span></button>
        <button type="button" class="action" aria-label=${msg('Previous page')} ?disabled=${!page.hasPrevious} @click=${() => go(this.offset - limit)}>
          <span class="arrow" aria-hidden="true">‹</span> ${previous}
        </button>
        <button type="button" class="action" aria-label=${msg('Next page')} ?disabled=${!page.hasNext} @click=${() => go(this.offset + limit)}>
          ${next} <span class="arrow" aria-hidden="true">›</span>
        </button>
        <button type="button" class="action" aria-label=${msg('Last page')} ?disabled=${!page.hasNext} @click=${() => go(page.lastOffset)}>
          <span class="arrow" aria-hidden="true">»</span>
        </button>
      </div>
    </div>`;
  }

  /** "1–50 of 1,234 calls": the calls shown and all calls of the month. */
  #rangeText(firstIn: number, lastIn: number, count: number): string {
    const locale = this.effectiveLocale;
    const first = formatCount(firstIn, locale);
    const last = formatCount(lastIn, locale);
    const total = formatCount(count, locale);
    return plural(count, {
      one: () => msg(str`${first}–${last} of ${total} call`, { desc: 'Pager: the calls shown (first–last) of all calls of the month.' }),
      other: () => msg(str`${first}–${last} of ${total} calls`, { desc: 'Pager: the calls shown (first–last) of all calls of the month.' }),
    });
  }

  /** Rows and loading share one table, so the header (and a sort button with focus) stays put. */
  #renderList(view: CallsPageView | undefined) {
    const month = formatMonth(this.shownMonth, this.effectiveLocale);
    return html`<div class="calls-body" aria-busy=${view ? 'false' : 'true'}>
        ${view ? problemNotice(view.problems, view.rowsWithProblems, 'call', this.effectiveLocale) : nothing}
        ${this.#table.render({
          columns: this.#table.columnsFor([this.effectiveLocale, this.zoneFor(undefined)], () => callColumns(this.effectiveLocale, this.zoneFor(undefined))),
          rows: view?.rows ?? [],
          caption: view ? msg(str`Calls in ${month}`, { desc: 'Caption of the calls table: the month listed.' }) : msg('Loading calls…'),
          presorted: true,
          ...(view ? { window: { total: view.total, offset: this.offset } } : { loadingRows: 6 }),
        })}
      </div>
      ${this.#renderPager(view)}`;
  }

  protected override render() {
    const title = msg('Calls', { id: 'calls.heading', desc: 'Heading of the list of individual calls (time, length, agent, who took it, billable).' });
    const heading = html`<h3 class="heading" id="calls-heading" part="heading" tabindex="-1">${title}</h3>`;
    if (isForbidden(this.#loader.error)) {
      return html`<section class="calls" part="calls" aria-labelledby="calls-heading">
        ${heading}
        <p class="permission" part="permission-notice">${msg('You don’t have permission to see individual calls. The monthly figures above include them.')}</p>
      </section>`;
    }
    const shown = this.shownMonth;
    const from = isMonth(this.from) && this.from <= shown ? this.from : shown;
    const to = isMonth(this.to) && this.to >= shown ? this.to : shown;
    const shownName = formatMonth(shown, this.effectiveLocale);
    return html`<section class="calls" part="calls" aria-labelledby="calls-heading">
      <div class="calls-head">
        ${heading}
        <label
          ><span>${msg('Month')}</span>
          <select .value=${live(shown)} @change=${(e: Event) => this.#pickMonth((e.target as HTMLSelectElement).value)}>
            ${monthRange(from < addMonths(to, -(MAX_PICKER_MONTHS - 1)) ? addMonths(to, -(MAX_PICKER_MONTHS - 1)) : from, to)
              .reverse()
              .map((m) => html`<option value=${m} ?selected=${m === shown}>${formatMonth(m, this.effectiveLocale)}</option>`)}
          </select></label
        >
      </div>
      ${this.#loader.render({
        pending: () => (this.#loader.lastSettled === 'error' ? retryingPanel(msg('Loading calls…')) : this.#renderList(undefined)),
        complete: (view) => (view.total === 0 ? statePanel('empty', msg(str`No calls in ${shownName}.`)) : this.#renderList(view)),
        error: (error) => errorPanel(msg('Couldn’t load the calls.'), error, () => this.#loader.run()),
      })}
    </section>`;
  }
}
