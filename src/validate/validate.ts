/**
 * Run-time validation of everything a data source answers. A response that breaks the contract as a
 * whole throws a `UsageDataError('contract')`; a bad value inside a row never drops the row: the row
 * is kept, the value becomes `undefined` (shown as "not available") and a `Problem` says what was wrong.
 */
import { UsageDataError } from '../sources/data-source.js';
import { isMonth } from '../model/months.js';
import type { Steps } from '../core/yield.js';

export interface Problem {
  /** 1-based row number in the answer, for row-level problems. */
  row?: number;
  /** A readable message naming the row and what was wrong. */
  message: string;
}

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

/** What a number past 2^53 − 1 is told: it cannot be shown exactly, so it is not shown at all. */
const TOO_LARGE = `a number of at most ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')} (larger ones cannot be shown exactly)`;

/** Describes a bad value for a message, never echoing markup or a raw `null`. */
function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty';
  if (typeof value === 'string') {
    const short = value.length > 24 ? `${value.slice(0, 24)}…` : value;
    return value.trim() === '' ? 'an empty text' : `the text “${short}”`;
  }
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER
        ? `about ${value.toExponential(3)}`
        : String(value)
      : 'not a finite number';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return 'a list';
  return 'an object';
}

/** Collects problems for one row while reading its fields. */
export class RowReader {
  readonly invalid = new Set<string>();
  constructor(
    private readonly source: Json,
    private readonly rowNumber: number,
    private readonly rowLabel: string,
    private readonly problems: Problem[],
  ) {}

  private fail(field: string, label: string, value: unknown, expected: string): undefined {
    this.invalid.add(field);
    const shown = value === undefined ? 'is missing' : `is ${describe(value)}`;
    this.problems.push({ row: this.rowNumber, message: `${this.rowLabel}: ${label} ${shown}; expected ${expected}.` });
    return undefined;
  }

  /** A field's value; never a member of `Object.prototype` (`constructor`, `toString`) the row merely inherits. */
  private get(path: string): unknown {
    let value: unknown = this.source;
    for (const key of segments(path)) value = isObject(value) && (Object.hasOwn(value, key) || !(key in Object.prototype)) ? value[key] : undefined;
    return value;
  }

  /** A whole number ≥ 0 that a JavaScript number holds exactly (at most 2^53 − 1); `-0` reads as 0. */
  count(field: string, label: string): number | undefined {
    const value = this.get(field);
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value + 0;
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return this.fail(field, label, value, TOO_LARGE);
    return this.fail(field, label, value, 'a whole number of 0 or more');
  }

  /** A finite number ≥ 0, at most 2^53 − 1 (beyond that it has lost its precision); `-0` reads as 0. */
  amount(field: string, label: string): number | undefined {
    const value = this.get(field);
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER) return value + 0;
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return this.fail(field, label, value, TOO_LARGE);
    return this.fail(field, label, value, 'a number of 0 or more');
  }

  /** A number within [min, max]; `-0` reads as 0. */
  range(field: string, label: string, min: number, max: number): number | undefined {
    const value = this.get(field);
    if (typeof value === 'number' && value >= min && value <= max) return value + 0;
    return this.fail(field, label, value, `a number from ${min} to ${max}`);
  }

  text(field: string, label: string, optional = false): string | undefined {
    const value = this.get(field);
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (optional && value === undefined) return undefined;
    return this.fail(field, label, value, 'a text');
  }

  /** An identifier: text, or a number taken as text. */
  id(field: string, label: string): string | undefined {
    const value = this.get(field);
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return this.text(field, label);
  }

  bool(field: string, label: string): boolean | undefined {
    const value = this.get(field);
    if (typeof value === 'boolean') return value;
    return this.fail(field, label, value, 'true or false');
  }

  instant(field: string, label: string, optional = false): string | undefined {
    const value = this.get(field);
    if (isIsoInstant(value)) return value;
    if (optional && value === undefined) return undefined;
    return this.fail(field, label, value, 'a date and time with an offset (ISO 8601)');
  }

  /** A text matching `pattern` (e.g. an ISO 4217 currency code). */
  code(field: string, label: string, pattern: RegExp, expected: string): string | undefined {
    const value = this.get(field);
    if (typeof value === 'string' && pattern.test(value)) return value;
    return this.fail(field, label, value, expected);
  }

  month(field: string, label: string): string | undefined {
    const value = this.get(field);
    if (isMonth(value)) return value;
    return this.fail(field, label, value, 'a month as YYYY-MM');
  }
}

/** The list under `key`, or a contract error naming the operation. */
export function requireList(input: unknown, operation: string, key: string): unknown[] {
  if (!isObject(input)) {
    throw new UsageDataError('contract', operation, `The answer to ${operation} is not a JSON object.`);
  }
  const list = input[key];
  if (!Array.isArray(list)) {
    throw new UsageDataError('contract', operation, `The answer to ${operation} has no “${key}” list.`);
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
  labelOf: (row: Json, index: number) => string,
): Steps<(T & { hasProblem: boolean })[]> {
  const rows: (T & { hasProblem: boolean })[] = [];
  // Every index, holes of a sparse array included (`map` would skip them and leave them in its result).
  for (let index = 0; index < list.length; index++) {
    const item: unknown = index in list ? list[index] : undefined;
    const row = isObject(item) ? item : {};
    const label = labelOf(row, index);
    if (!(index in list)) {
      problems.push({ row: index + 1, message: `${label} is missing (an empty slot in the list); its values are not available.` });
    } else if (!isObject(item)) {
      problems.push({ row: index + 1, message: `${label} is ${describe(item)}, not an object.` });
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

/** The rows of an agents answer: key, id, name and entity for every row, then the operation's own `fields` (a generator, as `readRows`). */
export function readAgentRows<T>(list: unknown[], problems: Problem[], fields: (reader: RowReader) => T) {
  const keyOf = rowKeys();
  return readRows(
    list,
    problems,
    (r, _row, index) => {
      const id = r.id('id', 'the id');
      return {
        key: keyOf(id, index),
        id,
        name: r.text('name', 'the name'),
        entityName: r.text('entity.name', 'the entity name'),
        entityType: r.text('entity.type', 'the entity type'),
        ...fields(r),
      };
    },
    rowLabel,
  );
}

/** "Row 3 (“Astrid”)" or "Row 3" when the row has no usable name. */
export function rowLabel(row: Json, index: number): string {
  const name = typeof row.name === 'string' && row.name.trim() !== '' ? row.name : undefined;
  const shortName = name && name.length > 40 ? `${name.slice(0, 40)}…` : name;
  // First-strong isolates keep a right-to-left name from reordering the message around it.
  return shortName ? `Row ${index + 1} (“\u2068${shortName}\u2069”)` : `Row ${index + 1}`;
}

/** Top-level fields that are optional or non-fatal. */
export function readHeader(input: unknown, problems: Problem[], operation: string) {
  const body = isObject(input) ? input : {};
  let asOf: string | undefined;
  if (body.asOf !== undefined) {
    if (isIsoInstant(body.asOf)) asOf = body.asOf;
    else problems.push({ message: `The answer to ${operation} has an “asOf” time that is ${describe(body.asOf)}; it is not shown.` });
  }
  return { body, asOf };
}
