/**
 * The words of data problems: a `Problem` (its message made each time it is read, in the language in
 * force), the labels and value descriptions its messages are made of.
 */
import { formatCount } from '../format/format.js';
import { activeLocale, msg, str } from '../i18n/localize.js';

export interface Problem {
  /** 1-based row number in the answer, for row-level problems. */
  row?: number;
  /**
   * A readable message naming the row and what was wrong. Made each time it is read, in the
   * language in force: the element's while it renders its notice, English elsewhere (an event
   * handler, the console). Read it; a copy made with a spread keeps the words of that moment.
   */
  readonly message: string;
}

/** Words made when they are read, in the language in force then. */
export type Words = () => string;

/** A label for a message: words made when read, or a text (already in its language). */
export type Label = string | Words;

export const wordsOf = (label: Label): string => (typeof label === 'string' ? label : label());

/** A problem of the whole answer; its message is made each time it is read. */
export const problemOf = (words: Words): Problem => ({
  get message() {
    return words();
  },
});

/** A problem of row `row` (1-based); its message is made each time it is read. */
export const rowProblem = (row: number, words: Words): Problem => ({
  row,
  get message() {
    return words();
  },
});

/** What a number past 2^53 − 1 is told: it cannot be shown exactly, so it is not shown at all. */
export const TOO_LARGE: Words = () => {
  const max = formatCount(Number.MAX_SAFE_INTEGER, activeLocale());
  return msg(str`a number of at most ${max} (larger ones cannot be shown exactly)`, {
    desc: 'Completes “…; expected …” in a data problem message: what a value should have been.',
  });
};
export const WHOLE_NUMBER: Words = () => msg('a whole number of 0 or more', { desc: 'Completes “…; expected …” in a data problem message: what a value should have been.' });
export const NUMBER: Words = () => msg('a number of 0 or more', { desc: 'Completes “…; expected …” in a data problem message: what a value should have been.' });
export const TEXT: Words = () => msg('a text', { desc: 'Completes “…; expected …” in a data problem message: what a value should have been (a non-empty string).' });
export const TRUE_OR_FALSE: Words = () => msg('true or false', { desc: 'Completes “…; expected …” in a data problem message: what a value should have been (a JSON boolean).' });
export const INSTANT: Words = () =>
  msg('a date and time with an offset (ISO 8601)', { desc: 'Completes “…; expected …” in a data problem message: what a value should have been.' });
export const MONTH: Words = () => msg('a month as YYYY-MM', { desc: 'Completes “…; expected …” in a data problem message. YYYY-MM is the format of the data: keep it as it is.' });

/*
 * A bad value, completing "<field> is <this>" in a data problem message.
 */

const MISSING: Words = () => msg('missing', { desc: 'Completes “Row 3 is …” in a data problem message: the value is missing.' });
const EMPTY: Words = () => msg('empty', { desc: 'Completes “the name is …” in a data problem message: the value is JSON null.' });
const EMPTY_TEXT: Words = () => msg('an empty text', { desc: 'Completes “the name is …” in a data problem message: the value is an empty string.' });
const NOT_FINITE: Words = () => msg('not a finite number', { desc: 'Completes “the length is …” in a data problem message.' });
const YES: Words = () => msg('yes', { desc: 'Completes “the name is …” in a data problem message: the value is the JSON boolean true.' });
const NO: Words = () => msg('no', { desc: 'Completes “the name is …” in a data problem message: the value is the JSON boolean false.' });
const A_LIST: Words = () => msg('a list', { desc: 'Completes “the name is …” in a data problem message: the value is a JSON array.' });
const AN_OBJECT: Words = () => msg('an object', { desc: 'Completes “the name is …” in a data problem message: the value is a JSON object.' });

/**
 * Describes a bad value for a message, never echoing markup or a raw `null`. What it needs of the
 * value is taken now (the words are made when read, and keep no hold on the value itself).
 */
export function describe(value: unknown): Words {
  if (value === undefined) return MISSING;
  if (value === null) return EMPTY;
  if (typeof value === 'string') {
    if (value.trim() === '') return EMPTY_TEXT;
    const short = value.length > 24 ? `${value.slice(0, 24)}…` : value;
    return () => msg(str`the text “${short}”`, { desc: 'Completes “the name is …” in a data problem message. The placeholder is the text the server sent.' });
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return NOT_FINITE;
    if (Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER) {
      const approximately = value.toExponential(3);
      return () => msg(str`about ${approximately}`, { desc: 'Completes “the length is …” in a data problem message: a number too large to show exactly, e.g. 1.000e+21.' });
    }
    const number = String(value);
    return () => number;
  }
  if (typeof value === 'boolean') return value ? YES : NO;
  if (Array.isArray(value)) return A_LIST;
  return AN_OBJECT;
}
