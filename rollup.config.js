// Two outputs: per-entry ESM for bundler users (lit and @lit/* left external), and one minified,
// self-contained bundle for a plain <script type="module"> (lit included).
import { nodeResolve } from '@rollup/plugin-node-resolve';
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
};

/** @param {string} id */
const isExternal = (id) => /^(lit|@lit\/|@lit-labs\/)/.test(id);

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: entries,
    external: isExternal,
    plugins: [esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' })],
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
  },
  {
    input: 'src/index.ts',
    plugins: [nodeResolve(), esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify: true, legalComments: 'none' })],
    output: {
      file: 'dist/ai-usage-elements.bundle.js',
      format: 'es',
      sourcemap: true,
    },
  },
];
