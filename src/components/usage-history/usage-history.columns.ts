/** The monthly table's columns (pure builders over the validated months and the locale). */
import { html } from 'lit';
import { formatChange, formatMonth } from '../../format/format.js';
import type { Column } from '../../table/data-table.js';
import { notAvailable, numberColumn, problemMarker } from '../../ui/cells.js';
import { monthOverMonth, type HistoryRow, type HistoryView } from '../../validate/history.js';

export function historyColumns(view: HistoryView, locale: string | undefined): Column<HistoryRow>[] {
  const changes = monthOverMonth(view.rows, 'billableMinutes');
  const changeOf = new Map(view.rows.map((r, i) => [r.month, changes[i]]));
  return [
    {
      key: 'month',
      label: 'Month',
      rowHeader: true,
      sortValue: (r) => r.month,
      cell: (r) => html`${problemMarker(r.hasProblem)}${formatMonth(r.month, locale)}`,
    },
    numberColumn<HistoryRow>('callsEngaged', 'Calls engaged', 'count', (r) => r.callsEngaged, locale),
    numberColumn<HistoryRow>('billableMinutes', 'Billable minutes', 'amount', (r) => r.billableMinutes, locale),
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
    numberColumn<HistoryRow>('nonBillableCalls', 'Non-billable calls (<15 s)', 'count', (r) => r.nonBillableCalls, locale),
  ];
}
