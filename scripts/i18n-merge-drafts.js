// Fills the <target> of each trans-unit in xliff/<locale>.xlf from the drafts in i18n-drafts/*.json
// ({ "<source inner XML>": { "sv": "...", "de": "..." } }), matching the source text (whitespace
// folded). Units that already have a target keep it unless --overwrite. Run after
// `lit-localize extract`; prints what it could not match.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const overwrite = process.argv.includes('--overwrite');
const fold = (/** @type {string} */ s) => s.replace(/\s+/g, ' ').trim();
const drafts = new Map();
for (const file of readdirSync(join(root, 'i18n-drafts')).filter((f) => f.endsWith('.json'))) {
  for (const [source, targets] of Object.entries(JSON.parse(readFileSync(join(root, 'i18n-drafts', file), 'utf8')))) drafts.set(fold(source), targets);
}
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
for (const locale of config.targetLocales) {
  const path = join(root, config.interchange.xliffDir, `${locale}.xlf`);
  let filled = 0;
  /** @type {string[]} */
  const missing = [];
  const xml = readFileSync(path, 'utf8').replace(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g, (unit, id, body) => {
    const source = /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? '';
    const hasTarget = /<target>/.test(body);
    if (hasTarget && !overwrite) return unit;
    const draft = drafts.get(fold(source))?.[locale];
    if (!draft) {
      if (!hasTarget) missing.push(`${id}: ${source}`);
      return unit;
    }
    filled++;
    const without = body.replace(/\n?\s*<target>[\s\S]*?<\/target>/, '');
    return `<trans-unit id="${id}">${without.replace(/(<\/source>)/, `$1\n  <target>${draft}</target>`)}</trans-unit>`;
  });
  writeFileSync(path, xml);
  console.log(`${locale}: ${filled} filled${missing.length ? `, ${missing.length} without a draft:\n  ${missing.join('\n  ')}` : ''}`);
}
