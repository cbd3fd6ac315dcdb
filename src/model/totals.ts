/** Column sums that count, rather than hide, the values they leave out. */

export interface ColumnTotal {
  /** Sum of the valid values. */
  sum: number;
  /** Rows whose value was invalid and is not in the sum. */
  missing: number;
}

/** Sums a numeric field over rows, counting (not hiding) the rows it had to leave out. */
export function totalOf<R>(rows: readonly R[], value: (row: R) => number | undefined): ColumnTotal {
  let sum = 0;
  let missing = 0;
  for (const row of rows) {
    const v = value(row);
    if (typeof v === 'number' && Number.isFinite(v)) sum += v;
    else missing++;
  }
  return { sum, missing };
}
