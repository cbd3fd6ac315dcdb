/** Sorting for every table: stable, locale-aware, blanks last in both directions. */
import { runInSlices, runNow, type Steps } from '../core/yield.js';
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
  // Only text that starts with a space, a sign, a point or a digit can spell a number: the others skip the pattern.
  const first = typeof value === 'string' ? value.charCodeAt(0) : 0;
  if ((first <= 57 || first > 127) && typeof value === 'string' && NUMERIC_TEXT.test(value)) return Number(value);
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
 *
 * No comparator runs: numbers sort by their bits (an order-preserving transform of the double),
 * texts by their rank in the collator's order, yes/no after them, each with a stable radix sort.
 * Text ranks come from `prepareSortKeys` when it has run for the column; otherwise the column's
 * distinct texts are sorted with the collator here (and kept for the next sort).
 */
export function sortRows<R>(rows: readonly R[], value: (row: R) => SortValue, direction: SortDirection, collator: Intl.Collator): R[] {
  const n = rows.length;
  const desc = direction === 'desc';
  // Per row: a number's bits (two 32-bit words), or a text's or yes/no's rank (one word).
  const values = new Float64Array(n);
  const bits = new Uint32Array(values.buffer);
  const ranks = new Uint32Array(n);
  const numbers: number[] = [];
  const others: number[] = [];
  const blanks: number[] = [];
  const texts: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = value(rows[i] as R);
    if (isBlank(v)) {
      blanks.push(i);
      continue;
    }
    const x = numberOf(v);
    if (x !== undefined) {
      numbers.push(i);
      values[i] = x + 0;
      orderBits(bits, i, desc);
    } else {
      others.push(i);
      if (typeof v === 'boolean') ranks[i] = v ? 1 : 2;
      else texts.push(String(v));
    }
  }
  const textRanks = rankTexts(texts, value, collator);
  for (let j = 0, t = 0; j < others.length; j++) {
    const i = others[j] as number;
    // Yes/no after every text ranked (ranks kept for the column may run past this subset's texts).
    const rank = ranks[i] ? textRanks.count + (ranks[i] as number) - 1 : (textRanks.ranks[t++] as number);
    ranks[i] = desc ? ~rank : rank;
  }
  const groups = [radixSort(numbers, bits, 2), radixSort(others, ranks, 1)];
  if (desc) groups.reverse();
  const sorted: R[] = [];
  for (const group of [...groups, blanks]) for (const i of group) sorted.push(rows[i] as R);
  return sorted;
}

/** Which 32-bit word of a double holds its low half (the platform's byte order). */
const LOW = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 0 : 1;

/** Rewrites the bits of `values[i]` (not NaN, not -0) so that they compare as unsigned integers as the number does, or the reverse. */
function orderBits(bits: Uint32Array, i: number, reverse: boolean): void {
  let lo = bits[2 * i + LOW] as number;
  let hi = bits[2 * i + 1 - LOW] as number;
  // Negative numbers: every bit flipped (the larger the magnitude, the smaller); others: the sign bit set.
  if (hi >>> 31) {
    hi = ~hi;
    lo = ~lo;
  } else hi |= 0x80000000;
  bits[2 * i + LOW] = reverse ? ~lo : lo;
  bits[2 * i + 1 - LOW] = reverse ? ~hi : hi;
}

/** `order` (row indices, ascending) stably sorted by unsigned keys of `size` 32-bit words per row in `keys`: a radix sort, a byte at a time. */
function radixSort(order: number[], keys: Uint32Array, size: 1 | 2): Uint32Array {
  let from = Uint32Array.from(order);
  let to = new Uint32Array(from.length);
  const count = new Uint32Array(256);
  for (let pass = 0; pass < size * 4; pass++) {
    const word = size === 1 ? 0 : pass < 4 ? LOW : 1 - LOW;
    const shift = (pass % 4) * 8;
    count.fill(0);
    for (const i of from) count[((keys[i * size + word] as number) >>> shift) & 255]++;
    // Every key has the same byte here: nothing to move.
    if (count.includes(from.length)) continue;
    for (let d = 0, sum = 0; d < 256; d++) {
      const c = count[d] as number;
      count[d] = sum;
      sum += c;
    }
    for (const i of from) to[count[((keys[i * size + word] as number) >>> shift) & 255]++] = i;
    [from, to] = [to, from];
  }
  return from;
}

