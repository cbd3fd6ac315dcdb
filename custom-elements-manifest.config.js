/** custom-elements.json from the components' JSDoc (@summary, @fires, @slot, @csspart, @cssprop). */
export default {
  globs: ['src/components/**/*.component.ts'],
  exclude: ['**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
};
