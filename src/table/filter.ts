/** Client-side filtering for every table: case- and accent-insensitive substring match. */

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

/**
 * Rows whose searchable texts contain every word of `query` (in any of them). An empty query keeps
 * every row; the original order is kept.
 */
export function filterRows<R>(rows: readonly R[], query: string, searchable: (row: R) => readonly (string | undefined)[]): readonly R[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((row) => {
    const haystack = foldForSearch(searchable(row).filter(Boolean).join('\n'));
    return words.every((word) => haystack.includes(word));
  });
}
