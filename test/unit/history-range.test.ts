import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callsMonth, historyRange, pageBounds, pageLimit } from '../../src/model/history-range.js';

describe('history range', () => {
  it('takes a valid custom period, else the last 6 or 12 months up to the current one', () => {
    assert.deepEqual(historyRange('2026-01', '2026-03', 'last-12', '2026-11'), { from: '2026-01', to: '2026-03' });
    assert.deepEqual(historyRange('2026-04', '2026-03', 'last-12', '2026-11'), { from: '2025-12', to: '2026-11' });
    assert.deepEqual(historyRange(undefined, '2026-03', 'last-6', '2026-11'), { from: '2026-06', to: '2026-11' });
    assert.deepEqual(historyRange('2026-1', '2026-03', 'last-6', '2026-02'), { from: '2025-09', to: '2026-02' });
  });

  it('lists the calls of the chosen month when it is in the range, else of the last month', () => {
    const range = { from: '2026-06', to: '2026-11' };
    assert.equal(callsMonth('2026-07', range), '2026-07');
    assert.equal(callsMonth('2026-05', range), '2026-11');
    assert.equal(callsMonth('2026-12', range), '2026-11');
    assert.equal(callsMonth('nonsense', range), '2026-11');
  });

  it('keeps page sizes within what the backend accepts', () => {
    assert.equal(pageLimit(25), 25);
    assert.equal(pageLimit(10_000), 500);
    assert.equal(pageLimit(0), 50);
    assert.equal(pageLimit(-3), 1);
    assert.equal(pageLimit('abc'), 50);
    assert.equal(pageLimit(33.9), 33);
  });

  it('says where a page sits and clamps paging to the list', () => {
    const b = pageBounds(120, 50, 50, 50);
    assert.deepEqual([b.first, b.last, b.lastOffset, b.hasPrevious, b.hasNext], [51, 100, 100, true, true]);
    assert.equal(b.clamp(500), 100);
    assert.equal(b.clamp(-50), 0);
    const last = pageBounds(120, 100, 50, 20);
    assert.deepEqual([last.first, last.last, last.hasNext], [101, 120, false]);
    const empty = pageBounds(0, 0, 50, 0);
    assert.deepEqual([empty.first, empty.last, empty.lastOffset, empty.hasNext], [0, 0, 0, false]);
  });
});
