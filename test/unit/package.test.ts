import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
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

  it('stays within its size budget: the whole bundle, lit included, under 34 KB min+gzip', () => {
    // The goal is 30 KB (README, "Size"); this budget catches growth from where we are (33.1 KB).
    const size = gzipSync(readFileSync('dist/ai-usage-elements.bundle.js')).length;
    assert.ok(size < 34 * 1024, `bundle is ${size} bytes gzipped`);
  });

  it('documents every element, part and custom property in custom-elements.json', () => {
    const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
    const declarations = manifest.modules.flatMap((m: { declarations?: unknown[] }) => m.declarations ?? []);
    const voice = declarations.find((d: { tagName?: string }) => d.tagName === 'ai-voice-usage');
    assert.ok(voice, 'ai-voice-usage is in the manifest');
    const props = voice.cssProperties.map((p: { name: string }) => p.name);
    for (const name of ['--ai-usage-font-family', '--ai-usage-color-text', '--ai-usage-color-background', '--ai-usage-color-accent', '--ai-usage-color-border']) {
      assert.ok(props.includes(name), `${name} documented`);
    }
    const parts = voice.cssParts.map((p: { name: string }) => p.name);
    for (const name of ['table', 'header-cell', 'row', 'cell']) assert.ok(parts.includes(name), `part ${name} documented`);
    assert.ok(declarations.some((d: { tagName?: string }) => d.tagName === 'ai-usage-provider'));
  });
});
