/** Locale- and time-zone-aware formatting. Every function returns display text, never `NaN`/`undefined`. */
import { msg } from '../i18n/localize.js';
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
  if (!checkedZones.has(timeZone)) {
    let valid: string | undefined;
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      valid = timeZone;
    } catch {
      valid = undefined;
    }
    // Bounded: a page never needs many, and a hostile stream of names must not grow it for ever.
    if (checkedZones.size >= 256) checkedZones.clear();
    checkedZones.set(timeZone, valid);
  }
  return checkedZones.get(timeZone);
}

/** Zones already checked (every date cell asks). */
const checkedZones = new Map<string, string | undefined>();

/**
 * A number formatter that never prints a negative zero: `-0` (e.g. Python's `json.dumps(-0.0)`) and
 * values that round to zero from below read "0", "0 %", "€0.00". Unless `options.signDisplay` says
 * otherwise, only values that stay negative after rounding carry a minus sign.
 */
export function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const withSign: Intl.NumberFormatOptions = { signDisplay: 'negative', ...options };
  return cached(`n|${locale}|${JSON.stringify(withSign)}`, () => new Intl.NumberFormat(locale, withSign));
}

export const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** `-0` as `0`; every other value unchanged. */
export const unsignedZero = (value: number): number => (value === 0 ? 0 : value);

/** Whole counts: `12 345`, grouped per locale. */
export function formatCount(value: unknown, locale?: string): string {
  if (!isFiniteNumber(value)) return NOT_AVAILABLE;
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(unsignedZero(value));
}

/** Amounts such as minutes: grouped, at most `fractionDigits` decimals. */
export function formatAmount(value: unknown, locale?: string, fractionDigits = 1): string {
  if (!isFiniteNumber(value)) return NOT_AVAILABLE;
  return numberFormat(locale, { maximumFractionDigits: fractionDigits }).format(unsignedZero(value));
}

/** A price in an ISO 4217 currency, e.g. "€0.0125"; an em dash when either is unusable. */
export function formatCurrency(value: unknown, currency: unknown, locale?: string, minimumFractionDigits = 2, maximumFractionDigits = 4): string {
  if (!isFiniteNumber(value) || typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) return NOT_AVAILABLE;
  try {
    return numberFormat(locale, { style: 'currency', currency, minimumFractionDigits, maximumFractionDigits }).format(unsignedZero(value));
  } catch {
    return NOT_AVAILABLE;
  }
}

/** A fraction as a percentage, "12 %" (0.12), never "-0 %". */
export function formatPercent(fraction: unknown, locale?: string, maximumFractionDigits = 0): string {
  if (!isFiniteNumber(fraction)) return NOT_AVAILABLE;
  return numberFormat(locale, { style: 'percent', maximumFractionDigits }).format(unsignedZero(fraction));
}

/**
 * True for a text with nothing visible in it: only spaces, zero-width characters, joiners, direction
 * marks or other format and control characters.
 */
export function isBlankText(value: string): boolean {
  return /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u2800\u3164\uFFA0]*$/u.test(value);
}

/** What a name with nothing visible in it shows. */
export const UNNAMED = 'unnamed';

/** Date formats by name: the name keys the formatter cache. */
const DATE_FORMATS = {
  month: { year: 'numeric', month: 'long' },
  shortMonth: { year: 'numeric', month: 'short' },
  monthName: { month: 'short' },
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  dateTimeZone: { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/** A `YYYY-MM` month in a named format, the same in every browser time zone; the em dash for anything else. */
function monthText(month: unknown, locale: string | undefined, format: keyof typeof DATE_FORMATS): string {
  if (!isMonth(month)) return NOT_AVAILABLE;
  return cached(`${format}|${locale}`, () => new Intl.DateTimeFormat(locale, { ...DATE_FORMATS[format], timeZone: 'UTC' })).format(monthToUtcDate(month));
}

/** `2026-11` → "November 2026", the same in every browser time zone. */
export const formatMonth = (month: unknown, locale?: string, style: 'long' | 'short' = 'long'): string => monthText(month, locale, style === 'long' ? 'month' : 'shortMonth');

/** `2026-11` → "Nov" (the month's short name alone), the same in every browser time zone. */
export const formatMonthName = (month: unknown, locale?: string): string => monthText(month, locale, 'monthName');

/** An ISO instant in a named format in `zone` (when valid; else the browser's); the em dash when it is not a date. */
function instantText(iso: unknown, locale: string | undefined, zone: string | undefined, format: keyof typeof DATE_FORMATS): string {
  const timeZone = safeTimeZone(zone);
  const time = typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(time)) return NOT_AVAILABLE;
  return cached(`${format}|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(locale, { ...DATE_FORMATS[format], ...(timeZone ? { timeZone } : {}) })).format(time);
}

/** An instant in the organization's time zone, e.g. "27 Nov 2026, 14:05" (with `withZone`, "… 14:05 CET"). */
export const formatDateTime = (iso: unknown, locale?: string, zone?: string, withZone = false): string => instantText(iso, locale, zone, withZone ? 'dateTimeZone' : 'dateTime');

/** A date alone in the organization's time zone, e.g. "12 Dec 2026". */
export const formatDate = (iso: unknown, locale?: string, zone?: string): string => instantText(iso, locale, zone, 'date');

/**
 * The known entity types' labels, each made when asked (so in the language in force). A `Map`, not a
 * plain object: a type such as `constructor` or `__proto__` must not find `Object`'s own members.
 */
const ENTITY_TYPES: ReadonlyMap<string, () => string> = new Map([
  ['response-group', () => msg('Response group', { id: 'entityType.responseGroup', desc: 'Entity type: a group of people (a queue) that answers calls to a number' })],
  ['phone-number', () => msg('Phone number', { id: 'entityType.phoneNumber', desc: 'Entity type: an AI voice agent answers this phone number' })],
  ['chat-channel', () => msg('Chat channel', { id: 'entityType.chatChannel', desc: 'Entity type: an AI messaging agent serves this chat channel' })],
  ['web-chat', () => msg('Web chat', { id: 'entityType.webChat', desc: 'Entity type: the chat on a website, served by an AI messaging agent' })],
]);

/**
 * An unknown type by its own name: a `kebab-case` or `snake_case` word becomes words with a capital
 * ("sip-trunk" → "Sip trunk"); anything else (e.g. `__proto__`) is shown exactly as sent.
 */
export function typeName(type: string): string {
  if (!/^[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)*$/u.test(type)) return type;
  const words = type.replace(/[-_]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A readable label for an entity type, in the language in force; unknown types are shown by their own name. */
export function entityTypeLabel(type: string | undefined): string {
  if (typeof type !== 'string' || type === '') return NOT_AVAILABLE;
  return ENTITY_TYPES.get(type)?.() ?? typeName(type);
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
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: Math.abs(change) < 0.1 ? 1 : 0, signDisplay: 'exceptZero' }).format(unsignedZero(change));
}
