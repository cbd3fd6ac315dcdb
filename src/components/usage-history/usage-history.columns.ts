/** The monthly table's columns (pure builders over the validated months and the locale). */
import { html, nothing } from 'lit';
import { formatChange, formatMonth } from '../../format/format.js';
import { totalOf } from '../../model/totals.js';
import type { Column } from '../../table/data-table.js';
import { notAvailable, numberCell, problemMarker, type NumberKind } from '../../ui/cells.js';
import { warningIcon } from '../../ui/icons.js';
import { monthOverMonth, type HistoryRow, type HistoryView } from '../../validate/history.js';

/**
 * A figure's column. Its total is marked incomplete (in words too) when it leaves out an invalid
 * value or a row of the answer that could not be placed in a month (`view.leftOut`).
 */
function figureColumn(
  view: HistoryView,
  key: 'callsEngaged' | 'billableMinutes' | 'nonBillableCalls',
  label: string,
  kind: NumberKind,
  locale: string | undefined,
): Column<HistoryRow> {
  const value = (r: HistoryRow) => r[key];
  return {
    key,
    label,
    numeric: true,
    sortValue: value,
    cell: (r) => numberCell(value(r), kind, locale),
    total: (rows) => {
      const { sum, missing } = totalOf(rows, value);
      const leftOut = view.leftOut.length;
      if (rows.length > 0 && missing === rows.length && leftOut === 0) return notAvailable;
      const notes = [
        ...(missing > 0 ? [`${missing} invalid value${missing === 1 ? '' : 's'}`] : []),
        ...(leftOut > 0 ? [`${leftOut} row${leftOut === 1 ? '' : 's'} not placed in a month (see the notice)`] : []),
      ];
      const note = `leaves out ${notes.join(' and ')}`;
      return html`${
        notes.length > 0 ? html`<span class="incomplete" title=${`Incomplete: ${note}`}>${warningIcon()}<span class="visually-hidden">incomplete, ${note}: </span></span>` : nothing
      }${numberCell(sum, kind, locale)}`;
    },
  };
}

export function historyColumns(view: HistoryView, locale: string | undefined): Column<HistoryRow>[] {
  const changes = monthOverMonth(view.rows, 'billableMinutes');
  const changeOf = new Map(view.rows.map((r, i) => [r.month, changes[i]]));
  return [
    {
      key: 'month',
      label: 'Month',
      rowHeader: true,
      sortValue: (r) => r.month,
      cell: (r) =>
        html`${problemMarker(r.hasProblem)}${formatMonth(r.month, locale)}${
          r.incomplete ? html`${' '}<span class="secondary">incomplete: a row for this month is not shown</span>` : nothing
        }`,
    },
    figureColumn(view, 'callsEngaged', 'Calls engaged', 'count', locale),
    figureColumn(view, 'billableMinutes', 'Billable minutes', 'amount', locale),
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
    figureColumn(view, 'nonBillableCalls', 'Non-billable calls (<15 s)', 'count', locale),
  ];
}
