import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatSort, nextSort, parseSort, sortRows } from '../../src/table/sort.js';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

describe('parseSort / formatSort', () => {
  it('reads key:direction, key alone as ascending, and rejects junk', () => {
    assert.deepEqual(parseSort('billable:desc'), { key: 'billable', direction: 'desc' });
    assert.deepEqual(parseSort(' name '), { key: 'name', direction: 'asc' });
    assert.deepEqual(parseSort('name:DESC'), { key: 'name', direction: 'desc' });
    assert.equal(parseSort('name:sideways'), undefined);
    assert.equal(parseSort(''), undefined);
    assert.equal(parseSort(null), undefined);
    assert.equal(formatSort({ key: 'a', direction: 'desc' }), 'a:desc');
    assert.equal(formatSort(undefined), '');
  });
});

describe('nextSort', () => {
  it('starts a new column ascending and flips the sorted one', () => {
    assert.deepEqual(nextSort(undefined, 'a'), { key: 'a', direction: 'asc' });
    assert.deepEqual(nextSort({ key: 'a', direction: 'asc' }, 'a'), { key: 'a', direction: 'desc' });
    assert.deepEqual(nextSort({ key: 'a', direction: 'desc' }, 'a'), { key: 'a', direction: 'asc' });
    assert.deepEqual(nextSort({ key: 'a', direction: 'desc' }, 'b'), { key: 'b', direction: 'asc' });
  });
});

describe('sortRows', () => {
  const rows = [
    { id: 1, n: 10, s: 'beta' },
    { id: 2, n: undefined, s: '' },
    { id: 3, n: 2, s: 'Alpha' },
    { id: 4, n: 10, s: 'alpha' },
    { id: 5, n: Number.NaN, s: 'agent 10' },
    { id: 6, n: 100, s: 'agent 9' },
  ];
  const ids = (list: typeof rows) => list.map((r) => r.id);

  it('sorts numbers numerically, not as text', () => {
    assert.deepEqual(ids(sortRows(rows, (r) => r.n, 'asc', collator)), [3, 1, 4, 6, 2, 5]);
  });

  it('keeps blanks (undefined, NaN, empty text) last in both directions, in their original order', () => {
    assert.deepEqual(ids(sortRows(rows, (r) => r.n, 'desc', collator)), [6, 1, 4, 3, 2, 5]);
    assert.deepEqual(ids(sortRows(rows, (r) => r.s, 'desc', collator)).slice(-1), [2]);
  });

  it('is stable: equal values keep their order in both directions', () => {
    const asc = ids(sortRows(rows, (r) => r.n, 'asc', collator));
    const desc = ids(sortRows(rows, (r) => r.n, 'desc', collator));
    assert.ok(asc.indexOf(1) < asc.indexOf(4));
    assert.ok(desc.indexOf(1) < desc.indexOf(4));
  });

  it('compares text with the collator: case-insensitive, numeric-aware', () => {
    assert.deepEqual(ids(sortRows(rows, (r) => r.s, 'asc', collator)), [6, 5, 3, 4, 1, 2]);
  });

  it('follows the locale: Swedish puts Ö after Z', () => {
    const sv = new Intl.Collator('sv', { sensitivity: 'base' });
    const names = [{ s: 'Örebro' }, { s: 'Zürich' }, { s: 'Oslo' }];
    assert.deepEqual(
      sortRows(names, (r) => r.s, 'asc', sv).map((r) => r.s),
      ['Oslo', 'Zürich', 'Örebro'],
    );
  });

  it('sorts booleans true first when ascending', () => {
    const flags = [{ b: false }, { b: true }, { b: undefined }, { b: true }];
    assert.deepEqual(
      sortRows(flags, (r) => r.b, 'asc', collator).map((r) => r.b),
      [true, true, false, undefined],
    );
  });

  it('does not mutate its input', () => {
    const copy = [...rows];
    sortRows(rows, (r) => r.n, 'asc', collator);
    assert.deepEqual(rows, copy);
  });
});
