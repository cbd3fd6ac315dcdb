/**
 * What `npm pack` puts in the package (run after `npm run build`): exactly what a consumer needs.
 * That is the JavaScript and the type declarations of dist/ that the package's entry points reach
 * (the language catalogues and shared chunks included), custom-elements.json, openapi.yaml, README.md,
 * LICENSE and CHANGELOG.md. Nothing else: no src/, test/, stories/ or config, no source maps (they
 * would more than double the package, carry the TypeScript sources in full, and the declaration maps
 * point at src/ files that are not shipped; the per-entry modules are unminified and read as they
 * are), and no file of dist/ that no entry point reaches (a chunk left over from an earlier build).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, it } from 'node:test';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main?: string;
  module?: string;
  types?: string;
  customElements?: string;
  exports: Record<string, unknown>;
};

/** The files `npm pack` would put in the tarball (scripts not run: the test reads the build as it is). */
const packed: string[] = (
  JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as {
    files: { path: string }[];
  }[]
)[0]!.files.map((f) => f.path);
const inPack = new Set(packed);

/** The files the package's fields and `exports` name (every condition), without `./`. */
function entryFiles(): { js: string[]; types: string[]; other: string[] } {
  const targets: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(pkg.exports);
  for (const field of [pkg.main, pkg.module, pkg.types, pkg.customElements]) if (field) targets.push(field);
  const files = [...new Set(targets.map((t) => posix.normalize(t)))];
  return {
    js: files.filter((f) => f.endsWith('.js')),
    types: files.filter((f) => f.endsWith('.d.ts')),
    other: files.filter((f) => !f.endsWith('.js') && !f.endsWith('.d.ts')),
  };
}

/** Relative module specifiers in a module or declaration: static, side-effect, re-export and dynamic imports. */
const relativeImports = (code: string) => [...code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);

/** The packed file a specifier names from `file`: the module itself, or for a declaration its `.d.ts`. */
function resolve(file: string, specifier: string, declaration: boolean): string {
  const target = posix.join(posix.dirname(file), specifier);
  if (!declaration) return target;
  const stem = target.replace(/\.js$/, '');
  return [`${stem}.d.ts`, `${stem}/index.d.ts`].find((f) => inPack.has(f)) ?? `${stem}.d.ts`;
}

/** Every file reachable from `roots` through relative imports, and the imports that name no packed file. */
function reach(roots: string[], declaration: boolean): { reached: Set<string>; missing: string[] } {
  const reached = new Set<string>();
  const missing: string[] = [];
  const queue = [...roots];
  while (queue.length) {
    const file = queue.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    for (const specifier of relativeImports(readFileSync(file, 'utf8'))) {
      const target = resolve(file, specifier, declaration);
      if (!inPack.has(target)) missing.push(`${file} imports ${specifier} (${target}), not in the package`);
      else queue.push(target);
    }
  }
  return { reached, missing };
}

describe('npm pack (run after `npm run build`)', () => {
  it('ships only dist JavaScript and declarations, the manifest, the OpenAPI contract and the documents', () => {
    const allowed = [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^CHANGELOG\.md$/, /^custom-elements\.json$/, /^openapi\.yaml$/, /^dist\/.+\.js$/, /^dist\/.+\.d\.ts$/];
    assert.deepEqual(
      packed.filter((f) => !allowed.some((pattern) => pattern.test(f))),
      [],
      'files in the package a consumer does not need',
    );
    for (const file of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'custom-elements.json', 'openapi.yaml', 'dist/ai-usage-elements.bundle.js'])
      assert.ok(inPack.has(file), `${file} is in the package`);
  });

  it('ships every file an entry point names, and every module and declaration those import (chunks and language catalogues included)', () => {
    const { js, types, other } = entryFiles();
    assert.deepEqual(
      [...js, ...types, ...other].filter((f) => f !== 'package.json' && !inPack.has(f)),
      [],
      'entry points whose file is not in the package',
    );
    const modules = reach(js, false);
    const declarations = reach(types, true);
    assert.deepEqual([...modules.missing, ...declarations.missing], []);
    const catalogues = [...modules.reached].filter((f) => /\/(bundle-)?(sv|de)-[\w-]+\.js$/.test(f));
    assert.ok(catalogues.length >= 4, `the Swedish and German catalogues of the modules and of the bundle: ${catalogues.join(', ')}`);
  });

  it('ships no module of dist that no entry point reaches (a chunk left from an earlier build, a stray file)', () => {
    const { js } = entryFiles();
    const { reached } = reach(js, false);
    assert.deepEqual(
      packed.filter((f) => f.endsWith('.js') && !reached.has(f)),
      [],
      'modules no entry point imports: run a clean build',
    );
  });
});
