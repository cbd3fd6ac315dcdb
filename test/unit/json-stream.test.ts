/**
 * The incremental JSON reader: whatever the chunks, it gives what `JSON.parse` of the whole text
 * gives (same values, keys in the same order), and fails where `JSON.parse` fails.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { jsonStreamParser, readJsonStream } from '../../src/sources/json-stream.js';

/** Parses `chunks` one after the other: `{ value }`, or `{ error }` for what `end()` threw. */
function parseChunks(chunks: readonly string[]): { value: unknown } | { error: unknown } {
  const parser = jsonStreamParser();
  for (const chunk of chunks) parser.push(chunk);
  try {
    return { value: parser.end() };
  } catch (error) {
    return { error };
  }
}

function wholeParse(text: string): { value: unknown } | { error: unknown } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error };
  }
}

/** The same outcome as `JSON.parse(text)`: equal values with keys in the same order and the same prototypes, or both a `SyntaxError`. */
function assertSameAsJsonParse(text: string, chunks: readonly string[]): void {
  const expected = wholeParse(text);
  const actual = parseChunks(chunks);
  const where = `${JSON.stringify(text)} in chunks ${JSON.stringify(chunks)}`;
  if ('error' in expected) {
    assert.ok('error' in actual, `${where}: parsed, but JSON.parse fails`);
    assert.ok(actual.error instanceof SyntaxError, `${where}: ${String(actual.error)} is not a SyntaxError`);
    return;
  }
  assert.ok('value' in actual, `${where}: failed (${'error' in actual ? String(actual.error) : ''}), but JSON.parse succeeds`);
  assert.deepStrictEqual(actual.value, expected.value, where);
  assert.equal(JSON.stringify(actual.value), JSON.stringify(expected.value), `${where}: keys in another order`);
  assertSameShape(actual.value, expected.value, where);
}

/** Own keys in the same order and plain prototypes all the way down (`__proto__` stays an own key). */
function assertSameShape(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected !== 'object' || expected === null) return;
  assert.equal(Object.getPrototypeOf(actual), Object.getPrototypeOf(expected), `${where}: prototype`);
  assert.deepEqual(Reflect.ownKeys(actual as object), Reflect.ownKeys(expected), `${where}: own keys`);
  for (const key of Reflect.ownKeys(expected)) {
    assertSameShape((actual as Record<PropertyKey, unknown>)[key], (expected as Record<PropertyKey, unknown>)[key], where);
  }
}

/** Every way of cutting `text` in two, and in three at every pair of places for short texts. */
function everySplit(text: string): void {
  assertSameAsJsonParse(text, [text]);
  for (let i = 0; i <= text.length; i++) {
    assertSameAsJsonParse(text, [text.slice(0, i), text.slice(i)]);
    if (text.length <= 40) for (let j = i; j <= text.length; j++) assertSameAsJsonParse(text, [text.slice(0, i), text.slice(i, j), text.slice(j)]);
  }
  // One character at a time, empty chunks between.
  assertSameAsJsonParse(
    text,
    [...text].flatMap((c) => ['', c]),
  );
}

