// The host-framework type tests (test/types/): React 19 JSX and the React wrappers, Vue templates
// with `strictTemplates`, Svelte 5 markup, against the built dist/*.d.ts. A correct use must
// compile and each `@ts-expect-error` / `@vue-expect-error` mistake must not.
//
// The frameworks' types and compilers live in test/types/node_modules (its own package.json and
// lockfile), not in the library's install: they are installed here with `npm ci` when missing or
// older than that lockfile. vue-tsc is TypeScript's tsc (test/types' own, 5.9) plus Vue templates.
//
// Usage: node scripts/check-types.js   (after `npm run build`)
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

const DIR = 'test/types';
const LOCKFILE = path.join(DIR, 'package-lock.json');
const INSTALLED = path.join(DIR, 'node_modules/.package-lock.json');
const VUE_TSC = path.join(DIR, 'node_modules/vue-tsc/bin/vue-tsc.js');
const BUILT = ['dist/jsx.d.ts', 'dist/vue.d.ts', 'dist/svelte.d.ts', 'dist/react.d.ts', 'dist/index.d.ts'];

/** @param {string} message */
const fail = (message) => {
  console.error(`check-types: ${message}`);
  process.exit(1);
};

const missing = BUILT.filter((file) => !existsSync(file));
if (missing.length) fail(`${missing.join(', ')} missing: build first (npm run build).`);

const started = Date.now();
const stale = !existsSync(VUE_TSC) || !existsSync(INSTALLED) || statSync(LOCKFILE).mtimeMs > statSync(INSTALLED).mtimeMs;
if (stale) {
  console.log(`check-types: installing ${DIR}/node_modules (npm ci)`);
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: DIR, stdio: 'inherit' });
  if (install.status !== 0) fail(`npm ci in ${DIR} failed (exit ${install.status ?? install.signal}).`);
}
const checking = Date.now();

const check = spawnSync(process.execPath, [VUE_TSC, '-p', DIR], { stdio: 'inherit' });
const seconds = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(1)} s`;
const times = `${stale ? `install ${seconds(checking - started)}, ` : ''}check ${seconds(Date.now() - checking)}`;
if (check.status !== 0) fail(`the framework types failed their host checks (${times}); see the errors above.`);
console.log(`check-types: React, Vue and Svelte host types hold (${times}).`);
