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

/** Compares two non-blank values: numbers numerically, booleans true first, text by the collator. */
export function compareValues(a: Exclude<SortValue, null | undefined>, b: Exclude<SortValue, null | undefined>, collator: Intl.Collator): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
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

/** The collator every table sorts text with (numeric, case- and accent-insensitive), one per locale. */
export function collator(locale: string | undefined): Intl.Collator {
  const key = locale ?? '';
  let c = collators.get(key);
  if (!c) {
    c = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    collators.set(key, c);
  }
  return c;
}
