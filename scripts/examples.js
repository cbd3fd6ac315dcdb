// The framework examples (examples/react, examples/vue, examples/svelte), each installed from its own
// package-lock.json into its own node_modules (the library's install does not grow), type-checked
// and built by its own `npm run build` into examples/<name>/dist/. examples/html needs no build: it
// loads dist/ai-usage-elements.bundle.js. test/browser/examples.test.ts then opens every built page.
//
// Run after the library's `npm run build` (the examples link it as `file:../..` and read its dist/).
// `npm ci` is skipped for an example whose node_modules was installed from the same package.json
// and package-lock.json (a stamp in node_modules records their hash): a warm run only builds.
// The examples run side by side; each one's npm output is shown only when it fails.
//
// Usage: node scripts/examples.js [name…]   (default: every example with a package.json)
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = path.join(root, 'examples');
const STAMP = '.ai-usage-elements-install';

/**
 * Runs npm in an example, its output kept for the report.
 * @param {string} name
 * @param {string[]} args
 * @returns {Promise<{ ok: boolean; seconds: string; output: string }>}
 */
function npm(name, args) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npm', args, { cwd: path.join(examplesDir, name), stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const done = (/** @type {boolean} */ ok, /** @type {string} */ why = '') =>
      resolve({ ok, seconds: ((performance.now() - started) / 1000).toFixed(1), output: `$ npm ${args.join(' ')}\n${output}${why}` });
    child.on('error', (error) => done(false, String(error)));
    child.on('close', (code) => done(code === 0, code === 0 ? '' : `exit ${code}`));
  });
}

/** @param {string} name */
function installHash(name) {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) hash.update(readFileSync(path.join(examplesDir, name, file)));
  return hash.digest('hex');
}

/**
 * Installs (unless up to date) and builds one example; resolves to its summary line, or rejects with its output.
 * @param {string} name
 */
async function example(name) {
  const stamp = path.join(examplesDir, name, 'node_modules', STAMP);
  const hash = installHash(name);
  let install = 'up to date';
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== hash) {
    const ci = await npm(name, ['ci', '--no-audit', '--no-fund']);
    if (!ci.ok) throw new Error(`examples/${name}: npm ci failed after ${ci.seconds} s\n${ci.output}`);
    writeFileSync(stamp, hash);
    install = `npm ci ${ci.seconds} s`;
  }
  const build = await npm(name, ['run', 'build']);
  if (!build.ok) throw new Error(`examples/${name}: npm run build failed after ${build.seconds} s\n${build.output}`);
  return `examples/${name}: install ${install}, type-check and build ${build.seconds} s`;
}

if (!existsSync(path.join(root, 'dist', 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` at the repo root first (the examples use the built library).');
  process.exit(1);
}

const all = readdirSync(examplesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(examplesDir, entry.name, 'package.json')))
  .map((entry) => entry.name)
  .sort();
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !all.includes(name));
if (unknown.length) {
  console.error(`No such example: ${unknown.join(', ')} (examples: ${all.join(', ')})`);
  process.exit(1);
}

// All at once: installs wait on the network, builds share the cores.
const started = performance.now();
const results = await Promise.allSettled((asked.length ? asked : all).map(example));
for (const result of results) {
  if (result.status === 'fulfilled') console.log(result.value);
  else console.error(String(result.reason instanceof Error ? result.reason.message : result.reason));
}
const failed = results.filter((r) => r.status === 'rejected').length;
console.log(`examples: ${results.length - failed} built, ${failed} failed, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (failed) process.exitCode = 1;
