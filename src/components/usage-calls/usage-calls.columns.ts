/** The calls list's columns (pure builders over the row, the locale and the time zone). */
import { html, nothing } from 'lit';
import { formatDateTime, formatDuration, isBlankText, isFiniteNumber, typeName } from '../../format/format.js';
import { msg } from '../../i18n/localize.js';
import type { VoiceCallSortKey } from '../../model/types.js';
import type { Column } from '../../table/data-table.js';
import { notAvailable, problemMarker, truncated, unnamed } from '../../ui/cells.js';
import type { CallRow } from '../../validate/calls.js';

/** The keys the backend sorts the calls by. */
export const CALL_SORT_KEYS: readonly VoiceCallSortKey[] = ['startedAt', 'durationSeconds', 'agentName', 'takenBy', 'billable'];

function takenBy(r: CallRow): unknown {
  if (r.takenByKind === undefined && r.takenByName === undefined)
    return html`<span class="muted">${msg('Not recorded', { desc: 'Calls list, "Taken by" cell: who took the call was not recorded.' })}</span>`;
  const kind =
    r.takenByKind === 'ai-agent'
      ? msg('AI agent', { id: 'calls.takenBy.aiAgent', desc: 'Calls list, "Taken by" cell: the call was taken by the AI agent (not transferred to a person).' })
      : r.takenByKind === 'user'
        ? msg('Person, after transfer', { desc: 'Calls list: the call was taken by a person, after the AI agent transferred it.' })
        : r.takenByKind === undefined
          ? ''
          : typeName(r.takenByKind);
  const name =
    r.takenByName === undefined
      ? html`<span class="muted">${msg('Name not recorded', { desc: 'Calls list: the name of who took the call was not recorded.' })}</span>`
      : isBlankText(r.takenByName)
        ? unnamed
        : r.takenByName;
  // A kind of any length truncates like the name (`.secondary` is capped); the whole kind is its tooltip.
  return html`<span class="truncate" dir="auto" title=${r.takenByName ?? ''}>${name}</span> <span class="secondary" dir="auto" title=${kind}>${kind}</span>`;
}

function billable(r: CallRow): unknown {
  if (r.billable === undefined) return notAvailable;
  if (r.billable) return msg('Yes', { desc: 'Calls list, "Billable" cell: the call is billable.' });
  const no = msg('No', { desc: 'Calls list, "Billable" cell: the call is not billable.' });
  return html`${no}${
    isFiniteNumber(r.durationSeconds) && r.durationSeconds < 15
      ? html`${' '}<span class="secondary">${msg('under 15 s', { desc: 'Calls list: why a call is not billable, it lasted less than 15 seconds.' })}</span>`
      : nothing
  }`;
}

export function callColumns(locale: string | undefined, zone: string | undefined): Column<CallRow>[] {
  return [
    {
      key: 'startedAt',
      label: msg('Time', { desc: 'Calls list header: when the call started.' }),
      rowHeader: true,
      sortable: true,
      cell: (r) => html`${problemMarker(r.hasProblem)}${r.startedAt ? formatDateTime(r.startedAt, locale, zone) : notAvailable}`,
    },
    {
      key: 'durationSeconds',
      label: msg('Length', { desc: 'Calls list header: how long the call lasted.' }),
      numeric: true,
      sortable: true,
      cell: (r) => (isFiniteNumber(r.durationSeconds) ? formatDuration(r.durationSeconds) : notAvailable),
    },
    { key: 'agentName', label: msg('AI agent', { desc: 'Column header' }), sortable: true, cell: (r) => truncated(r.agentName) },
    { key: 'takenBy', label: msg('Taken by', { desc: 'Calls list header: who took the call (the AI agent, or a person after transfer).' }), sortable: true, cell: takenBy },
    { key: 'billable', label: msg('Billable', { desc: 'Calls list header: whether the call is billable.' }), sortable: true, cell: billable },
  ];
}
