import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { menuButtonKey, rovingIndex } from '../../src/ui/roving-focus.js';

const menu = ['Activate trial…', 'Pricing plans…', 'Usage this month…'];

describe('roving focus', () => {
  it('moves through a menu with Up and Down, wrapping, and jumps with Home and End', () => {
    const o = { orientation: 'vertical' as const };
    assert.equal(rovingIndex('ArrowDown', 0, menu, o), 1);
    assert.equal(rovingIndex('ArrowDown', 2, menu, o), 0);
    assert.equal(rovingIndex('ArrowUp', 0, menu, o), 2);
    assert.equal(rovingIndex('Home', 2, menu, o), 0);
    assert.equal(rovingIndex('End', 0, menu, o), 2);
    assert.equal(rovingIndex('ArrowRight', 0, menu, o), undefined);
  });

  it('finds the next item by its first letter, after the current one', () => {
    const o = { orientation: 'vertical' as const, typeahead: true };
    assert.equal(rovingIndex('u', 0, menu, o), 2);
    assert.equal(rovingIndex('P', 2, menu, o), 1);
    assert.equal(rovingIndex('x', 0, menu, o), undefined);
    assert.equal(rovingIndex('u', 0, menu, { orientation: 'vertical' }), undefined);
  });

  it('moves through tabs with Left and Right, mirrored right to left', () => {
    const tabs = ['AI Voice', 'AI Messaging'];
    assert.equal(rovingIndex('ArrowRight', 0, tabs, { orientation: 'horizontal' }), 1);
    assert.equal(rovingIndex('ArrowRight', 1, tabs, { orientation: 'horizontal' }), 0);
    assert.equal(rovingIndex('ArrowLeft', 0, tabs, { orientation: 'horizontal', rtl: true }), 1);
    assert.equal(rovingIndex('ArrowDown', 0, tabs, { orientation: 'horizontal' }), undefined);
  });

  it('stops at the ends when it does not wrap, and does nothing without items', () => {
    assert.equal(rovingIndex('ArrowDown', 2, menu, { orientation: 'vertical', wrap: false }), 2);
    assert.equal(rovingIndex('ArrowDown', 0, [], { orientation: 'vertical' }), undefined);
  });

  it('opens a menu from its button on the first item, or the last with Up', () => {
    assert.deepEqual(['ArrowDown', 'Enter', ' ', 'ArrowUp', 'a', 'Escape'].map(menuButtonKey), ['first', 'first', 'first', 'last', undefined, undefined]);
  });
});
