// `lit-localize build`, then two repairs of its output:
// - for plain and str`` messages the tool writes the XLIFF entities of a translation (`&lt;`, `&gt;`,
//   `&amp;`…) into the catalogue as they are, so "(<15 s)" would read "(&lt;15 s)" (lit/lit#3025).
//   html`` messages keep theirs: there they are markup;
// - the catalogues take `str` from our i18n module rather than the package's index, which brings
//   lit's controllers: the one-file bundle then stays one file plus a chunk per language.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
execFileSync(join(root, 'node_modules/.bin/lit-localize'), ['build'], { cwd: root, stdio: 'inherit' });
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
const ENTITIES = /** @type {Record<string, string>} */ ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' });
for (const locale of config.targetLocales) {
  const file = join(root, config.output.outputDir, `${locale}.ts`);
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => (/^'[^']+': (str)?`/.test(line) ? line.replace(/&(lt|gt|quot|apos|amp);/g, (entity) => ENTITIES[entity] ?? entity) : line))
    .map((line) => line.replace(/^(\s*)import \{str\} from '@lit\/localize';$/, "$1import {str} from '../localize.js';"));
  writeFileSync(file, lines.join('\n'));
}