/** Text ranks per collator and column (its `sortValue` function): each text → its place in the collator's order, texts it finds equal sharing one. */
const ranksByCollator = new WeakMap<Intl.Collator, WeakMap<object, Map<string, number>>>();

/** The rank of each of `texts`, and how many texts are ranked: from the ranks kept for the column when they cover every text, else from ranks computed now (and kept). */
function rankTexts(texts: readonly string[], column: object, collator: Intl.Collator): { ranks: Uint32Array; count: number } {
  const ranks = new Uint32Array(texts.length);
  for (let kept = ranksByCollator.get(collator)?.get(column); ;) {
    let i = 0;
    for (; kept && i < texts.length; i++) {
      const rank = kept.get(texts[i] as string);
      if (rank === undefined) break;
      ranks[i] = rank;
    }
    if (kept && i === texts.length) return { ranks, count: kept.size };
    kept = keepRanks(column, collator, runNow(rankSteps([...new Set(texts)].sort(collator.compare), collator)));
  }
}

function keepRanks(column: object, collator: Intl.Collator, ranks: Map<string, number>): Map<string, number> {
  let byColumn = ranksByCollator.get(collator);
  if (!byColumn) ranksByCollator.set(collator, (byColumn = new WeakMap()));
  byColumn.set(column, ranks);
  return ranks;
}

/** Steps between two points where the ranking of a column may pause. */
const STEP = 1024;

/** Ranks of texts in collator order: equal neighbours share the first one's position. */
function* rankSteps(sorted: readonly string[], collator: Intl.Collator): Steps<Map<string, number>> {
  const ranks = new Map<string, number>();
  let rank = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && collator.compare(sorted[i - 1] as string, sorted[i] as string) !== 0) rank = i;
    ranks.set(sorted[i] as string, rank);
    if (i % STEP === STEP - 1) yield;
  }
  return ranks;
}

/** A merge sort by `compare` that may pause every `STEP` comparisons. */
function* mergeSortSteps(items: string[], compare: (a: string, b: string) => number): Steps<string[]> {
  let from = items;
  let to = new Array<string>(items.length);
  const n = items.length;
  let count = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        to[k++] = compare(from[j] as string, from[i] as string) < 0 ? (from[j++] as string) : (from[i++] as string);
        if (++count % STEP === 0) yield;
      }
      while (i < mid) to[k++] = from[i++] as string;
      while (j < hi) to[k++] = from[j++] as string;
    }
    [from, to] = [to, from];
  }
  return from;
}

/**
 * Prepares the text ranks of a column for `sortRows`, in time slices: its distinct texts are sorted
 * with the collator by a merge sort that gives the main thread back every few milliseconds. Once it
 * has run, sorting that column (of these rows, or any subset such as the filtered ones) needs no
 * collator: an integer sort. Rejects with the signal's reason when aborted.
 */
export async function prepareSortKeys<R>(rows: readonly R[], value: (row: R) => SortValue, collator: Intl.Collator, options: { signal?: AbortSignal } = {}): Promise<void> {
  const ranks = await runInSlices(prepareSteps(rows, value, collator), options.signal);
  if (ranks) keepRanks(value, collator, ranks);
}

function* prepareSteps<R>(rows: readonly R[], value: (row: R) => SortValue, collator: Intl.Collator): Steps<Map<string, number> | undefined> {
  const texts: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const v = value(rows[i] as R);
    if (!isBlank(v) && typeof v !== 'boolean' && numberOf(v) === undefined) texts.push(String(v));
    if (i % STEP === STEP - 1) yield;
  }
  const kept = ranksByCollator.get(collator)?.get(value);
  if (kept && texts.every((t) => kept.has(t))) return undefined;
  const sorted = yield* mergeSortSteps([...new Set(texts)], collator.compare);
  return yield* rankSteps(sorted, collator);
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
