/** The monthly bar chart: accessible SVG, drawn from validated history rows. */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { historyMetric, monthOverMonth, niceTicks, type HistoryMetric, type HistoryRow } from '../../validate/history.js';
import { formatAmount, formatChange, formatMonth, formatMonthName, isFiniteNumber } from '../../format/format.js';

export const METRICS: Record<HistoryMetric, { label: string; unit: string }> = {
  billableMinutes: { label: 'Billable minutes', unit: 'billable minutes' },
  callsEngaged: { label: 'Calls engaged', unit: 'calls engaged' },
  nonBillableCalls: { label: 'Non-billable calls (<15 s)', unit: 'non-billable calls' },
};

/**
 * One sentence a screen reader (and anyone) can take in instead of the bars. `leftOut`: rows of the
 * answer that could not be placed in a month (the total says it leaves them out). An unknown
 * `metric` reads as billable minutes.
 */
export function chartSummary(rows: readonly HistoryRow[], metricIn: HistoryMetric, locale?: string, leftOut = 0): string {
  const metric = historyMetric(metricIn);
  const { unit, label } = METRICS[metric];
  const valid = rows.filter((r) => isFiniteNumber(r[metric]));
  if (rows.length === 0) return `${label}: no months to show.`;
  const first = formatMonth(rows[0]?.month, locale);
  const last = rows[rows.length - 1] as HistoryRow;
  const total = valid.reduce((s, r) => s + (r[metric] as number), 0);
  const highest = valid.reduce<HistoryRow | undefined>((best, r) => (!best || (r[metric] as number) > (best[metric] as number) ? r : best), undefined);
  const changes = monthOverMonth(rows, metric);
  const change = changes[changes.length - 1];
  const incomplete = valid.length < rows.length || leftOut > 0 ? ' (incomplete)' : '';
  const parts = [`${label} per month, ${first} to ${formatMonth(last.month, locale)}: ${formatAmount(total, locale)} in total${incomplete}`];
  if (highest && (highest[metric] as number) > 0) parts.push(`highest in ${formatMonth(highest.month, locale)} (${formatAmount(highest[metric], locale)})`);
  const latest = `${formatMonth(last.month, locale)}: ${formatAmount(last[metric], locale)} ${unit}`;
  parts.push(change === undefined ? latest : `${latest}, ${formatChange(change, locale)} on the month before`);
  if (valid.length < rows.length) parts.push(`${rows.length - valid.length} month${rows.length - valid.length === 1 ? '' : 's'} without valid figures`);
  if (leftOut > 0) parts.push(`${leftOut} row${leftOut === 1 ? '' : 's'} of the answer not placed in a month and left out of the total (see the notice)`);
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
    aria-label=${`${METRICS[metric].label} per month`}
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
      const title = `${formatMonth(row.month, locale)}: ${isFiniteNumber(v) ? `${formatAmount(v, locale)} ${METRICS[metric].unit}` : 'not available'}${
        change === undefined ? '' : ` (${formatChange(change, locale)} on the month before)`
      }${row.incomplete ? ' (incomplete: a row for this month is not shown)' : ''}`;
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
