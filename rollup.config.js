// Two outputs: per-entry ESM for bundler users (lit and @lit/* left external), and one minified,
// self-contained bundle for a plain <script type="module"> (lit included).
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const entries = {
  index: 'src/index.ts',
  'voice-usage': 'src/voice-usage.ts',
  'messaging-usage': 'src/messaging-usage.ts',
  'licenses-usage': 'src/licenses-usage.ts',
  'usage-history': 'src/usage-history.ts',
  'usage-provider': 'src/usage-provider.ts',
  data: 'src/data.ts',
  'demo-data': 'src/demo-data.ts',
  'usage-calls': 'src/usage-calls.ts',
  'voice-configure': 'src/voice-configure.ts',
  // `ai-usage-elements/react`: the @lit/react wrappers, with React left to the host.
  react: 'src/react.ts',
};

/**
 * lit and @lit/* (@lit/react included), and React (`react`, `react/…`), which the host brings. Not
 * @lit/localize's internals (the message lookup, no lit in them): they are bundled, so the data
 * layer (`data.js`, `demo-data.js`) imports no package and loads on a page without an import map.
 * @param {string} id
 */
const isExternal = (id) => /^(lit|@lit\/(?!localize\/internal\/)|@lit-labs\/)/.test(id) || /^react($|\/)/.test(id);

/**
 * Whitespace out of html`` and css`` templates (the Lit team's plugin): a fifth of the bundle. On top
 * of its defaults, quotes go from attribute values that need none (`type=button`; lit parses unquoted
 * bindings too), and end tags the HTML parser implies (`</td>`, `</option>`, a `</p>` that ends its
 * template) go; one before an expression or text stays. test/browser/bundle-text.test.ts checks that
 * users read the same with and without these.
 */
const minifyTemplates = () =>
  minifyHTML({
    include: ['src/**/*.ts'],
    failOnError: true,
    options: { minifyOptions: { removeAttributeQuotes: true, removeOptionalTags: true } },
  });

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: entries,
    external: isExternal,
    plugins: [minifyTemplates(), nodeResolve(), esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' })],
    output: {
      dir: 'dist',
      format: 'es',
      // Maps for debugging here, not referenced from the files: the package ships none (see test/unit/package.test.ts).
      sourcemap: 'hidden',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
  },
  {
    input: 'src/bundle.ts',
    // The language chunks import lit and the i18n helpers from the bundle itself, which may export
    // them under extra (minified) names; without this rollup moves everything into a shared chunk
    // behind a one-line facade.
    preserveEntrySignatures: 'allow-extension',
    plugins: [
      minifyTemplates(),
      nodeResolve(),
      // esbuild's syntax pass first, then terser: terser squeezes about 3 % more than esbuild's whole
      // minifier, and the pair a little more than terser alone. Private names (`#x`) are mangled.
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', legalComments: 'none', minifySyntax: true }),
      terser({
        module: true,
        ecma: 2022,
        compress: { passes: 4, pure_getters: true, unsafe_arrows: true, inline: 1 },
        format: { comments: false },
      }),
    ],
    // The Swedish and German catalogues are chunks beside it, loaded only by a page that needs them.
    output: {
      dir: 'dist',
      entryFileNames: 'ai-usage-elements.bundle.js',
      chunkFileNames: 'locales/bundle-[name]-[hash].js',
      format: 'es',
      // Maps for debugging here, not referenced from the files: the package ships none (see test/unit/package.test.ts).
      sourcemap: 'hidden',
    },
  },
];
