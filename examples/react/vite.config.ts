import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs: the built page works from any folder (the repo's tests serve it from /examples/react/dist/).
  base: './',
  plugins: [react()],
  // One React: ai-usage-elements is linked from the repo (`file:../..`), whose own node_modules has
  // a React too; the wrappers must use this app's. (An app that installs the package from npm needs no such line.)
  resolve: { dedupe: ['react', 'react-dom'] },
  // `npm run dev`: the demo backend of `npm start` (run at the repo root) answers /api/.
  server: { proxy: { '/api': 'http://127.0.0.1:8000' } },
});
