/**
 * Run-time validation of everything a data source answers. A response that breaks the contract as a
 * whole throws a `UsageDataError('contract')`; a bad value inside a row never drops the row: the row
 * is kept, the value becomes `undefined` (shown as "not available") and a `Problem` says what was wrong.
 *
 * Validation runs outside rendering (time-sliced), so its words are made when they are read: a
 * problem's `message` is a getter, and a `UsageDataError`'s words a function (`localizedMessage`).
 */
import { UsageDataError } from '../sources/data-source.js';
import { isMonth } from '../model/months.js';
import { msg, str } from '../i18n/localize.js';
import {
  INSTANT,
  MONTH,
  NUMBER,
  TEXT,
  TOO_LARGE,
  TRUE_OR_FALSE,
  WHOLE_NUMBER,
  describe,
  problemOf,
  rowProblem,
  wordsOf,
  type Label,
  type Problem,
  type Words,
} from './problems.js';

export { problemOf, rowProblem, type Label, type Problem, type Words } from './problems.js';
import type { Steps } from '../core/yield.js';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

export function isIsoInstant(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value) || Number.isNaN(Date.parse(value))) return false;
  // Reject dates that do not exist (2026-02-30), which Date.parse would roll over.
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

type Json = Record<string, unknown>;
/** A field path's keys (`entity.name` → `entity`, `name`), split once per path rather than once per row. */
const paths = new Map<string, readonly string[]>();
const segments = (path: string): readonly string[] => {
  let keys = paths.get(path);
  if (!keys) paths.set(path, (keys = path.split('.')));
  return keys;
};

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/*
 * What a field was expected to be, completing "…; expected <this>." in a data problem message.
 */

/**
 * Collects problems for one row while reading its fields. Labels (the row's, a field's) are words
 * made when the problem is read (or texts): e.g. `r.count('callsEngaged', () => msg('calls engaged'))`.
 */
export class RowReader {
  readonly invalid = new Set<string>();
  constructor(
    private readonly source: Json,
    private readonly rowNumber: number,
    private readonly rowLabel: Label,
    private readonly problems: Problem[],
  ) {}

  private fail(field: string, label: Label, value: unknown, expected: Words): undefined {
    this.invalid.add(field);
    const rowLabel = this.rowLabel;
    const shown = value === undefined ? undefined : describe(value);
    this.problems.push(
      rowProblem(this.rowNumber, () => {
        const row = wordsOf(rowLabel);
        const name = wordsOf(label);
        const wanted = expected();
        if (!shown) {
          return msg(str`${row}: ${name} is missing; expected ${wanted}.`, {
            desc: 'Data problem message, e.g. “Row 3 (“Anna”): the id is missing; expected a text.” The placeholders: a row, a field, what the field should be.',
          });
        }
        const value = shown();
        return msg(str`${row}: ${name} is ${value}; expected ${wanted}.`, {
          desc: 'Data problem message, e.g. “Row 3 (“Anna”): the length is empty; expected a number of 0 or more.” The placeholders: a row, a field, its bad value, what it should be.',
        });
      }),
    );
    return undefined;
  }

  /** A field's value; never a member of `Object.prototype` (`constructor`, `toString`) the row merely inherits. */
  private get(path: string): unknown {
    let value: unknown = this.source;
    for (const key of segments(path)) value = isObject(value) && (Object.hasOwn(value, key) || !(key in Object.prototype)) ? value[key] : undefined;
    return value;
  }

  /** A whole number ≥ 0 that a JavaScript number holds exactly (at most 2^53 − 1); `-0` reads as 0. */
  count(field: string, label: Label): number | undefined {
    const value = this.get(field);
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value + 0;
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return this.fail(field, label, value, TOO_LARGE);
    return this.fail(field, label, value, WHOLE_NUMBER);
  }

  /** A finite number ≥ 0, at most 2^53 − 1 (beyond that it has lost its precision); `-0` reads as 0. */
  amount(field: string, label: Label): number | undefined {
    const value = this.get(field);
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER) return value + 0;
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return this.fail(field, label, value, TOO_LARGE);
    return this.fail(field, label, value, NUMBER);
  }

  /** A number within [min, max]; `-0` reads as 0. */
  range(field: string, label: Label, min: number, max: number): number | undefined {
    const value = this.get(field);
    if (typeof value === 'number' && value >= min && value <= max) return value + 0;
    return this.fail(field, label, value, () =>
      msg(str`a number from ${min} to ${max}`, { desc: 'Completes “…; expected …” in a data problem message: what a value should have been.' }),
    );
  }

  text(field: string, label: Label, optional = false): string | undefined {
    const value = this.get(field);
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (optional && value === undefined) return undefined;
    return this.fail(field, label, value, TEXT);
  }

  /** An identifier: text, or a number taken as text. */
  id(field: string, label: Label): string | undefined {
    const value = this.get(field);
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return this.text(field, label);
  }

  bool(field: string, label: Label): boolean | undefined {
    const value = this.get(field);
    if (typeof value === 'boolean') return value;
    return this.fail(field, label, value, TRUE_OR_FALSE);
  }

  instant(field: string, label: Label, optional = false): string | undefined {
    const value = this.get(field);
    if (isIsoInstant(value)) return value;
    if (optional && value === undefined) return undefined;
    return this.fail(field, label, value, INSTANT);
  }

  /** A text matching `pattern` (e.g. an ISO 4217 currency code). */
  code(field: string, label: Label, pattern: RegExp, expected: Words): string | undefined {
    const value = this.get(field);
    if (typeof value === 'string' && pattern.test(value)) return value;
    return this.fail(field, label, value, expected);
  }

  month(field: string, label: Label): string | undefined {
    const value = this.get(field);
    if (isMonth(value)) return value;
    return this.fail(field, label, value, MONTH);
  }
}

