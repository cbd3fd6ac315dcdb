/** The voice table's number columns and CSV fields, with their words in the language in force. */
import { msg } from '../../i18n/localize.js';
import type { CsvField } from '../../table/csv.js';
import { agentCsvFields } from '../../ui/agent-table.js';
import type { VoiceAgentRow, VoiceNumberField } from '../../validate/voice-agents.js';

export interface NumberColumn {
  key: VoiceNumberField;
  /** The header over a pair of columns. */
  group: string;
  label: string;
  /** The CSV's header: group and label in one. */
  csv: string;
  kind: 'count' | 'amount';
}

/** The number columns, with their words in the language in force (so made while rendering, or in `inLocale`). */
export function numberColumns(): NumberColumn[] {
  const calls = msg('Calls', { id: 'voice.group.calls', desc: 'Voice usage table: header over two columns of call counts (engaged this month, handled since activation)' });
  const minutes = msg('Billable minutes', {
    id: 'voice.group.billableMinutes',
    desc: 'Voice usage table: header over two columns of billable minutes (this month, since activation)',
  });
  const nonBillable = msg('Non-billable calls (<15 s)', {
    id: 'voice.group.nonBillableCalls',
    desc: 'Voice usage table: header over two columns of calls shorter than 15 seconds, which are not billed',
  });
  const thisMonth = msg('This month', { id: 'voice.column.thisMonth', desc: 'Voice usage table: column header under "Billable minutes" or "Non-billable calls"' });
  const sinceActivation = msg('Since activation', {
    id: 'voice.column.sinceActivation',
    desc: 'Voice usage table: column header under "Billable minutes" or "Non-billable calls": since the agent was activated',
  });
  return [
    {
      key: 'callsEngagedThisMonth',
      group: calls,
      label: msg('Engaged this month', { desc: 'Voice usage table: column header under "Calls": calls the agent answered this month' }),
      csv: msg('Calls, engaged this month', { desc: 'CSV column header' }),
      kind: 'count',
    },
    {
      key: 'callsHandledSinceActivation',
      group: calls,
      label: msg('Handled since activation', { desc: 'Voice usage table: column header under "Calls": calls the agent handled since it was activated' }),
      csv: msg('Calls, handled since activation', { desc: 'CSV column header' }),
      kind: 'count',
    },
    { key: 'billableMinutesThisMonth', group: minutes, label: thisMonth, csv: msg('Billable minutes, this month', { desc: 'CSV column header' }), kind: 'amount' },
    {
      key: 'billableMinutesSinceActivation',
      group: minutes,
      label: sinceActivation,
      csv: msg('Billable minutes, since activation', { desc: 'CSV column header' }),
      kind: 'amount',
    },
    {
      key: 'nonBillableCallsThisMonth',
      group: nonBillable,
      label: thisMonth,
      csv: msg('Non-billable calls (<15 s), this month', { desc: 'CSV column header: calls shorter than 15 seconds are not billed' }),
      kind: 'count',
    },
    {
      key: 'nonBillableCallsSinceActivation',
      group: nonBillable,
      label: sinceActivation,
      csv: msg('Non-billable calls (<15 s), since activation', { desc: 'CSV column header: calls shorter than 15 seconds are not billed' }),
      kind: 'count',
    },
  ];
}

/** The CSV's columns, with headers in the language in force (the export runs in the element's). */
export function csvFields(): CsvField<VoiceAgentRow>[] {
  const active = msg('active', { id: 'csv.status.active', desc: 'CSV value in the Status column: the AI agent is active' });
  const inactive = msg('inactive', { id: 'csv.status.inactive', desc: 'CSV value in the Status column: the AI agent is inactive' });
  return [
    ...agentCsvFields<VoiceAgentRow>(),
    {
      header: msg('Status', { id: 'csv.status', desc: 'CSV column header: whether the AI agent is active or inactive' }),
      value: (r) => (r.active === undefined ? undefined : r.active ? active : inactive),
    },
    ...numberColumns().map(({ key, csv }) => ({ header: csv, value: (r: VoiceAgentRow) => r[key] })),
  ];
}
