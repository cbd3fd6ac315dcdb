/** What every row of an agents answer has (key, id, name, entity), and how a row is named in a problem. */
import { msg, str } from '../i18n/localize.js';
import type { Problem, Words } from './problems.js';
import { readRows, rowKeys, type RowReader } from './validate.js';

type Json = Record<string, unknown>;

/** Field labels of data problem messages, shared by several answers. */
export const THE_ID: Words = () => msg('the id', { desc: 'A field of a row, in a data problem message such as “Row 3: the id is missing; expected a text.”' });
export const THE_NAME: Words = () => msg('the name', { desc: 'A field of a row, in a data problem message such as “Row 3: the name is missing; expected a text.”' });
const THE_ENTITY_NAME: Words = () =>
  msg('the entity name', { desc: 'A field of an AI agent row, in a data problem message such as “Row 3: the entity name is missing; expected a text.”' });
const THE_ENTITY_TYPE: Words = () =>
  msg('the entity type', { desc: 'A field of an AI agent row, in a data problem message such as “Row 3: the entity type is missing; expected a text.”' });

/** The rows of an agents answer: key, id, name and entity for every row, then the operation's own `fields` (a generator, as `readRows`). */
export function readAgentRows<T>(list: unknown[], problems: Problem[], fields: (reader: RowReader) => T) {
  const keyOf = rowKeys();
  return readRows(
    list,
    problems,
    (r, _row, index) => {
      const id = r.id('id', THE_ID);
      return {
        key: keyOf(id, index),
        id,
        name: r.text('name', THE_NAME),
        entityName: r.text('entity.name', THE_ENTITY_NAME),
        entityType: r.text('entity.type', THE_ENTITY_TYPE),
        ...fields(r),
      };
    },
    rowWords,
  );
}

/** "Row 3 (“Astrid”)" or "Row 3" when the row has no usable name: the words, made when read (the name is taken now). */
export function rowWords(row: Json, index: number): Words {
  const name = typeof row.name === 'string' && row.name.trim() !== '' ? row.name : undefined;
  const n = index + 1;
  if (!name) return () => msg(str`Row ${n}`, { desc: 'Names a row of the data in a data problem message, e.g. “Row 3: the id is missing; …”.' });
  // First-strong isolates keep a right-to-left name from reordering the message around it.
  const isolated = `\u2068${name.length > 40 ? `${name.slice(0, 40)}…` : name}\u2069`;
  return () =>
    msg(str`Row ${n} (“${isolated}”)`, {
      desc: 'Names a row of the data in a data problem message, e.g. “Row 3 (“Anna”): the id is missing; …”. The second placeholder is the row’s name.',
    });
}

/** "Row 3 (“Astrid”)" or "Row 3" when the row has no usable name, in the language in force. */
export function rowLabel(row: Json, index: number): string {
  return rowWords(row, index)();
}
