/** `YYYY-MM` month strings: validation and arithmetic, free of any time zone. */

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH_PATTERN.test(value);
}

function parts(month: string): [number, number] {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`Not a YYYY-MM month: ${JSON.stringify(month)}`);
  return [Number(match[1]), Number(match[2])];
}

export function addMonths(month: string, delta: number): string {
  const [year, m] = parts(month);
  const index = year * 12 + (m - 1) + delta;
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whole months from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

export function daysInMonth(month: string): number {
  const [year, m] = parts(month);
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

/** The calendar month of `instant` in `timeZone`, as `YYYY-MM`. */
export function monthInTimeZone(instant: Date, timeZone: string): string {
  const fields = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(instant);
  const year = fields.find((f) => f.type === 'year')?.value ?? '1970';
  const month = fields.find((f) => f.type === 'month')?.value ?? '01';
  return `${year.padStart(4, '0')}-${month}`;
}

/** A UTC midnight `Date` for the first day of `month`, for formatting with `timeZone: 'UTC'`. */
export function monthToUtcDate(month: string): Date {
  const [year, m] = parts(month);
  return new Date(Date.UTC(year, m - 1, 1));
}
