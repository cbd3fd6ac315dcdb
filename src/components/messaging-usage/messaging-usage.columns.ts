/** The messaging table's CSV fields, with their words in the language in force. */
import type { LicenseDisplay } from '../../format/license.js';
import { msg, str } from '../../i18n/localize.js';
import type { CsvField } from '../../table/csv.js';
import { agentCsvFields } from '../../ui/agent-table.js';
import type { MessagingAgentRow } from '../../validate/messaging-agents.js';

/**
 * The CSV's columns, with headers and values in the language in force (the export runs in the
 * element's); `licenseOf` and `percentOf` are the element's own readings of a row, as the table shows them.
 */
export function csvFields(
  licenseOf: (row: MessagingAgentRow) => LicenseDisplay | undefined,
  percentOf: (row: MessagingAgentRow) => string | undefined,
): CsvField<MessagingAgentRow>[] {
  return [
    ...agentCsvFields<MessagingAgentRow>(),
    { header: msg('License', { id: 'messaging.license', desc: 'Column header (table and CSV): the AI messaging agent’s license' }), value: (r) => r.licenseType },
    {
      header: msg('License status', { desc: 'CSV column header: the license as the table shows it, e.g. "Trial · ends 12 Dec 2026 · 5 days left"' }),
      value: (r) => {
        const license = licenseOf(r);
        return license ? [license.label, license.detail].filter(Boolean).join(' · ') : undefined;
      },
    },
    { header: msg('License ends', { desc: 'CSV column header: when the license ends (an ISO date and time)' }), value: (r) => r.licenseEndsAt },
    {
      header: msg('New cases when open (%)', { desc: 'CSV column header: the percentage of new cases the AI agent takes during opening hours' }),
      value: (r) => r.newCasesPercentWhenOpen,
    },
    {
      header: msg('Handles cases when closed', { desc: 'CSV column header: true or false, whether the AI agent also takes cases outside opening hours' }),
      value: (r) => r.handlesWhenClosed,
    },
    {
      header: msg('Engagement', { id: 'messaging.engagement', desc: 'Column header: how much of the incoming work the AI messaging agent takes' }),
      value: (r) => {
        const percent = percentOf(r);
        if (percent === undefined) return undefined;
        return r.handlesWhenClosed
          ? msg(str`${percent} of new cases · also when closed`, { desc: 'CSV value: the share of new cases the AI agent takes while open; it also takes cases while closed' })
          : msg(str`${percent} of new cases · not when closed`, { desc: 'CSV value: the share of new cases the AI agent takes while open; it takes none while closed' });
      },
    },
    { header: msg('Price (credits)', { id: 'messaging.priceCredits', desc: 'Column header: what the AI messaging agent costs, in credits' }), value: (r) => r.priceCredits },
    { header: msg('Engaged cases', { id: 'messaging.engagedCases', desc: 'Column header: how many cases the AI messaging agent engaged in' }), value: (r) => r.engagedCases },
  ];
}
