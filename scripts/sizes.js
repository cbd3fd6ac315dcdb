// How big the built files are, as the README's "Size" section and the size budget count them:
// Node's gzip at level 9 and brotli at quality 11, in bytes. Used by `npm run size` (scripts/size.js);
// the size budget in test/unit/package.test.ts can use `measureFile` too.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** @typedef {{ raw: number; gzip: number; brotli: number }} Size */

/**
 * Compressed sizes of some bytes.
 * @param {Uint8Array | string} content
 * @returns {Size}
 */
export function measure(content) {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

/**
 * Compressed sizes of one file, e.g. `measureFile('dist/ai-usage-elements.bundle.js').gzip`.
 * @param {string} file
 * @returns {Size}
 */
export function measureFile(file) {
  return measure(readFileSync(file));
}

/** Static `import … from './x.js'`, `import './x.js'` and `export … from './x.js'` (not `import()`). */
const RELATIVE_IMPORT = /(?:^|[\s;}])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?['"](\.\.?\/[^'"]+)['"]/g;

/**
 * A module and every module it imports statically through relative paths (its chunks), entry
 * first; bare imports (`lit`, `@lit/…`) are left out: they are external, shared with the app.
 * @param {string} entry
 * @returns {string[]}
 */
export function moduleFiles(entry) {
  /** @type {string[]} */
  const seen = [];
  /** @param {string} file */
  const visit = (file) => {
    if (seen.includes(file)) return;
    if (!existsSync(file)) throw new Error(`${file} is missing (imported by ${seen.at(-1) ?? 'nobody'}): run \`npm run build\`.`);
    seen.push(file);
    const code = readFileSync(file, 'utf8');
    for (const [, specifier] of code.matchAll(RELATIVE_IMPORT)) visit(relative('.', join(dirname(file), /** @type {string} */ (specifier))));
  };
  visit(relative('.', entry));
  return seen;
}

/**
 * Compressed size of a module with its chunks, concatenated (what a bundler puts in an app before
 * its own minification); lit and @lit/* not counted.
 * @param {string} entry
 * @returns {Size & { files: string[] }}
 */
export function measureModule(entry) {
  const files = moduleFiles(entry);
  return { files, ...measure(Buffer.concat(files.map((file) => readFileSync(file)))) };
}
