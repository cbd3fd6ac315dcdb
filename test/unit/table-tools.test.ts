import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { csvCell, parseCsv, toCsv } from '../../src/table/csv.js';
import { filterRows, foldForSearch, prepareFilter } from '../../src/table/filter.js';

describe('CSV', () => {
  it('quotes per RFC 4180 and ends lines with CRLF', () => {
    const csv = toCsv(
      [
        { header: 'Name', value: (r: { name: string; n: number | undefined }) => r.name },
        { header: 'Minutes', value: (r) => r.n },
      ],
      [
        { name: 'Plain', n: 1234.5 },
        { name: 'Comma, inc', n: 0 },
        { name: 'Say "hi"', n: undefined },
        { name: 'Two\nlines', n: 7 },
      ],
    );
    assert.equal(csv, 'Name,Minutes\r\nPlain,1234.5\r\n"Comma, inc",0\r\n"Say ""hi""",\r\n"Two\nlines",7\r\n');
    assert.deepEqual(parseCsv(csv), [
      ['Name', 'Minutes'],
      ['Plain', '1234.5'],
      ['Comma, inc', '0'],
      ['Say "hi"', ''],
      ['Two\nlines', '7'],
    ]);
  });

  it('defuses spreadsheet formulas in text, never in numbers', () => {
    for (const danger of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tTab', '\rCR']) {
      assert.ok(csvCell(danger).replace(/^"/, '').startsWith("'"), danger);
    }
    assert.equal(csvCell(-3), '-3');
    assert.equal(csvCell(Number.NaN), '');
    assert.equal(csvCell(true), 'true');
    assert.equal(csvCell(null), '');
  });

  it('parses a byte-order mark away', () => {
    assert.deepEqual(parseCsv('\uFEFFa,b\r\n1,2\r\n'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('filterRows', () => {
  const rows = [
    { name: 'Jönås Bokningar', entity: 'Växel Stockholm' },
    { name: 'Lucía', entity: 'Ventas LATAM' },
    { name: 'Billing', entity: undefined },
  ];
  const find = (q: string) => filterRows(rows, q, (r) => [r.name, r.entity]).map((r) => r.name);

  it('ignores case and accents', () => {
    assert.deepEqual(find('jonas'), ['Jönås Bokningar']);
    assert.deepEqual(find('LUCIA'), ['Lucía']);
    assert.equal(foldForSearch('Ångström'), 'angstrom');
  });

  it('matches every word, across name and entity', () => {
    assert.deepEqual(find('lucia latam'), ['Lucía']);
    assert.deepEqual(find('lucia stockholm'), []);
    assert.deepEqual(find('vaxel'), ['Jönås Bokningar']);
  });

  it('keeps everything, in order, for an empty query', () => {
    assert.equal(
      filterRows(rows, '  ', (r) => [r.name]),
      rows,
    );
  });
});

/** The filter as it was, folding every row's texts for every query: the reference. */
function referenceFilter<R>(rows: readonly R[], query: string, searchable: (row: R) => readonly (string | undefined)[]): readonly R[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((row) => {
    const haystack = foldForSearch(searchable(row).filter(Boolean).join('\n'));
    return words.every((word) => haystack.includes(word));
  });
}

describe('filterRows with folded texts kept per rows array', () => {
  const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('Jönås', 'Lucía', 'ΑΣ', 'STRASSE', 'Straße', 'İstanbul', 'ﬁnance', 'Agent 10', 'École', 'ＡＢＣ', 'a b', ''));
  const row = fc.record({ name: fc.option(text, { nil: undefined }), entity: fc.option(text, { nil: undefined }) });
  const query = fc.oneof(text, fc.constantFrom('', ' ', 'jonas', 'strasse', 'ss', 'σ', 'fi', 'e', 'agent 1', 'a b'));

  it('keeps the rows the reference keeps, for a series of queries, prepared or not (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 20 }), fc.array(query, { minLength: 1, maxLength: 4 }), fc.boolean(), async (rows, queries, prepared) => {
        const searchable = (r: { name: string | undefined; entity: string | undefined }) => [r.name, r.entity];
        if (prepared) await prepareFilter(rows, searchable);
        for (const q of queries) assert.deepEqual(filterRows(rows, q, searchable), referenceFilter(rows, q, searchable), `query ${JSON.stringify(q)}`);
      }),
    );
  });

  it('folds each row once per rows array, and again for a new array', async () => {
    let folds = 0;
    const rows = [{ name: 'Jönås' }, { name: 'Lucía' }, { name: 'Bo' }];
    const searchable = (r: { name: string }) => (folds++, [r.name]);
    assert.deepEqual(filterRows(rows, 'jo', searchable), [rows[0]]);
    assert.deepEqual(filterRows(rows, 'lu', searchable), [rows[1]]);
    assert.deepEqual(filterRows(rows, 'o', searchable), [rows[0], rows[2]]);
    assert.equal(folds, 3);
    const copy = [...rows];
    await prepareFilter(copy, searchable);
    assert.equal(folds, 6);
    assert.deepEqual(filterRows(copy, 'luc', searchable), [rows[1]]);
    assert.equal(folds, 6);
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await assert.rejects(prepareFilter([...rows], searchable, controller), /stop/);
  });
});
