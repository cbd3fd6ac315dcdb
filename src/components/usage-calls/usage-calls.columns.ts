/** The calls list's columns (pure builders over the row, the locale and the time zone). */
import { html, nothing } from 'lit';
import { formatDateTime, formatDuration, isBlankText, isFiniteNumber, typeName } from '../../format/format.js';
import type { VoiceCallSortKey } from '../../model/types.js';
import type { Column } from '../../table/data-table.js';
import { notAvailable, problemMarker, truncated, unnamed } from '../../ui/cells.js';
import type { CallRow } from '../../validate/calls.js';

/** The keys the backend sorts the calls by. */
export const CALL_SORT_KEYS: readonly VoiceCallSortKey[] = ['startedAt', 'durationSeconds', 'agentName', 'takenBy', 'billable'];

function takenBy(r: CallRow): unknown {
  if (r.takenByKind === undefined && r.takenByName === undefined) return html`<span class="muted">Not recorded</span>`;
  const kind = r.takenByKind === 'ai-agent' ? 'AI agent' : r.takenByKind === 'user' ? 'Person, after transfer' : r.takenByKind === undefined ? '' : typeName(r.takenByKind);
  const name = r.takenByName === undefined ? html`<span class="muted">Name not recorded</span>` : isBlankText(r.takenByName) ? unnamed : r.takenByName;
  // A kind of any length truncates like the name (`.secondary` is capped); the whole kind is its tooltip.
  return html`<span class="truncate" dir="auto" title=${r.takenByName ?? ''}>${name}</span> <span class="secondary" dir="auto" title=${kind}>${kind}</span>`;
}

function billable(r: CallRow): unknown {
  if (r.billable === undefined) return notAvailable;
  if (r.billable) return 'Yes';
  return html`No${isFiniteNumber(r.durationSeconds) && r.durationSeconds < 15 ? html`${' '}<span class="secondary">under 15 s</span>` : nothing}`;
}

export function callColumns(locale: string | undefined, zone: string | undefined): Column<CallRow>[] {
  return [
    {
      key: 'startedAt',
      label: 'Time',
      rowHeader: true,
      sortable: true,
      cell: (r) => html`${problemMarker(r.hasProblem)}${r.startedAt ? formatDateTime(r.startedAt, locale, zone) : notAvailable}`,
    },
    {
      key: 'durationSeconds',
      label: 'Length',
      numeric: true,
      sortable: true,
      cell: (r) => (isFiniteNumber(r.durationSeconds) ? formatDuration(r.durationSeconds) : notAvailable),
    },
    { key: 'agentName', label: 'AI agent', sortable: true, cell: (r) => truncated(r.agentName) },
    { key: 'takenBy', label: 'Taken by', sortable: true, cell: takenBy },
    { key: 'billable', label: 'Billable', sortable: true, cell: billable },
  ];
}
