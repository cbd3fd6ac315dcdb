import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, parseCsv, toCsv } from '../../src/table/csv.js';
import { filterRows, foldForSearch } from '../../src/table/filter.js';

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
