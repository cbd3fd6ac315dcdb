/**
 * The two builds of the self-contained bundle that test/browser/bundle-text.test.ts compares, for the
 * test runner (a plugin in web-test-runner.config.js):
 *
 *   GET /__variants__/ai-usage-elements.bundle.js the bundle built from rollup.config.js's own config for
 *                                        src/bundle.ts, minus the minifiers (HTML-literal minifier,
 *                                        terser); built in memory on first request
 *   GET /__variants__/<variant>.html     a page where that variant defines every element, and where the
 *                                        stories' imports of src/ element modules are mapped (import map)
 *                                        to it; test/support/variant-frame.ts renders and reads stories
 *   GET /__variants__/stories.json       { files: [{ file, names }] (each stories file and its stories, named
 *                                        as Storybook's indexer finds them: its named exports), stale: why
 *                                        dist/ may be out of date, if it may }
 *
 * `<variant>` is `minified` (dist/ai-usage-elements.bundle.js as `npm run build` left it) or `plain`.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import type { Plugin } from '@web/dev-server-core';
import type { OutputOptions, Plugin as RollupPlugin } from 'rollup';

const PREFIX = '/__variants__/';
const ENTRY = 'src/bundle.ts';
const MINIFIED = 'dist/ai-usage-elements.bundle.js';

/** Where each variant is served. */
// The plain build is served under the shipped file's name: its language chunks import it by that name.
export const VARIANTS = { minified: `/${MINIFIED}`, plain: `${PREFIX}ai-usage-elements.bundle.js` } as const;
export type Variant = keyof typeof VARIANTS;

/** The plugins that make the shipped bundle differ from its source: the HTML-literal minifier (which must be there, or the comparison proves nothing) and terser. */
const HTML_MINIFIER = 'minify-html-literals';
const MINIFIERS = [HTML_MINIFIER, 'terser'];

/** The bundle built with the config `npm run build` uses for src/bundle.ts, without its minifiers: its entry, and its language chunks by path (`locales/bundle-sv-….js`). */
async function buildPlain(): Promise<{ entry: string; chunks: Map<string, string> }> {
  const [{ rollup }, { default: configs }] = await Promise.all([import('rollup'), import('../../rollup.config.js')]);
  const config = configs.find((c) => c.input === ENTRY);
  if (!config) throw new Error(`rollup.config.js has no build of ${ENTRY}`);
  const plugins = (config.plugins as RollupPlugin[]).filter(Boolean);
  if (!plugins.some((p) => p.name === HTML_MINIFIER)) throw new Error(`the ${ENTRY} build in rollup.config.js has no "${HTML_MINIFIER}" plugin: nothing to compare`);
  const { output, ...input } = config;
  const bundle = await rollup({ ...input, plugins: plugins.filter((p) => !MINIFIERS.includes(p.name)) });
  try {
    const { output: files } = await bundle.generate({ ...(output as OutputOptions), sourcemap: false });
    const chunks = new Map(files.flatMap((f) => (f.type === 'chunk' && !f.isEntry ? [[f.fileName, f.code] as const] : [])));
    return { entry: files[0].code, chunks };
  } finally {
    await bundle.close();
  }
}

/** The src/ modules the bundle re-exports (the element define modules, the data-source errors): a story importing one gets the variant instead. */
async function mappedModules(): Promise<string[]> {
  const entry = await readFile(ENTRY, 'utf8');
  return [...entry.matchAll(/from '\.\/([\w/-]+)\.js'/g)].map(([, path]) => `/src/${path}`);
}

/** Runs before any module: records errors, rejections and warnings (but Lit's dev-mode notice) for the test to report. */
const RECORDER = `(() => {
  const problems = (window.frameProblems = []);
  addEventListener('error', (e) => problems.push('error: ' + (e.error?.stack || e.message)));
  addEventListener('unhandledrejection', (e) => problems.push('unhandled rejection: ' + (e.reason?.stack || e.reason)));
  const warn = console.warn.bind(console);
  console.warn = (...args) => {
    const text = args.map(String).join(' ');
    if (!/Lit is in dev mode/.test(text)) problems.push('warning: ' + text);
    warn(...args);
  };
})();`;

async function page(variant: Variant): Promise<string> {
  const bundle = VARIANTS[variant];
  // The stories' imports are rewritten to .ts by the esbuild plugin; map both spellings.
  const imports = Object.fromEntries((await mappedModules()).flatMap((m) => [`${m}.ts`, `${m}.js`]).map((m) => [m, bundle]));
  return `<!doctype html>
<html lang="en" data-variant="${variant}" data-bundle="${bundle}">
  <head>
    <meta charset="utf-8" />
    <title>Stories on the ${variant} bundle</title>
    <script>${RECORDER}</script>
    <script type="importmap">${JSON.stringify({ imports })}</script>
    <script type="module" src="/test/support/variant-frame.ts"></script>
  </head>
  <body></body>
</html>
`;
}

/** A stories file's stories, read from its source (so the test knows them before a page evaluates the file): its named exports. */
async function storyNames(file: string): Promise<string[]> {
  return [...(await readFile(file, 'utf8')).matchAll(/^export const (\w+)/gm)].map(([, name]) => name!);
}

/** Why the shipped bundle may not match src/ (a file changed after it was built), or undefined. */
async function staleness(): Promise<string | undefined> {
  const built = await stat(MINIFIED).catch(() => undefined);
  if (!built) return `${MINIFIED} is missing: run npm run build`;
  for (const entry of await readdir('src', { recursive: true, withFileTypes: true })) {
    const file = `${entry.parentPath}/${entry.name}`;
    if (entry.isFile() && (await stat(file)).mtimeMs > built.mtimeMs) return `${file} changed after ${MINIFIED} was built: run npm run build`;
  }
  return undefined;
}

export function bundleVariantsPlugin(): Plugin {
  let plain: ReturnType<typeof buildPlain> | undefined;
  return {
    name: 'bundle-variants',
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const name = context.path.slice(PREFIX.length);
      if (name === 'ai-usage-elements.bundle.js') {
        plain ??= buildPlain();
        // A failed build fails the page that loads it, with the reason.
        return { body: await plain.then(({ entry }) => entry).catch((e: Error) => `throw new Error(${JSON.stringify(`the plain build failed: ${e.message}`)});`), type: 'js' };
      }
      // Its language chunks, which it imports from beside itself.
      const chunk = plain && (await plain.catch(() => undefined))?.chunks.get(name);
      if (chunk) return { body: chunk, type: 'js' };
      if (name === 'stories.json') {
        const files = (await readdir('stories')).filter((f) => f.endsWith('.stories.ts')).sort();
        const stories = await Promise.all(files.map(async (f) => ({ file: `stories/${f}`, names: await storyNames(`stories/${f}`) })));
        return { body: JSON.stringify({ files: stories, stale: await staleness() }), type: 'json' };
      }
      const variant = /^(\w+)\.html$/.exec(name)?.[1];
      if (variant && variant in VARIANTS) return { body: await page(variant as Variant), type: 'html' };
      return undefined;
    },
  };
}
