import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { collator as sortCollator, compareValues, formatSort, nextSort, parseSort, prepareSortKeys, sortRows, type SortValue } from '../../src/table/sort.js';

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

/** The comparator sort `sortRows` replaced: the reference its order must equal. */
function referenceSort<R>(rows: readonly R[], value: (row: R) => SortValue, direction: 'asc' | 'desc', col: Intl.Collator): R[] {
  const sign = direction === 'desc' ? -1 : 1;
  const blank = (v: SortValue) => v === undefined || v === null || (typeof v === 'number' && Number.isNaN(v)) || (typeof v === 'string' && v.trim() === '');
  const decorated = rows.map((row, index) => ({ row, index, v: value(row) }));
  decorated.sort((x, y) => {
    const xb = blank(x.v);
    const yb = blank(y.v);
    if (xb || yb) return xb === yb ? x.index - y.index : xb ? 1 : -1;
    return sign * compareValues(x.v as never, y.v as never, col) || x.index - y.index;
  });
  return decorated.map((d) => d.row);
}

const anyValue: fc.Arbitrary<SortValue> = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(Infinity, -Infinity, -0, 0, Number.NaN, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.constantFrom('1.5', '-3', ' 42 ', '1e3', '.5', '007', '-0', '+2', '\u00a07', '1.10x', '0x10', 'Infinity'),
  fc.string({ maxLength: 5 }),
  fc.constantFrom('Alpha', 'alpha', 'Älpha', 'agent 9', 'agent 10', 'Zürich', 'Örebro', 'Oslo', 'ß', 'ss', 'a\u0301', 'á', ' ', '', '\t'),
  fc.boolean(),
  fc.constant(undefined),
  fc.constant(null),
);
/** Many distinct texts, so that a subset's texts rank far apart among all the prepared ones. */
const mostlyText = fc.oneof({ weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 4 }) }, { weight: 2, arbitrary: anyValue });
const locales = fc.constantFrom('en', 'sv', 'de', 'ja', 'ar', undefined);
const directions = fc.constantFrom('asc' as const, 'desc' as const);

describe('sortRows against the comparator sort it replaced', () => {
  it('gives the same order for any values, both directions, any locale (property)', () => {
    fc.assert(
      fc.property(fc.array(anyValue, { maxLength: 60 }), directions, locales, (values, direction, loc) => {
        const rows = values.map((v, index) => ({ v, index }));
        const col = sortCollator(loc);
        const column = (r: { v: SortValue }) => r.v;
        assert.deepEqual(sortRows(rows, column, direction, col), referenceSort(rows, column, direction, col));
      }),
    );
  });

  it('gives the same order once the column is prepared, for the rows prepared and any subset of them (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mostlyText, { maxLength: 60 }), fc.array(fc.boolean(), { maxLength: 60 }), directions, locales, async (values, keep, direction, loc) => {
        const rows = values.map((v, index) => ({ v, index }));
        const col = sortCollator(loc);
        const column = (r: { v: SortValue }) => r.v;
        await prepareSortKeys(rows, column, col);
        assert.deepEqual(sortRows(rows, column, direction, col), referenceSort(rows, column, direction, col));
        const subset = rows.filter((_, i) => keep[i] === true);
        assert.deepEqual(sortRows(subset, column, direction, col), referenceSort(subset, column, direction, col));
        // New rows with texts the preparation never saw: sorted right all the same.
        const more = [...rows, { v: 'zz new', index: -1 }, { v: 'Alpha 2', index: -2 }];
        assert.deepEqual(sortRows(more, column, direction, col), referenceSort(more, column, direction, col));
      }),
    );
  });

  it('sorts thousands of rows as the reference does, prepared or not, keeping ties and blanks in their order', async () => {
    const words = ['Ängel', 'angel', 'Zeta', 'zeta', 'agent 2', 'agent 10', 'Örebro', 'Oslo', 'ß', 'ss', '', ' ', 'Émile', 'emile'];
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      i,
      text: i % 17 === 0 ? undefined : `${words[i % words.length]} ${i % 5}`,
      n: i % 13 === 0 ? Number.NaN : i % 11 === 0 ? `${(i * 7) % 50}` : ((i * 7919) % 1000) / 10,
      b: i % 9 === 0 ? null : i % 2 === 0,
    }));
    const col = sortCollator('sv');
    const byText = (r: (typeof rows)[number]) => r.text;
    for (const column of [byText, (r: (typeof rows)[number]) => r.n, (r: (typeof rows)[number]) => r.b]) {
      for (const direction of ['asc', 'desc'] as const) assert.deepEqual(sortRows(rows, column, direction, col), referenceSort(rows, column, direction, col));
    }
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await assert.rejects(prepareSortKeys(rows, byText, col, controller), /stop/);
    await prepareSortKeys(rows, byText, col);
    for (const direction of ['asc', 'desc'] as const) assert.deepEqual(sortRows(rows, byText, direction, col), referenceSort(rows, byText, direction, col));
  });

  it('sorts a few of the prepared rows (a filter’s result) as the reference does, in a column mixing texts, numbers and yes/no', async () => {
    const values: SortValue[] = ['b', 'a', 'Zeta', 'zeta', 'Ö', 7, '3', true, false, undefined, 'agent 10', 'agent 9', '', null, 1.5, 'ä'];
    const rows = Array.from({ length: 3000 }, (_, i) => ({ i, v: i < 2000 ? `text ${i}` : values[i % values.length] }));
    const col = sortCollator('de');
    const column = (r: (typeof rows)[number]) => r.v;
    await prepareSortKeys(rows, column, col);
    for (const few of [rows.slice(-40), rows.filter((r) => r.i % 997 === 0 || r.i > 2980), [rows[1999]!, rows[2007]!, rows[2008]!, rows[2005]!]]) {
      for (const direction of ['asc', 'desc'] as const) {
        const sorted = sortRows(few, column, direction, col);
        assert.ok(
          sorted.every((r) => r !== undefined),
          'a hole in the result',
        );
        assert.deepEqual(sorted, referenceSort(few, column, direction, col), `${few.length} rows, ${direction}`);
      }
    }
  });
});
