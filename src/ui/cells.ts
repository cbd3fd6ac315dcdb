/** Pure templates for table cells: numbers, totals, names, the entity and agent columns, and invalid data. */
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { entityTypeLabel, formatAmount, formatCount, isBlankText, isFiniteNumber, NOT_AVAILABLE, UNNAMED } from '../format/format.js';
import { totalOf } from '../model/totals.js';
import type { Column } from '../table/data-table.js';
import { h, type Content } from '../table/dom.js';
import type { Problem } from '../validate/validate.js';
import { warningIcon } from './icons.js';

/** An invalid value: an em dash that assistive tech reads as "not available". */
export const notAvailable = html`<span class="na" title="Not available"><span aria-hidden="true">${NOT_AVAILABLE}</span><span class="visually-hidden">not available</span></span>`;

/** "Not available" as a node, for cells built without a template. */
const notAvailableNode = () =>
  h('span', { class: 'na', title: 'Not available' }, h('span', { 'aria-hidden': 'true' }, NOT_AVAILABLE), h('span', { class: 'visually-hidden' }, 'not available'));

/** The marker at the start of a row with invalid data. */
export const problemMarker = (hasProblem: boolean) => (hasProblem ? html`${warningIcon()}<span class="visually-hidden">Has invalid data. </span>` : nothing);

/** Problems listed by name in a notice; the rest are counted (an answer of 100,000 bad rows must not become 100,000 list items). */
export const LISTED_PROBLEMS = 100;

/** One notice above a table: how many rows had problems, the details on demand. */
export function problemNotice(problems: readonly Problem[], rowsWithProblems: number, noun: string, locale?: string): TemplateResult | typeof nothing {
  if (problems.length === 0) return nothing;
  const rowsText = rowsWithProblems === 1 ? `1 ${noun} has invalid data` : `${formatCount(rowsWithProblems, locale)} ${noun}s have invalid data`;
  const otherCount = problems.filter((p) => p.row === undefined).length;
  const headline =
    rowsWithProblems > 0
      ? `${rowsText}: invalid values show as ${NOT_AVAILABLE} and are left out of totals.`
      : `The data has ${otherCount === 1 ? 'a problem' : `${otherCount} problems`}.`;
  return html`<div class="notice" part="notice">
    ${warningIcon('notice-icon')}
    <div>
      <p class="notice-title">${headline}</p>
      <details>
        <summary>Show details</summary>
        <ul>
          ${problems.slice(0, LISTED_PROBLEMS).map((p) => html`<li>${p.message}</li>`)}
          ${problems.length > LISTED_PROBLEMS ? html`<li class="more">…and ${formatCount(problems.length - LISTED_PROBLEMS, locale)} more.</li>` : nothing}
        </ul>
      </details>
    </div>
  </div>`;
}

export type NumberKind = 'count' | 'amount';

/** A number cell: formatted in the locale, or "not available". */
export function numberCell(value: number | undefined, kind: NumberKind, locale: string | undefined): unknown {
  if (!isFiniteNumber(value)) return notAvailable;
  return kind === 'count' ? formatCount(value, locale) : formatAmount(value, locale);
}

/** A totals cell: the sum of valid values, marked incomplete (in words too) when it leaves any out. */
export function totalCell<R>(rows: readonly R[], value: (row: R) => number | undefined, kind: NumberKind, locale: string | undefined): unknown {
  const { sum, missing } = totalOf(rows, value);
  if (rows.length > 0 && missing === rows.length) return notAvailable;
  const note = `leaves out ${missing} invalid value${missing === 1 ? '' : 's'}`;
  return html`${
    missing > 0 ? html`<span class="incomplete" title=${`Incomplete: ${note}`}>${warningIcon()}<span class="visually-hidden">incomplete, ${note}: </span></span>` : nothing
  }${numberCell(sum, kind, locale)}`;
}

/** A numeric column with a totals cell. */
export function numberColumn<R>(key: string, label: string, kind: NumberKind, value: (row: R) => number | undefined, locale: string | undefined, group?: string): Column<R> {
  return {
    key,
    label,
    ...(group ? { group } : {}),
    numeric: true,
    sortValue: value,
    cell: (r) => numberCell(value(r), kind, locale),
    total: (rows) => totalCell(rows, value, kind, locale),
  };
}

/** A name with nothing visible in it (only zero-width or format characters): "unnamed", muted. */
export const unnamed = html`<span class="muted unnamed">${UNNAMED}</span>`;

/** A name with nothing visible in it, as a node. */
const unnamedNode = () => h('span', { class: 'muted unnamed' }, UNNAMED);

/** A name that truncates with an ellipsis, in its own direction, with the whole name as its tooltip. */
export const truncated = (name: string | undefined, cls = 'truncate'): HTMLElement =>
  name === undefined
    ? h('span', { class: cls }, notAvailableNode())
    : isBlankText(name)
      ? h('span', { class: cls }, unnamedNode())
      : h('span', { class: cls, dir: 'auto', title: name }, name);

/** An entity name: isolated direction; phone numbers always read left to right. */
export function entityName(name: string | undefined, type: string | undefined, cls = 'truncate'): HTMLElement {
  const el = truncated(name, cls);
  if (type === 'phone-number' && el.hasAttribute('dir')) el.dir = 'ltr';
  return el;
}

/** An agent's state under its name: a dot and "Active" or "Inactive", or "Status" not available. */
export const agentStatus = (active: boolean | undefined): Content[] => [
  ' ',
  active === undefined
    ? h('span', { class: 'secondary' }, 'Status ', notAvailableNode())
    : h(
        'span',
        { part: 'status', class: `secondary status ${active ? 'active' : 'inactive'}` },
        h('span', { class: 'dot', 'aria-hidden': 'true' }),
        active ? 'Active' : 'Inactive',
      ),
];

/** Rows with an agent connected to an entity: the first two columns of every agent table. */
export interface AgentRow {
  key: string;
  hasProblem: boolean;
  name: string | undefined;
  entityName: string | undefined;
  entityType: string | undefined;
}

/**
 * The Entity and AI agent columns every agent table starts with. When the table is narrow, the
 * entity folds under the agent name. `agentExtra` adds lines under the name (e.g. the status).
 */
export function agentColumns<R extends AgentRow>(agentExtra: (row: R) => unknown = () => nothing): Column<R>[] {
  return [
    {
      key: 'entity',
      label: 'Entity',
      hideWhenNarrow: true,
      sortValue: (r) => r.entityName,
      cell: (r) => [h('span', { class: 'line' }, entityName(r.entityName, r.entityType)), ' ', h('span', { class: 'secondary' }, entityTypeLabel(r.entityType))],
    },
    {
      key: 'name',
      label: 'AI agent',
      rowHeader: true,
      sortValue: (r) => r.name,
      cell: (r) => [
        h('span', { class: 'agent' }, problemMarker(r.hasProblem), truncated(r.name)),
        agentExtra(r),
        ' ',
        h('span', { class: 'secondary narrow-only truncate' }, entityName(r.entityName, r.entityType, ''), ' · ', entityTypeLabel(r.entityType)),
      ],
    },
  ];
}

/**
 * Sets an element's `inline-size` (a meter's fill) through CSSOM: a `style` attribute is blocked on a
 * page with a strict CSP, and lit's `styleMap` still writes one on first render (lit/lit#4719).
 */
export const inlineSize = (percent: number) => ref((el?: Element) => (el as HTMLElement | undefined)?.style.setProperty('inline-size', `${percent}%`));
