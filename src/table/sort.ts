/** Sorting for every table: stable, locale-aware, blanks last in both directions. */
import type { SortDirection } from '../model/types.js';

export type { SortDirection };

export interface SortState {
  key: string;
  direction: SortDirection;
}

/** The value a column sorts by; `undefined`, `null` and `NaN` are blanks. */
export type SortValue = string | number | boolean | null | undefined;

/** Parses the `sort` attribute, `key:asc` or `key:desc` (`key` alone means ascending). */
export function parseSort(value: string | null | undefined): SortState | undefined {
  if (!value) return undefined;
  const match = /^\s*([\w.-]+)\s*(?::\s*(asc|desc)\s*)?$/i.exec(value);
  if (!match) return undefined;
  return { key: match[1] as string, direction: (match[2]?.toLowerCase() as SortDirection | undefined) ?? 'asc' };
}

export function formatSort(sort: SortState | undefined): string {
  return sort ? `${sort.key}:${sort.direction}` : '';
}

/** Activating a header: a new column sorts ascending; the sorted one flips. */
export function nextSort(current: SortState | undefined, key: string): SortState {
  if (current?.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: 'asc' };
}

const isBlank = (v: SortValue): v is null | undefined => v === undefined || v === null || (typeof v === 'number' && Number.isNaN(v)) || (typeof v === 'string' && v.trim() === '');

/** Text that spells a plain decimal number ("42", "-1.5", ".5", "1e3", " 7 "): sorted as that number, never as text. */
const NUMERIC_TEXT = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?\s*$/i;

/** The number a value sorts as: a number, or text that spells one; `undefined` for anything else. */
function numberOf(value: Exclude<SortValue, null | undefined>): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMERIC_TEXT.test(value)) return Number(value);
  return undefined;
}

/** Ranks of the kinds of value a mixed column may hold: numbers first, then text, then yes/no. */
const rankOf = (value: Exclude<SortValue, null | undefined>, n: number | undefined) => (n !== undefined ? 0 : typeof value === 'boolean' ? 2 : 1);

/**
 * Compares two non-blank values as one total order: numbers (and text that spells a number, so "10"
 * comes after "9" and "-5" before "-3") numerically, ±Infinity included; booleans true first; other
 * text by the collator. A column mixing kinds puts numbers first, then text, then booleans.
 */
export function compareValues(a: Exclude<SortValue, null | undefined>, b: Exclude<SortValue, null | undefined>, collator: Intl.Collator): number {
  const na = numberOf(a);
  const nb = numberOf(b);
  const ra = rankOf(a, na);
  const rb = rankOf(b, nb);
  if (ra !== rb) return ra - rb;
  if (na !== undefined && nb !== undefined) return na < nb ? -1 : na > nb ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? -1 : 1;
  return collator.compare(String(a), String(b));
}

/**
 * Returns a sorted copy. Equal values keep their original order in both directions; blanks go last
 * whichever the direction.
 */
export function sortRows<R>(rows: readonly R[], value: (row: R) => SortValue, direction: SortDirection, collator: Intl.Collator): R[] {
  const sign = direction === 'desc' ? -1 : 1;
  const decorated = rows.map((row, index) => ({ row, index, v: value(row) }));
  decorated.sort((x, y) => {
    const xb = isBlank(x.v);
    const yb = isBlank(y.v);
    if (xb || yb) return xb === yb ? x.index - y.index : xb ? 1 : -1;
    return sign * compareValues(x.v as never, y.v as never, collator) || x.index - y.index;
  });
  return decorated.map((d) => d.row);
}

const collators = new Map<string, Intl.Collator>();

/** The collator every table sorts text with (numeric, case- and accent-insensitive), one per locale; never throws. */
export function collator(locale: string | undefined): Intl.Collator {
  const key = locale ?? '';
  let c = collators.get(key);
  if (!c) {
    const options: Intl.CollatorOptions = { numeric: true, sensitivity: 'base' };
    try {
      c = new Intl.Collator(locale, options);
    } catch {
      // Not a language tag Intl knows (e.g. a host's typo): the runtime's default language.
      c = new Intl.Collator(undefined, options);
    }
    collators.set(key, c);
  }
  return c;
}
