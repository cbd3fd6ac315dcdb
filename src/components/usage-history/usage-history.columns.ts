/** The monthly table's columns (pure builders over the validated months and the locale). */
import { html, nothing } from 'lit';
import { formatChange, formatMonth } from '../../format/format.js';
import { msg, plural, str } from '../../i18n/localize.js';
import { totalOf } from '../../model/totals.js';
import type { Column } from '../../table/data-table.js';
import { notAvailable, numberCell, problemMarker, type NumberKind } from '../../ui/cells.js';
import { warningIcon } from '../../ui/icons.js';
import { monthOverMonth, type HistoryRow, type HistoryView } from '../../validate/history.js';
import { metricLabel } from './history-chart.js';

/** What an incomplete total leaves out, in words: "leaves out 1 invalid value and 4 rows not placed in a month (see the notice)". */
function leavesOut(missing: number, leftOut: number): string | undefined {
  const values = missing > 0 ? plural(missing, { one: () => msg(str`${missing} invalid value`), other: () => msg(str`${missing} invalid values`) }) : undefined;
  const rows =
    leftOut > 0
      ? plural(leftOut, {
          one: () => msg(str`${leftOut} row not placed in a month (see the notice)`),
          other: () => msg(str`${leftOut} rows not placed in a month (see the notice)`),
        })
      : undefined;
  if (values !== undefined && rows !== undefined)
    return msg(str`leaves out ${values} and ${rows}`, {
      desc: 'What a total of the monthly table leaves out (after "Incomplete:"); placeholders: e.g. "1 invalid value" and "4 rows not placed in a month (see the notice)".',
    });
  const what = values ?? rows;
  if (what === undefined) return undefined;
  return msg(str`leaves out ${what}`, {
    desc: 'What a total of the monthly table leaves out (after "Incomplete:"); placeholder: e.g. "1 invalid value" or "4 rows not placed in a month (see the notice)".',
  });
}

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
      const note = leavesOut(missing, leftOut);
      if (note === undefined) return numberCell(sum, kind, locale);
      const title = msg(str`Incomplete: ${note}`, { desc: 'Tooltip of a warning icon on a total; the placeholder says what the total leaves out.' });
      const spoken = msg(str`incomplete, ${note}:`, { desc: 'Read by screen readers before a total; the placeholder says what the total leaves out.' });
      return html`<span class="incomplete" title=${title}>${warningIcon()}<span class="visually-hidden">${spoken} </span></span>${numberCell(sum, kind, locale)}`;
    },
  };
}

export function historyColumns(view: HistoryView, locale: string | undefined): Column<HistoryRow>[] {
  const changes = monthOverMonth(view.rows, 'billableMinutes');
  const changeOf = new Map(view.rows.map((r, i) => [r.month, changes[i]]));
  return [
    {
      key: 'month',
      label: msg('Month'),
      rowHeader: true,
      sortValue: (r) => r.month,
      cell: (r) =>
        html`${problemMarker(r.hasProblem)}${formatMonth(r.month, locale)}${
          r.incomplete ? html`${' '}<span class="secondary">${msg('incomplete: a row for this month is not shown')}</span>` : nothing
        }`,
    },
    figureColumn(view, 'callsEngaged', metricLabel('callsEngaged'), 'count', locale),
    figureColumn(view, 'billableMinutes', metricLabel('billableMinutes'), 'amount', locale),
    {
      key: 'change',
      label: msg('Change (billable minutes)', { desc: 'Table header: change in billable minutes from the month before, in percent.' }),
      numeric: true,
      sortValue: (r) => changeOf.get(r.month),
      cell: (r) => {
        const change = changeOf.get(r.month);
        return change === undefined ? notAvailable : html`<span class="change ${change > 0 ? 'up' : change < 0 ? 'down' : ''}">${formatChange(change, locale)}</span>`;
      },
    },
    figureColumn(view, 'nonBillableCalls', metricLabel('nonBillableCalls'), 'count', locale),
  ];
}
