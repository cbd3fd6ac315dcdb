/** The monthly bar chart: accessible SVG, drawn from validated history rows. */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { historyMetric, monthOverMonth, niceTicks, type HistoryMetric, type HistoryRow } from '../../validate/history.js';
import { formatAmount, formatChange, formatMonth, formatMonthName, isFiniteNumber } from '../../format/format.js';
import { msg, plural, str } from '../../i18n/localize.js';

/**
 * A figure's name (the chart's figure, the monthly table's header), in the language in force: call
 * it while rendering. (Own ids: the voice usage table has the same words with another description.)
 */
export function metricLabel(metric: HistoryMetric): string {
  switch (metric) {
    case 'callsEngaged':
      return msg('Calls engaged', { id: 'history.figure.callsEngaged', desc: 'Monthly history: a figure (chart and table header), calls the AI voice agents took.' });
    case 'nonBillableCalls':
      return msg('Non-billable calls (<15 s)', {
        id: 'history.figure.nonBillableCalls',
        desc: 'Monthly history: a figure (chart and table header), calls shorter than 15 seconds, which are not billed.',
      });
    default:
      return msg('Billable minutes', {
        id: 'history.figure.billableMinutes',
        desc: 'Monthly history: a figure (chart and table header), billable minutes of the AI voice agents.',
      });
  }
}

/**
 * An amount of a figure with its unit ("1,234 billable minutes"; "— billable minutes" when invalid),
 * in the language in force. (Own ids: the voice usage table and the data problems have the same
 * words, without the singular, under other descriptions.)
 */
export function metricAmount(metric: HistoryMetric, valueIn: unknown, locale: string | undefined): string {
  const amount = formatAmount(valueIn, locale);
  // The form of the number as shown (at most one decimal); an invalid value takes the plural.
  const value = isFiniteNumber(valueIn) ? Math.round(valueIn * 10) / 10 : Number.NaN;
  switch (metric) {
    case 'callsEngaged':
      return plural(value, {
        one: () =>
          msg(str`${amount} call engaged`, {
            id: 'history.amount.callsEngaged.one',
            desc: 'Monthly history (chart summary, bar tooltips): an amount with its unit, e.g. "1 call engaged".',
          }),
        other: () =>
          msg(str`${amount} calls engaged`, {
            id: 'history.amount.callsEngaged.other',
            desc: 'Monthly history (chart summary, bar tooltips): an amount with its unit, e.g. "150 calls engaged".',
          }),
      });
    case 'nonBillableCalls':
      return plural(value, {
        one: () =>
          msg(str`${amount} non-billable call`, {
            id: 'history.amount.nonBillableCalls.one',
            desc: 'Monthly history (chart summary, bar tooltips): an amount with its unit, e.g. "1 non-billable call".',
          }),
        other: () =>
          msg(str`${amount} non-billable calls`, {
            id: 'history.amount.nonBillableCalls.other',
            desc: 'Monthly history (chart summary, bar tooltips): an amount with its unit, e.g. "12 non-billable calls".',
          }),
      });
    default:
      return plural(value, {
        one: () =>
          msg(str`${amount} billable minute`, {
            id: 'history.amount.billableMinutes.one',
            desc: 'Monthly history (chart summary, bar tooltips): an amount with its unit, e.g. "1 billable minute".',
          }),
        other: () =>
          msg(str`${amount} billable minutes`, {
            id: 'history.amount.billableMinutes.other',
            desc: 'Monthly history (chart summary, bar tooltips): an amount with its unit, e.g. "150 billable minutes".',
          }),
      });
  }
}

/** The chart's accessible name: "Billable minutes per month". */
function chartName(metric: HistoryMetric): string {
  const label = metricLabel(metric);
  return msg(str`${label} per month`, { desc: 'Name of the monthly bar chart; the placeholder is the figure drawn, e.g. "Billable minutes".' });
}

/**
 * One sentence a screen reader (and anyone) can take in instead of the bars. `leftOut`: rows of the
 * answer that could not be placed in a month (the total says it leaves them out). An unknown
 * `metric` reads as billable minutes.
 */
