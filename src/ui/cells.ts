/** Pure templates for table cells: numbers, totals, names, the entity and agent columns, and invalid data. */
import { html, nothing, type TemplateResult } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import { ref } from 'lit/directives/ref.js';
import { entityTypeLabel, formatAmount, formatCount, isBlankText, isFiniteNumber, NOT_AVAILABLE } from '../format/format.js';
import { msg, plural, str } from '../i18n/localize.js';
import { totalOf } from '../model/totals.js';
import type { Column } from '../table/data-table.js';
import { h, type Content } from '../table/dom.js';
import type { Problem } from '../validate/validate.js';
import { warningIcon } from './icons.js';

/**
 * Words in a template made once, at module load: made each time it renders instead, so they come in
 * the language of the element (or of the cell being built) rendering it.
 */
class AtRender extends Directive {
  render(words: () => string): string {
    return words();
  }
}
const atRender = directive(AtRender);

const notAvailableTitle = () => msg('Not available', { desc: 'Tooltip of a dash shown for a value that is missing or invalid' });
const notAvailableWords = () => msg('not available', { desc: 'Read by screen readers for a dash shown for a value that is missing or invalid' });

/** An invalid value: an em dash that assistive tech reads as "not available". */
export const notAvailable = html`<span class="na" title=${atRender(notAvailableTitle)}
  ><span aria-hidden="true">${NOT_AVAILABLE}</span><span class="visually-hidden">${atRender(notAvailableWords)}</span></span
>`;

/** "Not available" as a node, for cells built without a template. */
const notAvailableNode = () =>
  h('span', { class: 'na', title: notAvailableTitle() }, h('span', { 'aria-hidden': 'true' }, NOT_AVAILABLE), h('span', { class: 'visually-hidden' }, notAvailableWords()));

/** The marker at the start of a row with invalid data. */
export const problemMarker = (hasProblem: boolean) =>
  hasProblem
    ? html`${warningIcon()}<span class="visually-hidden">${msg('Has invalid data.', { desc: 'Screen readers: at the start of a table row that has invalid values' })} </span>`
    : nothing;

/** Problems listed by name in a notice; the rest are counted (an answer of 100,000 bad rows must not become 100,000 list items). */
export const LISTED_PROBLEMS = 100;

/** What the rows of a table with a problem notice are. */
export type ProblemNoun = 'agent' | 'month' | 'call' | 'plan';

/** "1 agent has invalid data", "12 months have invalid data": the clause that starts a problem notice. */
function rowsWithInvalidData(noun: ProblemNoun, rows: number, locale: string | undefined): string {
  const count = formatCount(rows, locale);
  switch (noun) {
    case 'agent':
      return plural(rows, { one: () => msg(str`${count} agent has invalid data`), other: () => msg(str`${count} agents have invalid data`) });
    case 'month':
      return plural(rows, { one: () => msg(str`${count} month has invalid data`), other: () => msg(str`${count} months have invalid data`) });
    case 'call':
      return plural(rows, { one: () => msg(str`${count} call has invalid data`), other: () => msg(str`${count} calls have invalid data`) });
    case 'plan':
      return plural(rows, { one: () => msg(str`${count} plan has invalid data`), other: () => msg(str`${count} plans have invalid data`) });
  }
}

/** One notice above a table: how many rows had problems, the details on demand. */
export function problemNotice(problems: readonly Problem[], rowsWithProblems: number, noun: ProblemNoun, locale?: string): TemplateResult | typeof nothing {
  if (problems.length === 0) return nothing;
  const otherCount = problems.filter((p) => p.row === undefined).length;
  let headline: string;
  if (rowsWithProblems > 0) {
    const rowsText = rowsWithInvalidData(noun, rowsWithProblems, locale);
    headline = msg(str`${rowsText}: invalid values show as ${NOT_AVAILABLE} and are left out of totals.`, {
      desc: 'Notice above a table. rowsText is e.g. "3 agents have invalid data"; NOT_AVAILABLE is the dash shown instead of an invalid value',
    });
  } else {
    headline = plural(otherCount, { one: () => msg('The data has a problem.'), other: () => msg(str`The data has ${otherCount} problems.`) });
  }
  const more = problems.length > LISTED_PROBLEMS ? formatCount(problems.length - LISTED_PROBLEMS, locale) : undefined;
  return html`<div class="notice" part="notice">
    ${warningIcon('notice-icon')}
    <div>
      <p class="notice-title">${headline}</p>
      <details>
        <summary>${msg('Show details', { desc: 'Opens the list of problems found in the data' })}</summary>
        <ul>
          ${problems.slice(0, LISTED_PROBLEMS).map((p) => html`<li>${p.message}</li>`)}
          ${more ? html`<li class="more">${msg(str`…and ${more} more.`, { desc: 'Last item of the list of problems: how many more problems are not listed' })}</li>` : nothing}
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
  return html`${missing > 0 ? incompleteMarker(missing) : nothing}${numberCell(sum, kind, locale)}`;
}

/** The mark before a total that leaves out `missing` invalid values: a warning, with its words in a tooltip and for screen readers. */
function incompleteMarker(missing: number): TemplateResult {
  const title = plural(missing, {
    one: () => msg(str`Incomplete: leaves out ${missing} invalid value`, { desc: 'Tooltip of a total that leaves out invalid values' }),
    other: () => msg(str`Incomplete: leaves out ${missing} invalid values`, { desc: 'Tooltip of a total that leaves out invalid values' }),
  });
  const words = plural(missing, {
    one: () => msg(str`incomplete, leaves out ${missing} invalid value:`, { desc: 'Screen readers: read before a total that leaves out invalid values' }),
    other: () => msg(str`incomplete, leaves out ${missing} invalid values:`, { desc: 'Screen readers: read before a total that leaves out invalid values' }),
  });
  return html`<span class="incomplete" title=${title}>${warningIcon()}<span class="visually-hidden">${words} </span></span>`;
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

const unnamedWords = () => msg('unnamed', { desc: 'Shown instead of a name that has no visible characters' });

/** A name with nothing visible in it (only zero-width or format characters): "unnamed", muted. */
export const unnamed = html`<span class="muted unnamed">${atRender(unnamedWords)}</span>`;

/** A name with nothing visible in it, as a node. */
const unnamedNode = () => h('span', { class: 'muted unnamed' }, unnamedWords());

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
    ? h('span', { class: 'secondary' }, msg('Status', { desc: 'An AI agent’s status, followed by “not available”' }), ' ', notAvailableNode())
    : h(
        'span',
        { part: 'status', class: `secondary status ${active ? 'active' : 'inactive'}` },
        h('span', { class: 'dot', 'aria-hidden': 'true' }),
        active ? msg('Active', { desc: 'An AI agent’s status' }) : msg('Inactive', { desc: 'An AI agent’s status' }),
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
      label: msg('Entity', { desc: 'Column header: the response group, queue or phone number an AI agent is connected to' }),
      hideWhenNarrow: true,
      sortValue: (r) => r.entityName,
      cell: (r) => [h('span', { class: 'line' }, entityName(r.entityName, r.entityType)), ' ', h('span', { class: 'secondary' }, entityTypeLabel(r.entityType))],
    },
    {
      key: 'name',
      label: msg('AI agent', { desc: 'Column header' }),
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
