import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entityTypeLabel, formatAmount, formatCount, formatDateTime, formatMonth, NOT_AVAILABLE, safeLocale } from '../../src/format/format.js';

describe('number formatting', () => {
  it('groups per locale', () => {
    assert.equal(formatCount(12345, 'en-US'), '12,345');
    assert.equal(formatCount(12345, 'de-DE'), '12.345');
    assert.equal(formatAmount(1234.56, 'en-US'), '1,234.6');
    assert.equal(formatAmount(0, 'en-US'), '0');
  });

  it('never prints NaN, undefined, null or Infinity: an em dash instead', () => {
    for (const bad of [Number.NaN, undefined, null, Infinity, '12', {}]) {
      assert.equal(formatCount(bad, 'en'), NOT_AVAILABLE);
      assert.equal(formatAmount(bad, 'en'), NOT_AVAILABLE);
    }
  });
});

describe('formatMonth', () => {
  it('reads the month itself, whatever the time zone of the runtime', () => {
    assert.equal(formatMonth('2025-02', 'en-US'), 'February 2025');
    assert.equal(formatMonth('2026-01', 'sv-SE'), 'januari 2026');
    assert.equal(formatMonth('2026-13', 'en'), NOT_AVAILABLE);
    assert.equal(formatMonth(undefined, 'en'), NOT_AVAILABLE);
  });
});

describe('formatDateTime', () => {
  it('shows the instant in the organization’s time zone', () => {
    assert.equal(formatDateTime('2026-11-30T23:30:00Z', 'en-GB', 'Europe/Stockholm'), '1 Dec 2026, 00:30');
    assert.equal(formatDateTime('2026-11-30T23:30:00Z', 'en-GB', 'America/New_York'), '30 Nov 2026, 18:30');
    assert.equal(formatDateTime('yesterday', 'en'), NOT_AVAILABLE);
  });
});

describe('safeLocale', () => {
  it('keeps valid tags and drops invalid ones', () => {
    assert.equal(safeLocale('sv-se'), 'sv-SE');
    assert.equal(safeLocale('not a locale!'), undefined);
    assert.equal(safeLocale(undefined), undefined);
  });
});

describe('entityTypeLabel', () => {
  it('labels known types and shows others by their own name', () => {
    assert.equal(entityTypeLabel('response-group'), 'Response group');
    assert.equal(entityTypeLabel('phone-number'), 'Phone number');
    assert.equal(entityTypeLabel('ivr_menu'), 'Ivr menu');
    assert.equal(entityTypeLabel(undefined), NOT_AVAILABLE);
  });
});