export function chartSummary(rows: readonly HistoryRow[], metricIn: HistoryMetric, locale?: string, leftOut = 0): string {
  const metric = historyMetric(metricIn);
  const label = metricLabel(metric);
  const valid = rows.filter((r) => isFiniteNumber(r[metric]));
  if (rows.length === 0)
    return msg(str`${label}: no months to show.`, { desc: 'Chart summary when the period has no months; the placeholder is the figure, e.g. "Billable minutes".' });
  const first = formatMonth(rows[0]?.month, locale);
  const last = rows[rows.length - 1] as HistoryRow;
  const lastMonth = formatMonth(last.month, locale);
  const total = formatAmount(
    valid.reduce((s, r) => s + (r[metric] as number), 0),
    locale,
  );
  const highest = valid.reduce<HistoryRow | undefined>((best, r) => (!best || (r[metric] as number) > (best[metric] as number) ? r : best), undefined);
  const changes = monthOverMonth(rows, metric);
  const change = changes[changes.length - 1];
  // The summary is clauses joined by "; ": each clause is one message.
  const parts = [
    valid.length < rows.length || leftOut > 0
      ? msg(str`${label} per month, ${first} to ${lastMonth}: ${total} in total (incomplete)`, {
          desc: 'Chart summary, first clause: figure (e.g. "Billable minutes"), first and last month, the total; some months or rows are missing from the total.',
        })
      : msg(str`${label} per month, ${first} to ${lastMonth}: ${total} in total`, {
          desc: 'Chart summary, first clause: figure (e.g. "Billable minutes"), first and last month, the total.',
        }),
  ];
  if (highest && (highest[metric] as number) > 0) {
    const highestMonth = formatMonth(highest.month, locale);
    const highestAmount = formatAmount(highest[metric], locale);
    parts.push(msg(str`highest in ${highestMonth} (${highestAmount})`, { desc: 'Chart summary clause (after a semicolon): the month with the highest value, and the value.' }));
  }
  const latest = metricAmount(metric, last[metric], locale);
  // No words of its own: "November 2026: 150 billable minutes".
  if (change === undefined) parts.push(`${lastMonth}: ${latest}`);
  else {
    const changeText = formatChange(change, locale);
    parts.push(
      msg(str`${lastMonth}: ${latest}, ${changeText} on the month before`, {
        desc: 'Chart summary clause: the last month, its value with unit, and the change in percent from the previous month (e.g. "-25%").',
      }),
    );
  }
  const invalid = rows.length - valid.length;
  if (invalid > 0) parts.push(plural(invalid, { one: () => msg(str`${invalid} month without valid figures`), other: () => msg(str`${invalid} months without valid figures`) }));
  if (leftOut > 0)
    parts.push(
      plural(leftOut, {
        one: () => msg(str`${leftOut} row of the answer not placed in a month and left out of the total (see the notice)`),
        other: () => msg(str`${leftOut} rows of the answer not placed in a month and left out of the total (see the notice)`),
      }),
    );
  return `${parts.join('; ')}.`;
}

export interface ChartOptions {
  rows: readonly HistoryRow[];
  metric: HistoryMetric;
  width: number;
  locale: string | undefined;
  /** Id of the element that describes the chart in words. */
  describedBy: string;
}

const HEIGHT = 220;
const TOP = 12;
const BOTTOM = 28;
const LEFT = 56;
const RIGHT = 8;

export function renderChart({ rows, metric: metricIn, width: widthIn, locale, describedBy }: ChartOptions): TemplateResult {
  const metric = historyMetric(metricIn);
  const width = Number.isFinite(widthIn) && widthIn > 0 ? widthIn : 640;
  const values = rows.map((r) => r[metric]);
  const max = Math.max(0, ...values.filter(isFiniteNumber));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1] as number;
  const plotW = Math.max(40, width - LEFT - RIGHT);
  const plotH = HEIGHT - TOP - BOTTOM;
  const slot = plotW / Math.max(1, rows.length);
  const barW = Math.max(2, Math.min(40, slot * 0.62));
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const changes = monthOverMonth(rows, metric);
  const labelEvery = slot < 34 ? Math.ceil(34 / slot) : 1;
  return html`<svg
    class="chart"
    part="chart"
    role="img"
    aria-label=${chartName(metric)}
    aria-describedby=${describedBy}
    width=${width}
    height=${HEIGHT}
    viewBox="0 0 ${width} ${HEIGHT}"
  >
    ${ticks.map(
      (t) => svg`<g class="tick">
        <line x1=${LEFT} x2=${width - RIGHT} y1=${y(t)} y2=${y(t)}></line>
        <text x=${LEFT - 8} y=${y(t)} dy="0.32em" text-anchor="end">${formatAmount(t, locale)}</text>
      </g>`,
    )}
    ${rows.map((row, i) => {
      const x = LEFT + slot * i + (slot - barW) / 2;
      const v = row[metric];
      const label = i % labelEvery === 0 || i === rows.length - 1;
      const change = changes[i];
      const month = formatMonth(row.month, locale);
      const value = isFiniteNumber(v)
        ? metricAmount(metric, v, locale)
        : msg('not available', { desc: 'Read by screen readers for a dash shown for a value that is missing or invalid' });
      const changeText = change === undefined ? undefined : formatChange(change, locale);
      const figure =
        changeText === undefined
          ? `${month}: ${value}`
          : msg(str`${month}: ${value} (${changeText} on the month before)`, {
              desc: 'Tooltip of a bar: the month, its value with unit, and the change in percent from the previous month (e.g. "+12%").',
            });
      const title = row.incomplete ? `${figure} (${msg('incomplete: a row for this month is not shown')})` : figure;
      return svg`<g class="bar ${i === rows.length - 1 ? 'latest' : ''} ${isFiniteNumber(v) ? '' : 'missing'}">
        <title>${title}</title>
        <rect class="hit" x=${LEFT + slot * i} y=${TOP} width=${slot} height=${plotH}></rect>
        ${
          isFiniteNumber(v)
            ? svg`<rect class="value" x=${x} y=${y(v)} width=${barW} height=${Math.max(v > 0 ? 1 : 0, TOP + plotH - y(v))} rx="2"></rect>`
            : svg`<text class="na" x=${x + barW / 2} y=${TOP + plotH - 6} text-anchor="middle">—</text>`
        }
        ${label ? svg`<text class="month" x=${x + barW / 2} y=${HEIGHT - 8} text-anchor="middle">${formatMonthName(row.month, locale)}</text>` : nothing}
      </g>`;
    })}
    <line class="axis" x1=${LEFT} x2=${width - RIGHT} y1=${TOP + plotH} y2=${TOP + plotH}></line>
  </svg>`;
}
