import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

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

  it('has types for every JavaScript entry point', () => {
    for (const target of Object.values<string | { types?: string }>(pkg.exports)) {
      if (typeof target === 'object') assert.ok(target.types && existsSync(target.types), `${target.types} exists`);
    }
  });

  it('keeps lit external in per-element modules, and inside the self-contained bundle', () => {
    assert.match(readFileSync('dist/voice-usage.js', 'utf8'), /from ['"]lit['"]/);
    assert.doesNotMatch(readFileSync('dist/ai-usage-elements.bundle.js', 'utf8'), /from ['"]lit/);
  });

  it('stays within its size budget: the whole bundle, lit included, under 43 KB min+gzip', () => {
    // The goal is 30 KB (README, "Size"; the performance issue), missed: this budget catches growth
    // from where we are, 42.0 KB (43,016 bytes) with seven elements, time limits, status, the shared
    // trial activation, the hardening, and the performance work (windowed rows, streamed and sliced
    // reading and validation of big answers, the radix sort with prepared ranks).
    const size = gzipSync(readFileSync('dist/ai-usage-elements.bundle.js')).length;
    assert.ok(size < 43 * 1024, `bundle is ${size} bytes gzipped`);
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
