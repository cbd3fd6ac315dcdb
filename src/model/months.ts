/** `YYYY-MM` month strings: validation and arithmetic, free of any time zone. */

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The first and last months the elements accept: year 0000 and five-digit years are not months here. */
export const MIN_MONTH = '0001-01';
export const MAX_MONTH = '9999-12';

const MIN_INDEX = 1 * 12;
const MAX_INDEX = 9999 * 12 + 11;

/** A `YYYY-MM` month from `0001-01` to `9999-12`. */
export function isMonth(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = MONTH_PATTERN.exec(value);
  return match !== null && Number(match[1]) >= 1;
}

function parts(month: string): [number, number] {
  if (!isMonth(month)) throw new RangeError(`Not a YYYY-MM month from ${MIN_MONTH} to ${MAX_MONTH}: ${JSON.stringify(month)}`);
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}

/** Months since year 0 (`0001-01` is 12). */
function indexOf(month: string): number {
  const [year, m] = parts(month);
  return year * 12 + (m - 1);
}

function monthAt(index: number): string {
  const i = Math.max(MIN_INDEX, Math.min(MAX_INDEX, index));
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** `month` moved by `delta` months, kept within `0001-01`…`9999-12` (never a malformed month). */
export function addMonths(month: string, delta: number): string {
  return monthAt(indexOf(month) + Math.trunc(Number.isFinite(delta) ? delta : 0));
}

/** Whole months from `month` to `later` (negative when `later` is before `month`). */
export function monthsBetween(month: string, later: string): number {
  return indexOf(later) - indexOf(month);
}

/** Whole months from `from` to `to`, both included; empty when `to` is before `from` or either is not a month. */
export function monthRange(from: string, to: string): string[] {
  if (!isMonth(from) || !isMonth(to)) return [];
  const out: string[] = [];
  for (let i = indexOf(from), last = indexOf(to); i <= last; i++) out.push(monthAt(i));
  return out;
}

export function daysInMonth(month: string): number {
  const [year, m] = parts(month);
  const date = new Date(Date.UTC(2000, m, 0));
  date.setUTCFullYear(year, m, 0);
  return date.getUTCDate();
}

/** One day formatter per named zone (the runtime's own zone can change, e.g. when emulated: not cached). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of `instant` (a `Date` or a time value) in `timeZone`: year, month (1–12) and day. */
export function calendarDay(instant: Date | number, timeZone?: string): { year: number; month: number; day: number } {
  let format = timeZone ? dayFormats.get(timeZone) : undefined;
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    if (timeZone) dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** The calendar month of `instant` in `timeZone`, as `YYYY-MM`. */
export function monthInTimeZone(instant: Date, timeZone?: string): string {
  const { year, month } = calendarDay(instant, timeZone);
  return `${String(year || 1970).padStart(4, '0')}-${String(month || 1).padStart(2, '0')}`;
}

/**
 * A UTC midnight `Date` for the first day of `month`, for formatting with `timeZone: 'UTC'`. Set with
 * `setUTCFullYear`, so years 0001–0099 stay themselves (`Date.UTC` reads them as 1901–1999).
 */
export function monthToUtcDate(month: string): Date {
  const [year, m] = parts(month);
  const date = new Date(0);
  date.setUTCFullYear(year, m - 1, 1);
  date.setUTCHours(0, 0, 0, 0);
  return date;
}
