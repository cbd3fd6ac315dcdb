import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths, daysInMonth, isMonth, monthInTimeZone, monthRange } from '../../src/model/months.js';

describe('months', () => {
  it('validates YYYY-MM', () => {
    assert.ok(isMonth('2026-11'));
    for (const bad of ['2026-13', '2026-1', '26-11', '2026-11-01', 202611, null]) assert.ok(!isMonth(bad));
  });

  it('adds months across years', () => {
    assert.equal(addMonths('2026-11', 2), '2027-01');
    assert.equal(addMonths('2026-01', -1), '2025-12');
    assert.equal(addMonths('2026-03', -15), '2024-12');
    assert.throws(() => addMonths('nope', 1), RangeError);
  });

  it('lists a range inclusively', () => {
    assert.deepEqual(monthRange('2025-11', '2026-02'), ['2025-11', '2025-12', '2026-01', '2026-02']);
    assert.deepEqual(monthRange('2026-02', '2026-01'), []);
  });

  it('knows month lengths, leap years included', () => {
    assert.equal(daysInMonth('2024-02'), 29);
    assert.equal(daysInMonth('2026-02'), 28);
    assert.equal(daysInMonth('2026-12'), 31);
  });

  it('finds the month of an instant in a time zone', () => {
    const instant = new Date('2026-11-30T23:30:00Z');
    assert.equal(monthInTimeZone(instant, 'Europe/Stockholm'), '2026-12');
    assert.equal(monthInTimeZone(instant, 'America/Los_Angeles'), '2026-11');
  });
});
