/**
 * How a messaging agent's license reads, and how licenses sort. Pure: the clock is a parameter. The
 * words come in the language in force (`msg`), so describe a license while rendering, or inside the
 * element's `inLocale`.
 */
import { msg, plural, str } from '../i18n/localize.js';
import { calendarDay } from '../model/months.js';
import { formatDate, safeTimeZone, typeName } from './format.js';

export type LicenseTone = 'success' | 'info' | 'warning' | 'danger' | 'neutral';

/** What a license is, whatever language its label is in: to count licenses by kind. */
export type LicenseKind = 'unlimited' | 'trial' | 'trial-expired' | 'other' | 'other-expired';

export interface LicenseDisplay {
  /** Short badge text: "Unlimited", "Trial", "Trial expired", or the type's own name. */
  label: string;
  /** Secondary text, e.g. "ends 12 Dec 2026 · 5 days left"; empty when there is nothing to add. */
  detail: string;
  tone: LicenseTone;
  kind: LicenseKind;
  /** Sort key: ranks first (unlimited, other paid types, trials by days left, expired), then name. */
  sortKey: string;
}

const DAY = 86_400_000;

/** The calendar day of an instant in a time zone (an invalid one: the browser's), as a day number, for whole-day differences. */
function dayNumber(time: number, timeZone: string | undefined): number {
  const { year, month, day } = calendarDay(time, safeTimeZone(timeZone));
  return Math.round(Date.UTC(year, month - 1, day) / DAY);
}

/** Whole calendar days from `now` to `end` in the organization's time zone (negative once past). */
export function daysUntil(end: string, now: Date, timeZone?: string): number | undefined {
  const time = Date.parse(end);
  if (Number.isNaN(time)) return undefined;
  return dayNumber(time, timeZone) - dayNumber(now.getTime(), timeZone);
}

const pad = (n: number) => String(Math.max(0, Math.min(99999, n))).padStart(5, '0');

export function describeLicense(type: string | undefined, endsAt: string | undefined, now: Date, locale?: string, timeZone?: string): LicenseDisplay | undefined {
  if (!type) return undefined;
  const ended = endsAt !== undefined && Date.parse(endsAt) <= now.getTime();
  const days = endsAt === undefined ? undefined : daysUntil(endsAt, now, timeZone);
  const date = endsAt === undefined ? '' : formatDate(endsAt, locale, timeZone);
  const endedOn = () => (date ? msg(str`ended ${date}`, { desc: 'License detail: the day an expired license ended, e.g. "ended 24 Nov 2026"' }) : '');
  if (type === 'unlimited')
    return { label: msg('Unlimited', { id: 'license.unlimited', desc: 'License badge: a license without an end' }), detail: '', tone: 'success', kind: 'unlimited', sortKey: '0' };
  if (type === 'trial') {
    if (ended)
      return {
        label: msg('Trial expired', { id: 'license.trialExpired', desc: 'License badge: the trial license has ended' }),
        detail: endedOn(),
        tone: 'danger',
        kind: 'trial-expired',
        sortKey: `3|${pad(-(days ?? 0))}`,
      };
    const label = msg('Trial', { id: 'license.trial', desc: 'License badge: a trial license (free for a limited time)' });
    if (days === undefined) return { label, detail: '', tone: 'info', kind: 'trial', sortKey: '2|99999' };
    const detail =
      days === 0
        ? msg(str`ends ${date} · ends today`, { desc: 'Trial license detail: its end date, and that it ends today' })
        : plural(days, {
            one: () => msg(str`ends ${date} · ${days} day left`, { desc: 'Trial license detail: its end date, and the days left until then' }),
            other: () => msg(str`ends ${date} · ${days} days left`, { desc: 'Trial license detail: its end date, and the days left until then' }),
          });
    return { label, detail, tone: days <= 7 ? 'warning' : 'info', kind: 'trial', sortKey: `2|${pad(days)}` };
  }
  const name = typeName(type);
  if (ended)
    return {
      label: msg(str`${name} expired`, { desc: 'License badge: a license of the type named (as the server names it) has ended' }),
      detail: endedOn(),
      tone: 'danger',
      kind: 'other-expired',
      sortKey: `3|${pad(-(days ?? 0))}|${name}`,
    };
  return {
    label: name,
    detail: date ? msg(str`ends ${date}`, { desc: 'License detail: the day the license ends, e.g. "ends 12 Dec 2026"' }) : '',
    tone: 'neutral',
    kind: 'other',
    sortKey: `1|${name}`,
  };
}
