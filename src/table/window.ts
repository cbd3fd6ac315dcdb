/**
 * Which rows of a long table to put in the DOM. Pure: given where the visible part of the table
 * lies (relative to the top of its first row) and the height of a row, the range of rows to render,
 * with a margin above and below so a scroll shows rows already there.
 */

/** Up to this many rows, every row is in the DOM (so find-in-page, printing and reading mode see them all). */
export const WINDOW_THRESHOLD = 250;

/** Rows rendered beyond the visible ones, on each side. */
export const OVERSCAN = 12;

/** Rows rendered when the table is not in view (or before it has a size): a first screen. */
export const FIRST_SCREEN = 40;

export interface Viewport {
  /** Rows in the list. */
  total: number;
  /** Height of one row, in CSS pixels (> 0). */
  rowHeight: number;
  /** Top of the visible region, measured from the top of the first row. */
  top: number;
  /** Bottom of the visible region, measured from the top of the first row. */
  bottom: number;
}

export interface RowRange {
  /** First row rendered (inclusive). */
  start: number;
  /** Row after the last one rendered (exclusive). */
  end: number;
}

/** Whether a list of `total` rows is rendered as a window. */
export const isWindowed = (total: number): boolean => total > WINDOW_THRESHOLD;

/** The rows to render for a viewport: the visible ones plus `OVERSCAN` on each side, clamped to the list. */
export function rowRange({ total, rowHeight, top, bottom }: Viewport): RowRange {
  if (total <= 0) return { start: 0, end: 0 };
  if (!(rowHeight > 0) || !(bottom > top) || !Number.isFinite(top) || !Number.isFinite(bottom)) return { start: 0, end: Math.min(total, FIRST_SCREEN) };
  const listHeight = total * rowHeight;
  // Not in view: above the viewport (show the first screen) or scrolled past (show the last one).
  if (bottom <= 0) return { start: 0, end: Math.min(total, FIRST_SCREEN) };
  if (top >= listHeight) return { start: Math.max(0, total - FIRST_SCREEN), end: total };
  const start = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const end = Math.min(total, Math.ceil(bottom / rowHeight) + OVERSCAN);
  return { start, end: Math.max(end, Math.min(total, start + 1)) };
}
