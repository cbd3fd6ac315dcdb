/** How a messaging agent's license reads, and how licenses sort. Pure: the clock is a parameter. */
import { calendarDay } from '../model/months.js';
import { formatDate, safeTimeZone, typeName } from './format.js';

export type LicenseTone = 'success' | 'info' | 'warning' | 'danger' | 'neutral';

export interface LicenseDisplay {
  /** Short badge text: "Unlimited", "Trial", "Trial expired", or the type's own name. */
  label: string;
  /** Secondary text, e.g. "ends 12 Dec 2026 · 5 days left"; empty when there is nothing to add. */
  detail: string;
  tone: LicenseTone;
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
  if (type === 'unlimited') return { label: 'Unlimited', detail: '', tone: 'success', sortKey: '0' };
  if (type === 'trial') {
    if (ended) return { label: 'Trial expired', detail: date ? `ended ${date}` : '', tone: 'danger', sortKey: `3|${pad(-(days ?? 0))}` };
    if (days === undefined) return { label: 'Trial', detail: '', tone: 'info', sortKey: '2|99999' };
    const left = days === 0 ? 'ends today' : days === 1 ? '1 day left' : `${days} days left`;
    return { label: 'Trial', detail: `ends ${date} · ${left}`, tone: days <= 7 ? 'warning' : 'info', sortKey: `2|${pad(days)}` };
  }
  const name = typeName(type);
  if (ended) return { label: `${name} expired`, detail: date ? `ended ${date}` : '', tone: 'danger', sortKey: `3|${pad(-(days ?? 0))}|${name}` };
  return { label: name, detail: date ? `ends ${date}` : '', tone: 'neutral', sortKey: `1|${name}` };
}
