/**
 * Property-based tests (fast-check) for the pure layers every element renders through: sorting,
 * filtering, formatting, months, and validation. Each property runs on generated inputs; a failure
 * prints fast-check's counterexample with its `seed` and `path`. To replay one, run this file with
 * `FC_SEED=<seed> FC_PATH=<path> node --import tsx --test --test-name-pattern '<test name>' test/unit/properties.test.ts`
 * (`FC_RUNS=<n>` runs each property n times instead of 100).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { collator, compareValues, sortRows, type SortValue } from '../../src/table/sort.js';
import { filterRows, foldForSearch } from '../../src/table/filter.js';
import {
  formatAmount,
  formatChange,
  formatCount,
  formatDate,
  formatDateTime,
  formatDuration,
  formatMonth,
  formatMonthName,
  entityTypeLabel,
  typeName,
  numberFormat,
  NOT_AVAILABLE,
} from '../../src/format/format.js';
import { describeLicense } from '../../src/format/license.js';
import { addMonths, daysInMonth, isMonth, monthRange, monthToUtcDate } from '../../src/model/months.js';
import { callsMonth, historyRange } from '../../src/model/history-range.js';
import { UsageDataError } from '../../src/sources/data-source.js';
import { validateVoiceAgents } from '../../src/validate/voice-agents.js';
import { validateMessagingAgents } from '../../src/validate/messaging-agents.js';
import { validateVoicePlan } from '../../src/validate/plan.js';
import { validateHistory } from '../../src/validate/history.js';
import { validateCallsPage } from '../../src/validate/calls.js';
import type { Problem } from '../../src/validate/validate.js';
import * as before from './support/validators-before.js';

// A failure reports its seed and path (and the assertion that failed); FC_SEED/FC_PATH replay it.
fc.configureGlobal({
  includeErrorInReport: true,
  ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}),
  ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}),
  ...(process.env.FC_RUNS ? { numRuns: Number(process.env.FC_RUNS) } : {}),
});

// ---------------------------------------------------------------------------------------------
// Shared arbitraries and oracles
// ---------------------------------------------------------------------------------------------

const LOCALES = ['en-US', 'en-GB', 'sv-SE', 'de-DE', 'de-CH', 'fr-FR', 'ar-EG', 'fa-IR', 'hi-IN', 'ja-JP', undefined] as const;
const locale = fc.constantFrom(...LOCALES);

/** Names of `Object.prototype` members (and the like), as data: field values, object keys. */
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'length'];

/** Any number, the awkward ones made likely: ±0, ±Infinity, NaN, the largest and smallest doubles, rounding edges. */
const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, Number.NaN, Infinity, -Infinity, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE, Number.EPSILON, -Number.EPSILON),
  fc.constantFrom(-0.4, -0.5, -0.04, -0.05, -0.0004, -0.00049, -1e-9, 0.4999, 1e21, -1e21, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 1000),
);

const ZERO_DIGITS = new Set(['0', '\u0660', '\u06F0', '\u0966', '\u09E6', '\uFF10']);
const MINUS = /[-\u2212\u2012\u2013\uFE63\uFF0D]/;
const MINUS_ALL = new RegExp(MINUS.source, 'g');

