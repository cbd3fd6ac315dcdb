/** Client-side filtering for every table: case- and accent-insensitive substring match. */
import { runInSlices, type Steps } from '../core/yield.js';

/** Compatibility-decomposed, diacritics (combining marks) removed. */
const stripMarks = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '');

/**
 * Folds text for matching, close to Unicode full case folding: compatibility-decomposed ("ﬁ" → "fi",
 * full-width → ASCII), diacritics stripped (the Greek iota subscript too), then upper- and
 * lower-cased the same in every runtime locale (so "ß" and "SS", "ı" and "I" meet), final "ς" read as
 * "σ". So "jonas" finds "Jönås", "LUCIA" finds "Lucía", "Σ" finds "ΑΣ" and "strasse" finds "Straße".
 */
export function foldForSearch(text: string): string {
  return stripMarks(stripMarks(text).toUpperCase().toLowerCase()).replace(/ς/g, 'σ').replace(/ß/g, 'ss');
}

/** The folded texts of rows, per rows array and `searchable` function (the rows of an answer never change). */
const haystacks = new WeakMap<readonly unknown[], WeakMap<object, string[]>>();

const haystack = <R>(row: R, searchable: (row: R) => readonly (string | undefined)[]) => foldForSearch(searchable(row).filter(Boolean).join('\n'));

function keep<R>(rows: readonly R[], searchable: (row: R) => readonly (string | undefined)[], texts: string[]): string[] {
  let bySearchable = haystacks.get(rows);
  if (!bySearchable) haystacks.set(rows, (bySearchable = new WeakMap()));
  bySearchable.set(searchable, texts);
  return texts;
}

/**
 * Rows whose searchable texts contain every word of `query` (in any of them). An empty query keeps
 * every row; the original order is kept. The folded texts are made once per rows array (or ahead of
 * time by `prepareFilter`): a query is then one pass of `includes`.
 */
export function filterRows<R>(rows: readonly R[], query: string, searchable: (row: R) => readonly (string | undefined)[]): readonly R[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  const texts =
    haystacks.get(rows)?.get(searchable) ??
    keep(
      rows,
      searchable,
      rows.map((row) => haystack(row, searchable)),
    );
  return rows.filter((_, i) => words.every((word) => (texts[i] as string).includes(word)));
}

/** Makes the folded texts `filterRows` searches, in time slices, so that the first query is as quick as the next. */
export async function prepareFilter<R>(rows: readonly R[], searchable: (row: R) => readonly (string | undefined)[], options: { signal?: AbortSignal } = {}): Promise<void> {
  if (haystacks.get(rows)?.has(searchable)) return;
  const texts = await runInSlices(foldSteps(rows, searchable), options.signal);
  keep(rows, searchable, texts);
}

function* foldSteps<R>(rows: readonly R[], searchable: (row: R) => readonly (string | undefined)[]): Steps<string[]> {
  const texts: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    // A hole (never filtered in) gets no text, as `map` leaves it.
    if (i in rows) texts[i] = haystack(rows[i] as R, searchable);
    if (i % 256 === 255) yield;
  }
  return texts;
}