const TRICKY = [
  '{"month":"2026-11","timeZone":"Europe/Stockholm","agents":[{"id":"a1","name":"Astrid"},{"id":"a2","name":"Bo"}]}',
  '{"agents":[{"name":"],[{}\\",\\\\"},{"name":"\\\\"},{"name":"a,b"},{"n":"\\"]"}]}',
  '{"agents":[{"name":"\\u005b\\u005d\\u0022","x":[1,[2,[3,{"y":[]}]]]}]}',
  '{ "agents" : [ ] , "months" : [\n\t1 ,\r\n 2 ] }',
  '  [ {"a":1} , [ ] , "x" , null , true , -1.5e3 ]  ',
  '[]',
  '[ ]',
  '{}',
  '"a string at the root, [with] {brackets}, commas"',
  '42',
  'null',
  '{"__proto__":[{"__proto__":{"x":1}}],"constructor":[1],"toString":[]}',
  '{"agents":[1],"agents":[2,3]}',
  '{"agents":[1],"agents":5}',
  '{"agents":5,"agents":[6]}',
  '{"b":[1],"2":[2],"1":["one"],"a":{"c":[3]}}',
  '{"\\u0061gents":[1,2],"agents":[3]}',
  '{"a":"x","b":[{"c":"d"}],"e":"f"}',
  '{"agents":[[],[[]],{},{"":""}]}',
  '\uFEFF{"a":[1]}',
  // Invalid: truncated, trailing garbage, stray or mismatched brackets, missing and extra commas.
  '{"agents":[1,2',
  '{"agents":[1,2]',
  '{"agents":[1,"2]}',
  '{"agents":[1,]}',
  '{"agents":[,1]}',
  '{"agents":[1,,2]}',
  '{"agents":[1 2]}',
  '{"agents":[1}',
  '{"agents":[1]]}',
  '{"agents":[{"a":1]}]}',
  '{"agents":[1]} x',
  '{"agents":[1]}}',
  '[1,2] [3]',
  '[1,2],',
  ']',
  '}{',
  '{"a" [1]}',
  '{[1]}',
  '{"agents":[1],}',
  '{"agents":["\u0001"]}',
  '{"agents":["\\x"]}',
  '{"agents":[01]}',
  '{"agents":[NaN]}',
  '',
  '   ',
  '\u00a0[]',
  '[1]\u00a0',
];

describe('jsonStreamParser', () => {
  it('gives what JSON.parse gives for tricky texts cut anywhere: strings with brackets, commas, escapes; nesting; white space; repeated keys', () => {
    for (const text of TRICKY) everySplit(text);
  });

  it('fails where JSON.parse fails: truncated at any point, or anything after the value', () => {
    const text = '{"month":"2026-11","agents":[{"id":"a1","name":"Å \\"x\\" ]"},{"id":2,"tags":["a","b"]}],"asOf":"2026-11-25T12:00:00Z"}';
    for (let end = 0; end < text.length; end++) everySplit(text.slice(0, end));
    for (const tail of ['x', ',', ']', '}', '[]', '{}', '"', '0']) everySplit(text + tail);
  });

  it('keeps a syntax error for end(), reading nothing after it', () => {
    const parser = jsonStreamParser();
    parser.push('{"agents":[1,,');
    parser.push('2]}');
    assert.throws(() => parser.end(), SyntaxError);
  });

  it('says whether the text is only white space (as String.prototype.trim sees it)', () => {
    const blank = (chunks: string[]) => {
      const parser = jsonStreamParser();
      for (const chunk of chunks) parser.push(chunk);
      return parser.blank;
    };
    assert.equal(blank([]), true);
    assert.equal(blank([' ', '\n\t', '\u00a0\uFEFF']), true);
    assert.equal(blank([' ', ' [', ']']), false);
    assert.equal(blank(['x', ' ']), false);
  });

  it('gives what JSON.parse gives for any JSON shaped like an answer, cut into any chunks (property)', () => {
    const answer = fc.oneof(
      fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('agents', 'months', 'items', '__proto__', '1', 'constructor')), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()))),
      fc.array(fc.jsonValue()),
      fc.jsonValue(),
    );
    const texts = fc.tuple(answer, fc.constantFrom(undefined, 0, 1, 2, '\t', ' \r\n')).map(([value, space]) => JSON.stringify(value, null, space));
    fc.assert(
      fc.property(
        texts.chain((text) => fc.tuple(fc.constant(text), fc.uniqueArray(fc.nat({ max: text.length }), { maxLength: 12 }))),
        ([text, cuts]) => {
          const at = [0, ...[...cuts].sort((a, b) => a - b), text.length];
          assertSameAsJsonParse(
            text,
            at.slice(1).map((end, i) => text.slice(at[i], end)),
          );
        },
      ),
    );
  });

  it('fails exactly where JSON.parse fails for any answer with a character inserted, deleted or replaced (property)', () => {
    const text = fc.dictionary(fc.constantFrom('agents', 'month', 'x'), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 4 }))).map((v) => JSON.stringify(v));
    const edit = fc.tuple(fc.constantFrom('insert', 'delete', 'replace'), fc.nat(), fc.constantFrom('[', ']', '{', '}', ',', '"', '\\', ':', ' ', '1', 'a'));
    fc.assert(
      fc.property(text, edit, fc.nat(), (original, [kind, where, char], cut) => {
        const at = where % (original.length + 1);
        const rest = kind === 'insert' ? original.slice(at) : original.slice(at + 1);
        const edited = original.slice(0, at) + (kind === 'delete' ? '' : char) + rest;
        const split = cut % (edited.length + 1);
        assertSameAsJsonParse(edited, [edited.slice(0, split), edited.slice(split)]);
      }),
    );
  });
});

