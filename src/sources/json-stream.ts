/**
 * Incremental JSON reading for big answers. The text arrives in chunks; a scanner that keeps its
 * string, escape and nesting state across chunk boundaries cuts the answer's big lists (the root
 * array, or every array that is a value of the root object: `agents`, `months`, `items`) into
 * their elements, each parsed as it completes. The rest of the answer is parsed once at the end,
 * with `[]` where the lists were. The result is what `JSON.parse` of the whole text gives: the same
 * values, keys in the same order, the last of repeated keys winning; and invalid text fails.
 */
import { timeSlices } from '../core/yield.js';

const QUOTE = 34;
const COMMA = 44;
const OPEN_ARRAY = 91;
const OPEN_OBJECT = 123;
const JSON_SPACE = /^[ \t\n\r]*$/;

export interface JsonStreamParser {
  /** Reads the next chunk of text. Never throws: a syntax error waits for `end()`. */
  push(text: string): void;
  /** The value of the whole text; throws a `SyntaxError` where `JSON.parse` would. */
  end(): unknown;
  /** True while the text so far is only white space (as `String.prototype.trim` sees it). */
  readonly blank: boolean;
}

export function jsonStreamParser(): JsonStreamParser {
  // Open arrays and objects at the position reached; the depth of the elements of the list being cut (0 outside one).
  let depth = 0;
  let listDepth = 0;
  let inString = false;
  let escaped = false;
  /** The first character of the root value, once seen. */
  let root = 0;
  /** The text outside the lists, `[` and its closing character standing for each list. */
  const outline: string[] = [];
  /** The element being read: where it starts in the current chunk, and what came of it in earlier chunks. */
  let start = 0;
  let carried = '';
  /** The last string read at depth 1 (in a valid object, the key of what follows), where it starts, and what came of it earlier. */
  let lastString = '';
  let stringStart = -1;
  let stringCarried = '';
  let elements: unknown[] = [];
  const lists: [key: string | undefined, elements: unknown[]][] = [];
  let error: unknown;
  let blank = true;

  const element = (text: string, end: number) => {
    elements.push(JSON.parse(carried + text.slice(start, end)));
    carried = '';
  };

  function scan(text: string): void {
    start = 0;
    if (stringStart >= 0) stringStart = 0;
    // The next backslash, looked for again only once passed: most texts have none.
    let backslash = text.indexOf('\\');
    for (let i = 0; i < text.length; i++) {
      if (inString) {
        if (escaped) {
          escaped = false;
          continue;
        }
        // Straight to the end of the string: the next quote, unless a backslash comes first.
        if (backslash >= 0 && backslash < i) backslash = text.indexOf('\\', i);
        const quote = text.indexOf('"', i);
        if (backslash >= 0 && (quote < 0 || backslash < quote)) {
          i = backslash;
          escaped = true;
          continue;
        }
        if (quote < 0) break;
        i = quote;
        inString = false;
        if (stringStart >= 0) lastString = stringCarried + text.slice(stringStart, i + 1);
        stringStart = -1;
        stringCarried = '';
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        inString = true;
        if (depth === 1 && !listDepth) stringStart = i;
      } else if (c === COMMA) {
        if (listDepth && depth === listDepth) {
          element(text, i);
          start = i + 1;
        }
      } else if ((c | 32) === OPEN_OBJECT) {
        // `[` or `{`
        if (!depth && !root) root = c;
        depth++;
        if (c === OPEN_ARRAY && !listDepth && depth === (root === OPEN_ARRAY ? 1 : 2)) {
          listDepth = depth;
          outline.push(text.slice(start, i + 1));
          start = i + 1;
          elements = [];
          lists.push([root === OPEN_OBJECT && lastString ? String(JSON.parse(lastString)) : undefined, elements]);
        }
      } else if ((c | 32) === OPEN_OBJECT + 2) {
        // `]` or `}`
        if (listDepth && depth === listDepth) {
          if (elements.length || !JSON_SPACE.test(carried + text.slice(start, i))) element(text, i);
          carried = '';
          start = i;
          listDepth = 0;
        }
        if (--depth < 0) throw new SyntaxError('Unexpected ] or } in JSON'); // i18n-ignore: the parser's own error, for developers (the user reads a not-json error)
      }
    }
    // What is left of the piece being read carries over to the next chunk.
    if (listDepth) carried += text.slice(start);
    else outline.push(text.slice(start));
    if (stringStart >= 0) stringCarried += text.slice(stringStart);
  }

  return {
    push(text) {
      if (error !== undefined) return;
      if (blank) blank = !/\S/.test(text);
      try {
        scan(text);
      } catch (e) {
        error = e;
      }
    },
    end() {
      if (error !== undefined) throw error;
      const value: unknown = JSON.parse(outline.join(''));
      if (root === OPEN_ARRAY) return lists[0]?.[1] ?? value;
      // The last list under a key is its value, unless a later value under the same key replaced it.
      const object = value as Record<string, unknown>;
      for (const [key, list] of new Map(lists)) {
        if (key !== undefined && Object.hasOwn(object, key) && Array.isArray(object[key])) {
          Object.defineProperty(object, key, { value: list, writable: true, enumerable: true, configurable: true });
        }
      }
      return object;
    },
    get blank() {
      return blank;
    },
  };
}

/** Bytes decoded (and scanned) at a time, so that one piece of work stays well within a slice. */
const BLOCK = 64 * 1024;

/**
 * Reads `body` to its end into `parser`, decoding UTF-8 as `Response.text()` does, in time slices.
 * Rejects with the stream's error, or with the signal's reason when it aborts (even if the stream
 * does not heed the signal); the body is cancelled then. Parse errors wait in the parser for `end()`.
 */
export async function readJsonStream(body: ReadableStream<Uint8Array>, parser: JsonStreamParser, signal?: AbortSignal): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const pause = timeSlices(signal);
  const stop = () => void reader.cancel(signal?.reason).catch(() => undefined);
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      signal?.throwIfAborted();
      if (done) break;
      for (let at = 0; at < value.length; at += BLOCK) {
        parser.push(decoder.decode(value.subarray(at, at + BLOCK), { stream: true }));
        await pause();
      }
    }
    parser.push(decoder.decode());
  } catch (error) {
    reader.cancel(error).catch(() => undefined);
    throw error;
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}