/** The list under `key`, or a contract error naming the operation. */
export function requireList(input: unknown, operation: string, key: string): unknown[] {
  if (!isObject(input)) {
    throw new UsageDataError('contract', operation, () =>
      msg(str`The answer to ${operation} is not a JSON object.`, { desc: 'Error message. The operation (e.g. voice/agents) is the name of a REST call: keep it as it is.' }),
    );
  }
  const list = input[key];
  if (!Array.isArray(list)) {
    throw new UsageDataError('contract', operation, () =>
      msg(str`The answer to ${operation} has no “${key}” list.`, {
        desc: 'Error message. The operation (e.g. voice/agents) is the name of a REST call, the second placeholder a JSON key (e.g. agents): keep them as they are.',
      }),
    );
  }
  return list;
}

/** Options of the validators that may meet long lists. */
export interface ValidateOptions {
  /** Aborting it stops the validation: it rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Rows read between two points where long work may pause (see `runInSlices`). */
export const ROWS_PER_STEP = 128;

/**
 * Reads every row of a list with `read`, never dropping one. A row that is not an object, or a hole
 * in a sparse array (from a scripted data source), is kept as an all-unavailable row. A generator
 * that may pause every `ROWS_PER_STEP` rows: run it with `runNow` or `runInSlices`.
 */
export function* readRows<T>(
  list: unknown[],
  problems: Problem[],
  read: (reader: RowReader, row: Json, index: number) => T,
  labelOf: (row: Json, index: number) => Label,
): Steps<(T & { hasProblem: boolean })[]> {
  const rows: (T & { hasProblem: boolean })[] = [];
  // Every index, holes of a sparse array included (`map` would skip them and leave them in its result).
  for (let index = 0; index < list.length; index++) {
    const item: unknown = index in list ? list[index] : undefined;
    const row = isObject(item) ? item : {};
    const label = labelOf(row, index);
    if (!(index in list)) {
      problems.push(
        rowProblem(index + 1, () => {
          const row = wordsOf(label);
          return msg(str`${row} is missing (an empty slot in the list); its values are not available.`, {
            desc: 'Data problem message. The placeholder is a row, e.g. Row 3.',
          });
        }),
      );
    } else if (!isObject(item)) {
      const shown = describe(item);
      problems.push(
        rowProblem(index + 1, () => {
          const row = wordsOf(label);
          const value = shown();
          return msg(str`${row} is ${value}, not an object.`, { desc: 'Data problem message, e.g. “Row 3 is a list, not an object.”' });
        }),
      );
    }
    const reader = new RowReader(row, index + 1, label, problems);
    const value = read(reader, row, index) as T & { hasProblem: boolean };
    // Marked after reading, so every field the row's reader rejected counts. Set on the object
    // `read` made, not spread into a copy: a spread copy gets a hidden class of its own in V8, and
    // 100,000 of them make every later read of a row (sorting, filtering, rendering) slow.
    value.hasProblem = reader.invalid.size > 0;
    rows.push(value);
    if (index % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
  }
  return rows;
}

/** How many rows have at least one problem. */
export function countProblemRows(problems: readonly Problem[]): number {
  const rows = new Set<number>();
  for (const problem of problems) if (problem.row !== undefined) rows.add(problem.row);
  return rows.size;
}

/** Stable render keys: the id, or the row's position when the id is missing or repeated. */
export function rowKeys(): (id: string | undefined, index: number) => string {
  const seen = new Set<string>();
  return (id, index) => {
    const key = id !== undefined && !seen.has(id) ? id : `#row-${index + 1}`;
    seen.add(key);
    return key;
  };
}

/** Top-level fields that are optional or non-fatal. */
export function readHeader(input: unknown, problems: Problem[], operation: string) {
  const body = isObject(input) ? input : {};
  let asOf: string | undefined;
  if (body.asOf !== undefined) {
    if (isIsoInstant(body.asOf)) asOf = body.asOf;
    else {
      const shown = describe(body.asOf);
      problems.push(
        problemOf(() => {
          const value = shown();
          return msg(str`The answer to ${operation} has an “asOf” time that is ${value}; it is not shown.`, {
            desc: 'Data problem message. “asOf” is a JSON key of the data: keep it as it is. The operation (e.g. voice/agents) is the name of a REST call.',
          });
        }),
      );
    }
  }
  return { body, asOf };
}
