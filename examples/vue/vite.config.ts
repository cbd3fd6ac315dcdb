import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs: the built page works from any folder (the repo's tests serve it from /examples/vue/dist/).
  base: './',
  plugins: [
    vue({
      // <ai-*> are custom elements, not Vue components.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('ai-') } },
    }),
  ],
  // `npm run dev`: the demo backend of `npm start` (run at the repo root) answers /api/.
  server: { proxy: { '/api': 'http://127.0.0.1:8000' } },
});