/** A stream of `bytes` cut at `cuts`. */
function streamOf(bytes: Uint8Array, cuts: readonly number[]): ReadableStream<Uint8Array> {
  const at = [0, ...cuts, bytes.length];
  return new ReadableStream({
    start(controller) {
      for (let i = 1; i < at.length; i++) controller.enqueue(bytes.slice(at[i - 1], at[i]));
      controller.close();
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>, signal?: AbortSignal): Promise<unknown> {
  const parser = jsonStreamParser();
  await readJsonStream(stream, parser, signal);
  return parser.end();
}

describe('readJsonStream', () => {
  it('decodes UTF-8 cut inside any character, as Response.text() does (byte-order mark dropped, bad bytes replaced)', async () => {
    const text = '\uFEFF{"agents":[{"name":"Jönås 😀 日本語 ﬁ"},{"name":"\\u00e5 ä"}],"x":"Ω"}';
    const bytes = new TextEncoder().encode(text);
    const expected = await new Response(bytes).json();
    for (let i = 0; i <= bytes.length; i++) {
      for (const j of [i, Math.min(bytes.length, i + 1), Math.min(bytes.length, i + 2), Math.min(bytes.length, i + 3)]) {
        assert.deepStrictEqual(await readAll(streamOf(bytes, [i, j])), expected, `cut at bytes ${i} and ${j}`);
      }
    }
    // A stray continuation byte and a truncated sequence become U+FFFD, as in Response.text().
    const broken = new Uint8Array([...new TextEncoder().encode('["a'), 0x80, 0xe6, 0x97, ...new TextEncoder().encode('b"]')]);
    assert.deepStrictEqual(await readAll(streamOf(broken, [4])), JSON.parse(await new Response(broken).text()));
  });

  it('reads a big answer in many chunks to the same value as JSON.parse', async () => {
    const agents = Array.from({ length: 5000 }, (_, i) => ({ id: `a${i}`, name: `Agent "${i}" [x], {y}`, active: i % 2 === 0, n: i / 7, tags: [i, { k: '\\' }] }));
    const text = JSON.stringify({ month: '2026-11', agents, timeZone: 'UTC' });
    const bytes = new TextEncoder().encode(text);
    const cuts = Array.from({ length: 200 }, (_, i) => Math.floor((bytes.length * (i + 1)) / 201) + (i % 3));
    const value = await readAll(streamOf(bytes, cuts));
    assert.deepStrictEqual(value, JSON.parse(text));
    assert.deepEqual(Object.keys(value as object), ['month', 'agents', 'timeZone']);
  });

  it('rejects with the stream’s error, and with the signal’s reason (cancelling the stream) when aborted', async () => {
    const failing = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"agents":['));
        controller.error(new TypeError('connection reset'));
      },
    });
    await assert.rejects(readAll(failing), /connection reset/);

    // A stream that trickles spaces and ignores the signal (as a scripted `fetch` might).
    let cancelled: unknown;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode(' '));
        return new Promise((resolve) => setTimeout(resolve, 5));
      },
      cancel(reason) {
        cancelled = reason;
      },
    });
    const controller = new AbortController();
    const reading = readAll(endless, controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reason = new DOMException('left', 'AbortError');
    controller.abort(reason);
    await assert.rejects(reading, (e) => e === reason);
    assert.equal(cancelled, reason);
    await assert.rejects(readAll(new ReadableStream(), controller.signal), (e) => e === reason);
  });
});
