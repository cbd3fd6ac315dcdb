// `npm run size`: how big the build is. The self-contained bundle (minified, lit included) and every
// entry module in dist/ with the chunks it imports (lit external), raw, gzip (Node's zlib, level 9)
// and brotli (quality 11). Measuring is in scripts/sizes.js.
import { existsSync, readdirSync } from 'node:fs';
import { measureFile, measureModule } from './sizes.js';

const BUNDLE = 'dist/ai-usage-elements.bundle.js';

if (!existsSync(BUNDLE)) {
  console.error(`npm run size: ${BUNDLE} is missing. Build first: npm run build`);
  process.exit(1);
}

const kb = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const entries = readdirSync('dist')
  .filter((file) => file.endsWith('.js') && `dist/${file}` !== BUNDLE)
  .sort();

/** @type {{ name: string; files: number; raw: number; gzip: number; brotli: number }[]} */
const rows = [{ name: 'ai-usage-elements.bundle.js (lit included)', files: 1, ...measureFile(BUNDLE) }];
try {
  for (const entry of entries) {
    const { files, ...size } = measureModule(`dist/${entry}`);
    rows.push({ name: entry, files: files.length, ...size });
  }
} catch (error) {
  console.error(`npm run size: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const nameWidth = Math.max(...rows.map((r) => r.name.length), 'module'.length);
const columns = /** @type {const} */ (['files', 'raw', 'gzip', 'brotli']);
const cell = (/** @type {string} */ s) => s.padStart(10);
const line = (/** @type {string} */ name, /** @type {string[]} */ cells) => `${name.padEnd(nameWidth)}${cells.map(cell).join('')}`;

console.log('Sizes of dist/ (gzip: Node zlib level 9; brotli: quality 11)\n');
console.log(line('module', [...columns]));
console.log('-'.repeat(nameWidth + columns.length * 10));
for (const r of rows) console.log(line(r.name, [String(r.files), kb(r.raw), kb(r.gzip), kb(r.brotli)]));
console.log(`\nThe bundle is minified. Entry modules are counted with the chunks they import, concatenated,
as built (templates minified, code not: an app's bundler minifies it), without lit. ${BUNDLE}: ${rows[0]?.gzip.toLocaleString('en')} bytes gzip.`);
