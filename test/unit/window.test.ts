import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FIRST_SCREEN, isWindowed, OVERSCAN, rowRange, WINDOW_THRESHOLD } from '../../src/table/window.js';

describe('isWindowed', () => {
  it('keeps every row in the DOM up to the threshold', () => {
    assert.equal(isWindowed(0), false);
    assert.equal(isWindowed(WINDOW_THRESHOLD), false);
    assert.equal(isWindowed(WINDOW_THRESHOLD + 1), true);
  });
});

describe('rowRange', () => {
  it('renders the visible rows and a margin on each side', () => {
    // Rows of 40 px; the view shows 400 px starting at row 100.
    assert.deepEqual(rowRange({ total: 1000, rowHeight: 40, top: 4000, bottom: 4400 }), { start: 100 - OVERSCAN, end: 110 + OVERSCAN });
  });

  it('clamps at both ends of the list', () => {
    assert.deepEqual(rowRange({ total: 1000, rowHeight: 40, top: 0, bottom: 400 }), { start: 0, end: 10 + OVERSCAN });
    assert.deepEqual(rowRange({ total: 1000, rowHeight: 40, top: 39_800, bottom: 40_200 }), { start: 995 - OVERSCAN, end: 1000 });
  });

  it('shows a first screen when the table is below the view, has no size yet, or nothing to measure', () => {
    const first = { start: 0, end: FIRST_SCREEN };
    assert.deepEqual(rowRange({ total: 1000, rowHeight: 40, top: -900, bottom: -100 }), first);
    assert.deepEqual(rowRange({ total: 1000, rowHeight: 40, top: 0, bottom: 0 }), first);
    assert.deepEqual(rowRange({ total: 1000, rowHeight: 0, top: 0, bottom: 400 }), first);
    assert.deepEqual(rowRange({ total: 1000, rowHeight: Number.NaN, top: 0, bottom: 400 }), first);
    assert.deepEqual(rowRange({ total: 10, rowHeight: 40, top: -900, bottom: -100 }), { start: 0, end: 10 });
  });

  it('shows the last screen when the view is past the end', () => {
    assert.deepEqual(rowRange({ total: 1000, rowHeight: 40, top: 50_000, bottom: 50_400 }), { start: 1000 - FIRST_SCREEN, end: 1000 });
  });

  it('an empty list has no rows', () => {
    assert.deepEqual(rowRange({ total: 0, rowHeight: 40, top: 0, bottom: 400 }), { start: 0, end: 0 });
  });

  it('always covers every visible row, stays inside the list, and never grows with the list', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200_000 }),
        fc.double({ min: 10, max: 200, noNaN: true }),
        fc.double({ min: -1e6, max: 1e7, noNaN: true }),
        fc.double({ min: 1, max: 2000, noNaN: true }),
        (total, rowHeight, top, height) => {
          const { start, end } = rowRange({ total, rowHeight, top, bottom: top + height });
          assert.ok(0 <= start && start < end && end <= total);
          assert.ok(end - start <= Math.ceil(height / rowHeight) + 2 * OVERSCAN + 1 || end - start <= FIRST_SCREEN);
          const firstVisible = Math.max(0, Math.floor(top / rowHeight));
          const lastVisible = Math.min(total, Math.ceil((top + height) / rowHeight));
          if (firstVisible < total && lastVisible > 0) assert.ok(start <= firstVisible && end >= lastVisible);
        },
      ),
    );
  });
});
