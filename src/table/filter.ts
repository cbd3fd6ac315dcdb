/** Client-side filtering for every table: case- and accent-insensitive substring match. */

/** Lower-cases and strips diacritics, so "jonas" finds "Jönås" and "LUCIA" finds "Lucía". */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
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