/** Text a user should never read: a missing value or a broken number spelled out, or a minus sign on a zero. */
function dirty(text: string): string | undefined {
  if (/NaN|Infinity|∞|undefined|null|\[object/i.test(text)) return 'spells out a broken value';
  const digits = [...text].filter((c) => /\p{Nd}/u.test(c));
  if (MINUS.test(text) && digits.length > 0 && digits.every((d) => ZERO_DIGITS.has(d))) return 'shows a minus sign on a zero';
  return undefined;
}

function assertClean(text: unknown, what: string): void {
  assert.equal(typeof text, 'string', `${what} returned ${typeof text}`);
  const problem = dirty(text as string);
  assert.equal(problem, undefined, `${what} → ${show(text)} ${problem}`);
}

/** Any value as text for a message, safely (fast-check's own printer: no throw on odd objects). */
const show = (value: unknown) => fc.stringify(value);

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** The oracle: a `YYYY-MM` month of the years 0001–9999. */
const isValidMonth = (value: unknown): value is string => typeof value === 'string' && MONTH_PATTERN.test(value) && Number(value.slice(0, 4)) >= 1;
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOfIndex = (index: number) => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
const FIRST_INDEX = monthIndex('0001-01');
const LAST_INDEX = monthIndex('9999-12');

/** A valid month anywhere in 0001-01…9999-12, the edges made likely. */
const validMonth = fc.oneof(
  fc.integer({ min: FIRST_INDEX, max: LAST_INDEX }).map(monthOfIndex),
  fc.constantFrom('0001-01', '0001-12', '0099-12', '0100-01', '1899-12', '1900-01', '1969-12', '1970-01', '2026-02', '9999-01', '9999-12'),
);
/** Strings that look almost like months. */
const monthLike = fc.oneof(
  fc.tuple(fc.integer({ min: -20, max: 12000 }), fc.integer({ min: -2, max: 14 })).map(([y, m]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`),
  fc.constantFrom(
    '0000-01',
    '0000-12',
    '10000-01',
    '2026-13',
    '2026-00',
    '2026-1',
    '2026-011',
    ' 2026-05',
    '2026-05 ',
    '2026-05\n',
    '２０２６-０５',
    '2026/05',
    '2026-05-01',
    '-001-01',
    '+2026-05',
    '',
  ),
  validMonth.map((m) => `${m} `),
);
const anyMonthInput = fc.oneof(validMonth, monthLike, fc.string(), fc.anything());

// ---------------------------------------------------------------------------------------------
// Sorting
// ---------------------------------------------------------------------------------------------

const isBlank = (v: SortValue) => v === undefined || v === null || (typeof v === 'number' && Number.isNaN(v)) || (typeof v === 'string' && v.trim() === '');

const numericString = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer({ min: -10_000, max: 10_000 }).map(String),
  fc.integer({ min: -100_000, max: 100_000 }).map((n) => (n / 100).toString()),
  fc.constantFrom('1.5', '1.25', '1.10', '1.3', '-5', '-3', '-0', '0', '007', '1e3', '10', '9', ' 42 '),
);
const sortValue: fc.Arbitrary<SortValue> = fc.oneof(
  fc.double(),
  fc.integer({ min: -20, max: 20 }),
  fc.constantFrom(Infinity, -Infinity, -0, 0),
  numericString,
  fc.string({ maxLength: 6 }),
  fc.constantFrom('Alpha', 'alpha', 'Älpha', 'agent 9', 'agent 10', 'Zürich', 'Örebro', 'Oslo', 'ß', 'ss', '1.4', '1.10x', ' ', ''),
  fc.boolean(),
  fc.constant(undefined),
  fc.constant(null),
);
const sortLocale = fc.constantFrom('en', 'sv', 'de', 'ar', 'ja', undefined);
const nonBlank = sortValue.filter((v) => !isBlank(v)) as fc.Arbitrary<Exclude<SortValue, null | undefined>>;
const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe('sorting (properties)', () => {
  it('compares any two values as a total order: reflexive, antisymmetric, transitive, never NaN', () => {
    fc.assert(
      fc.property(nonBlank, nonBlank, nonBlank, sortLocale, (a, b, c, loc) => {
        const col = collator(loc);
        const ab = compareValues(a, b, col);
        const ba = compareValues(b, a, col);
        const bc = compareValues(b, c, col);
        const ac = compareValues(a, c, col);
        for (const r of [ab, ba, bc, ac]) assert.ok(!Number.isNaN(r), 'comparison gave NaN');
        assert.equal(compareValues(a, a, col), 0, 'a value equals itself');
        assert.ok(sign(ab) === -sign(ba), `antisymmetric: ${ab} and ${ba}`);
        if (ab <= 0 && bc <= 0) assert.ok(ac <= 0, `transitive: ${String(a)} ≤ ${String(b)} ≤ ${String(c)} but not ${String(a)} ≤ ${String(c)}`);
        if (ab === 0 && bc === 0) assert.equal(ac, 0, 'equality is transitive');
      }),
    );
  });

  it('never compares numeric strings as text: they order as the numbers they spell, also against numbers', () => {
    const num = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -1000, max: 1000 }).map((n) => n / 8),
    );
    fc.assert(
      fc.property(num, num, fc.boolean(), fc.boolean(), sortLocale, (x, y, xText, yText, loc) => {
        const a = xText ? String(x) : x;
        const b = yText ? String(y) : y;
        assert.equal(sign(compareValues(a, b, collator(loc))), sign(x === y ? 0 : x < y ? -1 : 1), `${show(a)} vs ${show(b)}`);
      }),
    );
  });

  it('sorts any rows into a stable permutation, in order, blanks last in both directions', () => {
    fc.assert(
      fc.property(fc.array(sortValue, { maxLength: 40 }), fc.constantFrom('asc' as const, 'desc' as const), sortLocale, (values, direction, loc) => {
        const rows = values.map((v, index) => ({ v, index }));
        const col = collator(loc);
        const sorted = sortRows(rows, (r) => r.v, direction, col);
        // A permutation of the input, which is left alone.
        assert.deepEqual(
          sorted.map((r) => r.index).sort((x, y) => x - y),
          rows.map((r) => r.index),
        );
        assert.deepEqual(
          rows.map((r) => r.index),
          values.map((_, i) => i),
        );
        // Blanks last, in their original order.
        const firstBlank = sorted.findIndex((r) => isBlank(r.v));
        if (firstBlank >= 0) {
          const tail = sorted.slice(firstBlank);
          assert.ok(
            tail.every((r) => isBlank(r.v)),
            'no value after a blank',
          );
          assert.deepEqual(
            tail.map((r) => r.index),
            rows.filter((r) => isBlank(r.v)).map((r) => r.index),
          );
        }
        // Neighbours in order; equal neighbours in their original order (stable both ways).
        const dir = direction === 'desc' ? -1 : 1;
        for (let i = 1; i < sorted.length; i++) {
          const p = sorted[i - 1]!;
          const q = sorted[i]!;
          if (isBlank(p.v) || isBlank(q.v)) continue;
          const cmp = dir * compareValues(p.v as never, q.v as never, col);
          assert.ok(cmp <= 0, `out of order: ${String(p.v)} before ${String(q.v)} (${direction})`);
          if (cmp === 0) assert.ok(p.index < q.index, `not stable: ${String(p.v)} (row ${p.index}) before ${String(q.v)} (row ${q.index})`);
        }
      }),
    );
  });

  it('sorts descending as the reverse of ascending, ties and blanks aside', () => {
    fc.assert(
      fc.property(fc.array(nonBlank, { maxLength: 30 }), sortLocale, (values, loc) => {
        const col = collator(loc);
        const rows = values.map((v, index) => ({ v, index }));
        const asc = sortRows(rows, (r) => r.v, 'asc', col).map((r) => r.v);
        const desc = sortRows(rows, (r) => r.v, 'desc', col).map((r) => r.v);
        const reversed = [...desc].reverse();
        for (let i = 0; i < asc.length; i++) assert.equal(compareValues(asc[i]!, reversed[i]!, col), 0, `position ${i}`);
      }),
    );
  });

  it('gives a collator for any locale string, one per locale, never throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), sortLocale, fc.constantFrom('x', 'en_US', 'sv-SE', 'not a locale', '-', 'i-klingon', 'en-US-u-co-phonebk')), (loc) => {
        const c = collator(loc);
        assert.equal(typeof c.compare('a', 'b'), 'number');
        assert.equal(collator(loc), c);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Filtering
// ---------------------------------------------------------------------------------------------

const nameText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('Jönås', 'Lucía', 'ΑΣ', 'ΟΔΟΣ Α', 'STRASSE', 'Straße', 'İstanbul', 'ǅemal', 'ﬁnance', 'Agent 10', 'e\u0301cole', 'École', '한국', 'ＡＢＣ', 'Ñandú'),
);

describe('filtering (properties)', () => {
  it('keeps, in order, exactly the rows that contain every word, and all rows for a blank query', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(nameText, fc.option(nameText, { nil: undefined })), { maxLength: 12 }), fc.oneof(nameText, fc.constantFrom('', ' ', '\t\n')), (rows, query) => {
        const shown = filterRows(rows, query, (r) => r);
        // A subsequence of the input.
        let at = 0;
        for (const row of shown) {
          at = rows.indexOf(row, at);
          assert.ok(at >= 0, 'a shown row that is not in the input, or out of order');
          at++;
        }
        if (query.trim() === '') assert.equal(shown.length, rows.length, 'a blank query keeps every row');
        // Every word order gives the same rows.
        const words = query.split(/\s+/).filter(Boolean);
        assert.deepEqual(
          filterRows(rows, [...words].reverse().join(' '), (r) => r),
          shown,
        );
      }),
    );
  });

  it('finds a row by any part of its name, typed in any case or without accents', () => {
    const named = nameText.chain((name) => {
      const chars = [...name];
      return fc.record({
        name: fc.constant(name),
        start: fc.nat({ max: chars.length }),
        length: fc.nat({ max: chars.length }),
        typed: fc.constantFrom('as is', 'upper', 'lower', 'no accents'),
      });
    });
    fc.assert(
      fc.property(named, fc.array(nameText, { maxLength: 4 }), ({ name, start, length, typed }, others) => {
        const part = [...name].slice(start, start + length).join('');
        const query =
          // (The Greek iota subscript is a diacritic here: typed in capitals it would be a letter, "ᾳ" → "ΑΙ".)
          typed === 'upper'
            ? part
                .normalize('NFD')
                .replace(/\u0345/g, '')
                .toUpperCase()
            : typed === 'lower'
              ? part.toLowerCase()
              : typed === 'no accents'
                ? part.normalize('NFD').replace(/\p{M}/gu, '')
                : part;
        const rows = [...others.map((o) => ({ name: o })), { name }];
        const shown = filterRows(rows, query, (r) => [r.name]);
        assert.ok(shown.includes(rows[rows.length - 1]!), `"${name}" not found by ${show(query)} (folded ${show(foldForSearch(query))} in ${show(foldForSearch(name))})`);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

describe('formatting (properties)', () => {
  it('formats any number as a count or amount in any locale without NaN, Infinity, undefined, null or a minus zero', () => {
    fc.assert(
      fc.property(anyNumber, locale, fc.integer({ min: 0, max: 4 }), (n, loc, digits) => {
        assertClean(formatCount(n, loc), `formatCount(${n}, ${loc})`);
        assertClean(formatAmount(n, loc), `formatAmount(${n}, ${loc})`);
        assertClean(formatAmount(n, loc, digits), `formatAmount(${n}, ${loc}, ${digits})`);
        if (!Number.isFinite(n)) {
          assert.equal(formatCount(n, loc), NOT_AVAILABLE);
          assert.equal(formatAmount(n, loc), NOT_AVAILABLE);
        }
      }),
    );
  });

  it('formats any change as a signed percentage without NaN, Infinity or a minus zero', () => {
    fc.assert(
      fc.property(anyNumber, locale, (n, loc) => {
        const text = formatChange(n, loc);
        assertClean(text, `formatChange(${n}, ${loc})`);
        if (!Number.isFinite(n)) assert.equal(text, NOT_AVAILABLE);
      }),
    );
  });

  it('formats percentages and prices the way the elements call them, for any number', () => {
    const currency = fc.constantFrom('EUR', 'SEK', 'USD', 'JPY', 'CHF', 'BHD');
    fc.assert(
      fc.property(anyNumber.filter(Number.isFinite), locale, currency, (n, loc, cur) => {
        // <ai-messaging-usage>: the share of new cases (0..100) as a percentage.
        assertClean(numberFormat(loc, { style: 'percent', maximumFractionDigits: 1 }).format(n / 100), `engagement percent of ${n} (${loc})`);
        // The usage dialog: used / included minutes.
        assertClean(numberFormat(loc, { style: 'percent', maximumFractionDigits: 0 }).format(n), `usage share ${n} (${loc})`);
        // The pricing plans: the price per minute.
        assertClean(numberFormat(loc, { style: 'currency', currency: cur, minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(n), `price ${n} ${cur} (${loc})`);
      }),
    );
  });

  it('formats any call length as m:ss or h:mm:ss, never NaN or a minus zero', () => {
    fc.assert(
      fc.property(fc.oneof(anyNumber, fc.anything()), (n) => {
        const text = formatDuration(n);
        assertClean(text, `formatDuration(${show(n)})`);
        if (typeof n === 'number' && Number.isFinite(n) && n >= 0 && n < 1e15) assert.match(text, /^\d+(:[0-5]\d){1,2}$/, `formatDuration(${n})`);
        else if (!(typeof n === 'number' && Number.isFinite(n) && n >= 0)) assert.equal(text, NOT_AVAILABLE);
      }),
    );
  });

  it('formats any month value in any locale: the month itself, or "not available"', () => {
    const english = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    fc.assert(
      fc.property(anyMonthInput, locale, (value, loc) => {
        assertClean(formatMonth(value, loc), `formatMonth(${show(value)}, ${loc})`);
        assertClean(formatMonth(value, loc, 'short'), `formatMonth(${show(value)}, ${loc}, short)`);
        assertClean(formatMonthName(value, loc), `formatMonthName(${show(value)}, ${loc})`);
        const en = formatMonth(value, 'en-US');
        if (isValidMonth(value)) {
          // The year as written, never shifted (0050 is the year 50, not 1950).
          const expected = `${english[Number(value.slice(5, 7)) - 1]} ${Number(value.slice(0, 4))}`;
          assert.equal(en, expected, `formatMonth(${show(value)}, en-US)`);
        } else assert.equal(en, NOT_AVAILABLE, `formatMonth(${show(value)}, en-US) is not a month`);
      }),
    );
  });

  it('formats any instant or text in any locale and time zone without throwing or spelling out a broken value', () => {
    const instant = fc.oneof(
      fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom('2026-11-30T23:30:00Z', '2026-02-30T00:00:00Z', '+275760-09-13T00:00:00Z', '-271821-04-20T00:00:00Z', '0000-01-01T00:00:00Z', 'yesterday', '', 'null', 'NaN'),
      fc.string(),
      fc.anything(),
    );
    const zone = fc.oneof(fc.constantFrom('Europe/Stockholm', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC', 'Etc/GMT+12', 'Not/AZone', '', undefined), fc.string());
    fc.assert(
      fc.property(instant, locale, zone, fc.boolean(), (value, loc, z, withZone) => {
        assertClean(formatDateTime(value, loc, z, withZone), `formatDateTime(${show(value)}, ${loc}, ${show(z)})`);
        assertClean(formatDate(value, loc, z), `formatDate(${show(value)}, ${loc}, ${show(z)})`);
      }),
    );
  });
  it('labels any entity or license type by its own name, never by a member of Object.prototype', () => {
    const type = fc.oneof(fc.constantFrom(...PROTO_KEYS, 'response-group', 'phone-number', 'web-chat', 'unlimited', 'trial', 'sip-trunk', '<b>x</b>'), fc.string());
    const endsAt = fc.option(fc.constantFrom('2026-12-12T00:00:00Z', '2020-01-01T00:00:00Z', 'soon'), { nil: undefined });
    fc.assert(
      fc.property(type, endsAt, locale, (t, end, loc) => {
        const label = entityTypeLabel(t);
        // An unknown type is shown by its own name (the host's text, e.g. "0-"), which is not a number:
        // the number rule (no minus on a zero) applies to everything else the label could be.
        assertClean(label === typeName(t) ? label.replace(MINUS_ALL, '') : label, `entityTypeLabel(${show(t)})`);
        assert.doesNotMatch(label, /function|native code|\[object/, `entityTypeLabel(${show(t)}) → ${show(label)}`);
        const license = describeLicense(t, end, new Date('2026-11-27T12:00:00Z'), loc, 'Europe/Stockholm');
        if (license) {
          for (const part of [license.label, license.detail]) {
            assertClean(part === typeName(t) ? part.replace(MINUS_ALL, '') : part, `describeLicense(${show(t)}, ${show(end)})`);
            assert.doesNotMatch(part, /function|native code|\[object/, `describeLicense(${show(t)}) → ${show(part)}`);
          }
        }
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Months
// ---------------------------------------------------------------------------------------------

/** Runs `f`; a `RangeError` is the documented rejection of an invalid month, anything else fails. */
function monthOrRejection<T>(f: () => T): T | 'rejected' {
  try {
    return f();
  } catch (error) {
    assert.ok(error instanceof RangeError, `threw ${String(error)} instead of rejecting with a RangeError`);
    return 'rejected';
  }
}

describe('months (properties)', () => {
  it('tells a valid month (0001-01…9999-12) from anything else, never throwing', () => {
    fc.assert(
      fc.property(anyMonthInput, (value) => {
        assert.equal(isMonth(value), isValidMonth(value), `isMonth(${show(value)})`);
      }),
    );
  });

  it('adds any number of months to a month: the exact month, or a rejection (never an invalid month) past 0001–9999', () => {
    const delta = fc.oneof(fc.integer({ min: -240, max: 240 }), fc.integer({ min: -130_000, max: 130_000 }));
    fc.assert(
      fc.property(validMonth, delta, (month, d) => {
        const result = monthOrRejection(() => addMonths(month, d));
        const target = monthIndex(month) + d;
        if (target >= FIRST_INDEX && target <= LAST_INDEX) assert.equal(result, monthOfIndex(target), `addMonths(${month}, ${d})`);
        else if (result !== 'rejected') assert.ok(isValidMonth(result), `addMonths(${month}, ${d}) → ${show(result)}`);
      }),
    );
  });

  it('rejects or answers for any string given as a month, never with an invalid month', () => {
    fc.assert(
      fc.property(anyMonthInput, fc.integer({ min: -24, max: 24 }), (value, d) => {
        const added = monthOrRejection(() => addMonths(value as string, d));
        if (added !== 'rejected') assert.ok(isValidMonth(added), `addMonths(${show(value)}, ${d}) → ${show(added)}`);
        const days = monthOrRejection(() => daysInMonth(value as string));
        if (days !== 'rejected') assert.ok(days >= 28 && days <= 31, `daysInMonth(${show(value)}) → ${days}`);
        const date = monthOrRejection(() => monthToUtcDate(value as string));
        if (date !== 'rejected') {
          assert.ok(isValidMonth(value), `monthToUtcDate(${show(value)}) accepted a non-month`);
          assert.equal(date.getUTCFullYear(), Number((value as string).slice(0, 4)), `monthToUtcDate(${show(value)}) year`);
          assert.equal(date.getUTCMonth() + 1, Number((value as string).slice(5, 7)), `monthToUtcDate(${show(value)}) month`);
        }
      }),
    );
  });

  it('lists every month from one month to another, both included, each valid and in range', () => {
    const span = fc.tuple(validMonth, fc.integer({ min: -3, max: 40 }));
    fc.assert(
      fc.property(span, ([from, length]) => {
        const toIndex = Math.min(LAST_INDEX, monthIndex(from) + length);
        const to = monthOfIndex(toIndex);
        const list = monthOrRejection(() => monthRange(from, to));
        assert.notEqual(list, 'rejected', `monthRange(${from}, ${to}) threw`);
        const months = list as string[];
        const expected = Math.max(0, toIndex - monthIndex(from) + 1);
        assert.equal(months.length, expected, `monthRange(${from}, ${to}) length`);
        months.forEach((m, i) => {
          assert.ok(isValidMonth(m), `monthRange(${from}, ${to}) has ${show(m)}`);
          assert.equal(monthIndex(m), monthIndex(from) + i);
        });
      }),
    );
  });

  it('picks a valid, ordered history period for any from/to/period around any current month', () => {
    fc.assert(
      fc.property(anyMonthInput, anyMonthInput, fc.oneof(fc.constantFrom('last-6', 'last-12'), fc.string()), validMonth, (from, to, period, current) => {
        let range: { from: string; to: string } | undefined;
        assert.doesNotThrow(
          () => {
            range = historyRange(from, to, period, current);
          },
          `historyRange(${show(from)}, ${show(to)}, ${show(period)}, ${current}) threw`,
        );
        const r = range!;
        assert.ok(isValidMonth(r.from) && isValidMonth(r.to), `historyRange(${show(from)}, ${show(to)}, ${show(period)}, ${current}) → ${show(r)}`);
        assert.ok(r.from <= r.to, `from after to: ${show(r)}`);
        // A valid custom period is kept (ending at its last month; a very long one may be shortened).
        if (isValidMonth(from) && isValidMonth(to) && from <= to) assert.ok(r.to === to && r.from >= from, `historyRange(${from}, ${to}) → ${show(r)}`);
        // The calls month is always one of the period's months.
        const m = callsMonth(from, r);
        assert.ok(isValidMonth(m) && m >= r.from && m <= r.to, `callsMonth(${show(from)}, ${show(r)}) → ${show(m)}`);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

/** A hostile value for one field: any JSON, and the values that broke things before. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    -0,
    -1,
    0.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    2 ** 64,
    Number.NaN,
    Infinity,
    -Infinity,
    '',
    ' ',
    '\u200B',
    '12',
    'NaN',
    '<img src=x onerror=alert(1)>',
  ),
  fc.constantFrom(...PROTO_KEYS),
  fc.constantFrom('2026-11', '2026-13', '0000-01', '9999-12', '2026-11 ', '2026-11-30T23:30:00Z', '2026-02-30T00:00:00Z', 'Europe/Stockholm', 'Not/AZone'),
  fc.constantFrom(null, undefined, true, false, [], {}),
);

/** An object with own keys from `keys` (prototype names included, as own properties the way JSON.parse makes them). */
function objectOf(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(fields).map(([key, arb]) =>
    fc.option(
      arb.map((value) => [key, value] as const),
      { nil: undefined, freq: 5 },
    ),
  );
  const extra = fc.array(fc.tuple(fc.constantFrom(...PROTO_KEYS), hostileValue), { maxLength: 2 });
  return fc.tuple(fc.tuple(...entries), extra, fc.boolean()).map(([own, more, nullProto]) => {
    const out: Record<string, unknown> = nullProto ? Object.create(null) : {};
    for (const entry of [...own, ...more]) {
      if (entry) Object.defineProperty(out, entry[0], { value: entry[1], enumerable: true, writable: true, configurable: true });
    }
    return out;
  });
}

const field = (good: fc.Arbitrary<unknown>) => fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: hostileValue });
const count = field(fc.nat());
const amount = field(fc.double({ min: 0, max: 1e6, noNaN: true }));
const text = field(fc.string({ minLength: 1, maxLength: 8 }));
const instant = field(fc.constantFrom('2026-11-30T23:30:00Z', '2026-01-01T00:00:00+01:00'));
const entity = field(objectOf({ id: text, name: text, type: field(fc.constantFrom('response-group', 'phone-number', 'constructor', '__proto__')) }));

const voiceAgent = objectOf({
  id: text,
  name: text,
  active: field(fc.boolean()),
  entity,
  activatedAt: instant,
  callsEngagedThisMonth: count,
  callsHandledSinceActivation: count,
  billableMinutesThisMonth: amount,
  billableMinutesSinceActivation: amount,
  nonBillableCallsThisMonth: count,
  nonBillableCallsSinceActivation: count,
});
const messagingAgent = objectOf({
  id: text,
  name: text,
  entity,
  license: field(objectOf({ type: field(fc.constantFrom('unlimited', 'trial', 'pilot')), endsAt: instant })),
  engagement: field(objectOf({ newCasesPercentWhenOpen: field(fc.integer({ min: 0, max: 100 })), handlesWhenClosed: field(fc.boolean()) })),
  priceCredits: amount,
  engagedCases: count,
});
const plan = objectOf({ id: text, name: text, currency: field(fc.constantFrom('EUR', 'SEK', 'eur', 'EURO')), pricePerMinute: amount, includedMinutes: amount });
const call = objectOf({
  id: text,
  startedAt: instant,
  durationSeconds: amount,
  agentId: text,
  agentName: text,
  takenBy: field(objectOf({ kind: field(fc.constantFrom('ai-agent', 'user', 'robot')), name: text })),
  billable: field(fc.boolean()),
});
const historyMonth = (from: string, to: string) =>
  objectOf({
    month: field(fc.oneof(fc.integer({ min: monthIndex(from) - 2, max: monthIndex(to) + 2 }).map(monthOfIndex), monthLike)),
    callsEngaged: count,
    billableMinutes: amount,
    nonBillableCalls: count,
  });

/** A list that may be sparse, with rows that may be anything at all. */
const rowsOf = (row: fc.Arbitrary<unknown>) =>
  fc.oneof(fc.array(fc.oneof({ weight: 4, arbitrary: row }, { weight: 1, arbitrary: hostileValue }), { maxLength: 8 }), fc.sparseArray(row, { maxLength: 8 }));

/** A body shaped like the contract, or any JSON at all, or the list where the body should be. */
const answer = (listKey: string, row: fc.Arbitrary<unknown>, header: Record<string, fc.Arbitrary<unknown>> = {}) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.tuple(objectOf(header), rowsOf(row)).map(([body, list]) => Object.assign(body, { [listKey]: list })) },
    { weight: 1, arbitrary: fc.jsonValue() },
    { weight: 1, arbitrary: hostileValue },
    { weight: 1, arbitrary: rowsOf(row) },
    { weight: 1, arbitrary: objectOf({ [listKey]: hostileValue }) },
  );

/** Runs a validator; a `UsageDataError` (unusable as a whole) is the only thing it may throw or reject with. */
async function validated<T>(run: () => T | Promise<T>, what: string): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    assert.ok(error instanceof UsageDataError, `${what} threw ${String(error)} instead of a UsageDataError`);
    return undefined;
  }
}

/** Runs a validator and the synchronous one it replaced: the same view (keys in the same order), or the same error. */
async function sameAsBefore<T>(run: () => Promise<T>, reference: () => T, what: string): Promise<T | undefined> {
  let expected: T | undefined;
  let expectedError: unknown;
  try {
    expected = reference();
  } catch (error) {
    expectedError = error;
  }
  const view = await validated(run, what);
  if (expectedError !== undefined) {
    assert.equal(view, undefined, `${what} gave a view where it used to throw ${String(expectedError)}`);
    await assert.rejects(run(), (error: Error) => error.message === (expectedError as Error).message && (error as UsageDataError).kind === (expectedError as UsageDataError).kind);
    return undefined;
  }
  assert.deepStrictEqual(view, expected, `${what}: not the view it used to give`);
  assert.equal(JSON.stringify(view), JSON.stringify(expected), `${what}: keys in another order`);
  return view;
}

/** Indexes 0..length-1 of the input list (holes included: a hole is a row too). */
const indexes = (list: unknown) => (Array.isArray(list) ? Array.from({ length: list.length }, (_, i) => i) : []);
const reported = (problems: readonly Problem[], index: number) => problems.some((p) => p.row === index + 1);

/** Every input row is a row of the view, in order, and a row is marked exactly when it was reported. */
function everyRowShown(
  list: unknown,
  view: { rows: { hasProblem: boolean }[]; problems: Problem[]; rowsWithProblems: number } | { plans: { hasProblem: boolean }[]; problems: Problem[] },
  what: string,
) {
  const rows = 'rows' in view ? view.rows : view.plans;
  const expected = indexes(list);
  assert.equal(rows.length, expected.length, `${what}: ${expected.length} rows in, ${rows.length} out`);
  for (const i of expected) {
    assert.ok(i in rows && rows[i] !== undefined, `${what}: row ${i + 1} is neither shown nor reported (a hole in the rows)`);
    assert.equal(rows[i]!.hasProblem, reported(view.problems, i), `${what}: row ${i + 1} marked ${rows[i]!.hasProblem} but reported ${reported(view.problems, i)}`);
  }
  if ('rowsWithProblems' in view) assert.equal(view.rowsWithProblems, rows.filter((r) => r.hasProblem).length, `${what}: rowsWithProblems`);
  for (const p of view.problems) assertClean(unquoted(p.message), `${what}: problem message`);
}

/** A message without the data it quotes (a name or text the backend sent, which may well read "NaN"). */
const unquoted = (message: string) => message.replace(/“[^”]*”?/gu, '“…”');

const listOf = (input: unknown, key: string) => (typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>)[key] : undefined);

describe('validation (properties)', () => {
  it('validates any voice/agents answer as before, without throwing (but a UsageDataError), and shows or reports every row', async () => {
    await fc.assert(
      fc.asyncProperty(answer('agents', voiceAgent, { month: field(validMonth), timeZone: field(fc.constant('Europe/Stockholm')), asOf: instant }), async (input) => {
        const view = await sameAsBefore(
          () => validateVoiceAgents(input),
          () => before.validateVoiceAgents(input),
          'validateVoiceAgents',
        );
        if (view) everyRowShown(listOf(input, 'agents'), view, 'voice/agents');
      }),
    );
  });

  it('validates any messaging/agents answer as before, without throwing (but a UsageDataError), and shows or reports every row', async () => {
    await fc.assert(
      fc.asyncProperty(answer('agents', messagingAgent, { timeZone: field(fc.constant('Europe/Stockholm')), asOf: instant }), async (input) => {
        const view = await sameAsBefore(
          () => validateMessagingAgents(input),
          () => before.validateMessagingAgents(input),
          'validateMessagingAgents',
        );
        if (view) everyRowShown(listOf(input, 'agents'), view, 'messaging/agents');
      }),
    );
  });

  it('validates any voice/plan answer without throwing (but a UsageDataError), and shows or reports every plan', async () => {
    const trial = field(objectOf({ status: field(fc.constantFrom('available', 'active', 'expired', 'unavailable')), endsAt: instant, days: count }));
    await fc.assert(
      fc.asyncProperty(answer('plans', plan, { trial, currentPlanId: field(fc.option(fc.string(), { nil: null })) }), async (input) => {
        const view = await validated(() => validateVoicePlan(input), 'validateVoicePlan');
        if (view) everyRowShown(listOf(input, 'plans'), view, 'voice/plan');
      }),
    );
  });

  it('validates any voice/calls answer as before, without throwing (but a UsageDataError), and shows or reports every call', async () => {
    await fc.assert(
      fc.asyncProperty(answer('items', call, { total: field(fc.nat({ max: 1000 })) }), fc.nat({ max: 1000 }), async (input, offset) => {
        const view = await sameAsBefore(
          () => validateCallsPage(input, offset),
          () => before.validateCallsPage(input, offset),
          'validateCallsPage',
        );
        if (view) {
          everyRowShown(listOf(input, 'items'), view, 'voice/calls');
          assert.equal(new Set(view.rows.map((r) => r.key)).size, view.rows.length, 'voice/calls: row keys are unique');
        }
      }),
    );
  });

  it('validates any voice/history answer as before, without throwing (but a UsageDataError), and every month row in is shown or reported', async () => {
    const period = fc.tuple(validMonth, fc.integer({ min: 0, max: 24 })).map(([from, length]) => ({ from, to: monthOfIndex(Math.min(LAST_INDEX, monthIndex(from) + length)) }));
    const withInput = period.chain(({ from, to }) => fc.record({ from: fc.constant(from), to: fc.constant(to), input: answer('months', historyMonth(from, to)) }));
    await fc.assert(
      fc.asyncProperty(withInput, async ({ from, to, input }) => {
        const view = await sameAsBefore(
          () => validateHistory(input, from, to),
          () => before.validateHistory(input, from, to),
          `validateHistory(…, ${from}, ${to})`,
        );
        if (!view) return;
        // One row per month of the period, in order.
        assert.deepEqual(
          view.rows.map((r) => r.month),
          Array.from({ length: monthIndex(to) - monthIndex(from) + 1 }, (_, i) => monthOfIndex(monthIndex(from) + i)),
        );
        const list = listOf(input, 'months') as unknown[];
        for (const i of indexes(list)) {
          const item = i in list ? list[i] : undefined;
          const month = typeof item === 'object' && item !== null ? (item as Record<string, unknown>).month : undefined;
          const shown = typeof month === 'string' && view.rows.some((r) => r.month === month && !r.absent);
          assert.ok(shown || reported(view.problems, i), `voice/history: row ${i + 1} (${show(month)}) is neither shown nor reported`);
        }
        assert.equal(view.rowsWithProblems, new Set(view.problems.filter((p) => p.row !== undefined).map((p) => p.row)).size);
        for (const p of view.problems) assertClean(unquoted(p.message), 'voice/history: problem message');
      }),
    );
  });
});
