/** Locale- and time-zone-aware formatting. Every function returns display text, never `NaN`/`undefined`. */
import { isMonth, monthToUtcDate } from '../model/months.js';

/** What a missing or invalid value shows: an em dash (with "not available" for assistive tech). */
export const NOT_AVAILABLE = '—';

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.Collator>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.Collator>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** A BCP 47 tag Intl accepts, or `undefined` (the browser's default) for anything else. */
export function safeLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}

/** An IANA time zone Intl accepts, or `undefined` (so formatting falls back instead of throwing). */
export function safeTimeZone(timeZone: string | undefined | null): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

export function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

export const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Whole counts: `12 345`, grouped per locale. */
export function formatCount(value: unknown, locale?: string): string {
  if (!isFiniteNumber(value)) return NOT_AVAILABLE;
  return cached(`count|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })).format(value);
}

/** Amounts such as minutes: grouped, at most `fractionDigits` decimals. */
export function formatAmount(value: unknown, locale?: string, fractionDigits = 1): string {
  if (!isFiniteNumber(value)) return NOT_AVAILABLE;
  return cached(`amount|${locale}|${fractionDigits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits })).format(value);
}

/** `2026-11` → "November 2026", the same in every browser time zone. */
export function formatMonth(month: unknown, locale?: string, style: 'long' | 'short' = 'long'): string {
  if (!isMonth(month)) return NOT_AVAILABLE;
  return cached(`m|${locale}|${style}`, () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: style, timeZone: 'UTC' })).format(monthToUtcDate(month));
}

/** `2026-11` → "Nov" (the month's short name alone), the same in every browser time zone. */
export function formatMonthName(month: unknown, locale?: string): string {
  if (!isMonth(month)) return NOT_AVAILABLE;
  return cached(`mn|${locale}`, () => new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' })).format(monthToUtcDate(month));
}

/** An instant in the organization's time zone, e.g. "27 Nov 2026, 14:05" (with `withZone`, "… 14:05 CET"). */
export function formatDateTime(iso: unknown, locale?: string, zone?: string, withZone = false): string {
  const timeZone = safeTimeZone(zone);
  if (typeof iso !== 'string') return NOT_AVAILABLE;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return NOT_AVAILABLE;
  return cached(`dt|${locale}|${timeZone}|${withZone}`, () =>
    withZone
      ? new Intl.DateTimeFormat(locale, {
          year: 'numeric',
          month: 'short',
          day: 'numeric',
          hour: 'numeric',
          minute: '2-digit',
          timeZoneName: 'short',
          ...(timeZone ? { timeZone } : {}),
        })
      : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }),
  ).format(time);
}

/** A date alone in the organization's time zone, e.g. "12 Dec 2026". */
export function formatDate(iso: unknown, locale?: string, zone?: string): string {
  const timeZone = safeTimeZone(zone);
  if (typeof iso !== 'string') return NOT_AVAILABLE;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return NOT_AVAILABLE;
  return cached(`d|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) })).format(time);
}

const ENTITY_TYPES: Record<string, string> = {
  'response-group': 'Response group',
  'phone-number': 'Phone number',
  'chat-channel': 'Chat channel',
  'web-chat': 'Web chat',
};

/** A readable label for an entity type; unknown types are shown by their own name. */
export function entityTypeLabel(type: string | undefined): string {
  if (!type) return NOT_AVAILABLE;
  const known = ENTITY_TYPES[type];
  if (known) return known;
  const words = type.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A call's length: `m:ss` under an hour, `h:mm:ss` from an hour; whole seconds, so never `0:60`. */
export function formatDuration(seconds: unknown): string {
  if (!isFiniteNumber(seconds) || seconds < 0) return NOT_AVAILABLE;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A change as a signed percentage, "+12 %" / "−8 %", in the locale; an em dash when there is none. */
export function formatChange(change: number | undefined, locale?: string): string {
  if (!isFiniteNumber(change)) return NOT_AVAILABLE;
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: Math.abs(change) < 0.1 ? 1 : 0, signDisplay: 'exceptZero' }).format(change);
}
