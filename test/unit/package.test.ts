import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { parseAst } from 'rollup/parseAst';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

/** The module specifiers of a built module: static (imports, re-exports) and dynamic (`import('…')` with a literal). */
function importsOf(file: string): { static: string[]; dynamic: string[] } {
  const found = { static: [] as string[], dynamic: [] as string[] };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; source?: { type?: string; value?: unknown } };
    if (typeof n.source?.value === 'string') {
      if (n.type === 'ImportExpression') found.dynamic.push(n.source.value);
      else if (n.type === 'ImportDeclaration' || n.type === 'ExportNamedDeclaration' || n.type === 'ExportAllDeclaration') found.static.push(n.source.value);
    }
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
  };
  visit(parseAst(readFileSync(file, 'utf8')));
  return found;
}

describe('the built package (run after `npm run build`)', () => {
  it('imports every per-element entry point outside a browser without throwing', async () => {
    for (const [entry, target] of Object.entries<string | { default: string }>(pkg.exports)) {
      const file = typeof target === 'string' ? target : target.default;
      if (!file.endsWith('.js')) continue;
      assert.ok(existsSync(file), `${entry} → ${file} exists`);
      // The self-contained bundle carries lit's browser build: it is for <script type="module"> only.
      if (file.endsWith('.bundle.js')) continue;
      await import(`../../${file}`);
    }
  });

  it('points at no source map from what it ships (the package has none)', () => {
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
    const shipped = walk('dist').filter((f) => f.endsWith('.js') || f.endsWith('.d.ts'));
    assert.ok(shipped.length > 20);
    const dangling = shipped.filter((f) => /sourceMappingURL=/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(dangling, []);
  });

  it('has types for every JavaScript entry point', () => {
    for (const target of Object.values<string | { types?: string }>(pkg.exports)) {
      if (typeof target === 'object') assert.ok(target.types && existsSync(target.types), `${target.types} exists`);
    }
  });

  it('keeps lit external in per-element modules (imported by the module or a chunk it imports), and inside the self-contained bundle', () => {
    const packages = new Set<string>();
    const seen = new Set<string>();
    const queue = ['dist/voice-usage.js'];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const specifier of importsOf(file).static) {
        if (specifier.startsWith('.')) queue.push(join(dirname(file), specifier));
        else packages.add(specifier);
      }
    }
    assert.ok(packages.has('lit'), `dist/voice-usage.js and its chunks import lit: ${[...packages].join(', ')}`);
    assert.doesNotMatch(readFileSync('dist/ai-usage-elements.bundle.js', 'utf8'), /from ['"]lit/);
  });

  it('loads the data layer in a browser without an import map: dist/data.js and dist/demo-data.js, and every module they import, name no package (no lit, no @lit/*)', () => {
    const bare: string[] = [];
    const lazy = new Set<string>();
    const seen = new Set<string>();
    const queue = ['dist/data.js', 'dist/demo-data.js'];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const { static: statics, dynamic } = importsOf(file);
      for (const specifier of statics) {
        if (/^\.{1,2}\//.test(specifier)) queue.push(join(dirname(file), specifier));
        else bare.push(`${file} imports ${specifier}`);
      }
      for (const specifier of dynamic) lazy.add(join(dirname(file), specifier));
    }
    assert.ok(seen.size > 3, `the data layer's modules: ${[...seen].join(', ')}`);
    assert.deepEqual(bare, [], 'a page without an import map cannot resolve these');
    // The one thing loaded later: a language's catalogue (whose html`` messages need lit), and only
    // when an element speaks that language (i18n/localize.ts, scopeFor); the data layer's own words
    // outside an element are English.
    assert.deepEqual(
      [...lazy].filter((f) => !/^dist\/chunks\/(sv|de)-[\w-]+\.js$/.test(f)),
      [],
      'modules the data layer may load later',
    );
  });

  it('stays within its size budget: the whole bundle, lit included, under 51 KB min+gzip', () => {
    // The goal is 30 KB (README, "Size"; the performance issue), missed, and so is that issue's
    // 43 KB budget: the languages took the bundle to 45.8 KB, and exporting the memory source and
    // the demo-data generator for pages without a build to 49.9 KB (51,115 bytes). This budget
    // catches growth from there. The Swedish and German catalogues are chunks beside the bundle.
    const size = gzipSync(readFileSync('dist/ai-usage-elements.bundle.js')).length;
    assert.ok(size < 51 * 1024, `bundle is ${size} bytes gzipped`);
  });

  it('keeps the Swedish and German catalogues out of the bundle, each a chunk beside it that only a page needing it loads', () => {
    const bundle = readFileSync('dist/ai-usage-elements.bundle.js', 'utf8');
    const chunks = readdirSync('dist/locales').filter((f) => f.endsWith('.js'));
    for (const language of ['sv', 'de']) {
      const chunk = chunks.find((f) => f.startsWith(`bundle-${language}-`));
      assert.ok(chunk, `dist/locales/bundle-${language}-*.js`);
      assert.match(bundle, new RegExp(`import\\("\\./locales/${chunk.replace('.', '\\.')}"\\)`));
    }
    assert.doesNotMatch(bundle, /Försök igen|Erneut versuchen/);
    assert.deepEqual(
      chunks.filter((f) => !/^bundle-(sv|de)-/.test(f)),
      [],
      'no other chunk: the bundle is one file plus one per language',
    );
  });

  it('documents every element, part and custom property in custom-elements.json', () => {
    const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
    const declarations: { tagName?: string; cssProperties?: { name: string }[]; cssParts?: { name: string }[] }[] = manifest.modules.flatMap(
      (m: { declarations?: unknown[] }) => m.declarations ?? [],
    );
    // Every tag a define file (src/*.ts) registers: the elements the package defines.
    const tags = readdirSync('src')
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => [...readFileSync(`src/${file}`, 'utf8').matchAll(/customElements\.define\(\s*['"]([a-z][a-z0-9]*-[a-z0-9-]+)['"]/g)].map((m) => m[1]));
    for (const tag of ['ai-voice-usage', 'ai-messaging-usage', 'ai-usage-history', 'ai-licenses-usage', 'ai-usage-provider']) {
      assert.ok(tags.includes(tag), `a define file registers <${tag}>`);
    }
    // The theming contract (README, "Theming"). Not on <ai-usage-provider>: it renders only a slot and is
    // `display: contents` (no box, text or colour of its own), so it uses no token; tokens set on it
    // reach the elements inside by inheritance, and each of those documents them.
    const contract = ['--ai-usage-font-family', '--ai-usage-color-text', '--ai-usage-color-background', '--ai-usage-color-accent', '--ai-usage-color-border'];
    const tableParts = ['table', 'header-cell', 'row', 'cell'];
    const missing: string[] = [];
    for (const tag of new Set(tags)) {
      const element = declarations.find((d) => d.tagName === tag);
      if (!element) {
        missing.push(`<${tag}> is not in the manifest`);
        continue;
      }
      const props = (element.cssProperties ?? []).map((p) => p.name);
      if (tag !== 'ai-usage-provider') for (const name of contract) if (!props.includes(name)) missing.push(`<${tag}> custom property ${name}`);
      const parts = (element.cssParts ?? []).map((p) => p.name);
      if (tag === 'ai-voice-usage' || tag === 'ai-messaging-usage') for (const name of tableParts) if (!parts.includes(name)) missing.push(`<${tag}> part ${name}`);
    }
    assert.deepEqual(missing, [], `not documented in custom-elements.json:\n  ${missing.join('\n  ')}`);
  });
});
