// Browser tests in real headless Chromium, TypeScript through esbuild, the demo backend over real
// HTTP under /api/ (the same one `npm start` serves).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { CHROME_ARGS, findChrome } from './scripts/chrome-path.js';
import './scripts/register-ts.js';

const { apiMiddleware } = await import('./demo/api.js');
const { fixturesMiddleware } = await import('./test/support/fixtures-middleware.js');
const { strictPagesMiddleware } = await import('./test/support/strict-pages.js');
const { bundleVariantsPlugin } = await import('./test/support/bundle-variants.js');

/**
 * `executeServerCommand('emulate-timezone', { timeZone })`: runs the test's page in another time zone
 * (CDP Emulation.setTimezoneOverride through puppeteer), to prove dates do not depend on it.
 * @type {import('@web/test-runner').TestRunnerPlugin}
 */
const timezonePlugin = {
  name: 'emulate-timezone',
  async executeCommand({ command, payload, session }) {
    if (command !== 'emulate-timezone') return undefined;
    const launcher = /** @type {import('@web/test-runner-chrome').ChromeLauncher} */ (/** @type {unknown} */ (session.browser));
    const { timeZone } = /** @type {{ timeZone?: string }} */ (payload ?? {});
    await launcher.getPage(session.id).emulateTimezone(timeZone);
    return true;
  },
};

/**
 * The visual review (test/browser/visual.test.ts): screenshots compared with the baselines committed
 * in test/visual/baseline/. After an intended change of look: `npm run test:visual:update`, look at
 * the new images, commit them. A failure leaves the new image and a diff in test/visual/failed/.
 * Tolerance: pixelmatch's colour threshold 0.2 with anti-aliased pixels ignored (font rendering),
 * then at most 0.05 % of the pixels may differ: a 1 px border across a 1280 px table is 0.1 %.
 */
const updateVisual = process.argv.includes('--update-visual-baseline');
const visualPlugin = visualRegressionPlugin({
  update: updateVisual,
  baseDir: 'test/visual',
  getBaselineName: ({ name }) => `baseline/${name}`,
  getDiffName: ({ name }) => `failed/${name}-diff`,
  getFailedName: ({ name }) => `failed/${name}`,
  diffOptions: { threshold: 0.2, includeAA: false },
  failureThreshold: 0.05,
  failureThresholdType: 'percent',
});

/**
 * `executeServerCommand('visual-update-mode')`: true while baselines are being rewritten (the test that proves a diff fails has nothing to compare with then).
 * @type {import('@web/test-runner').TestRunnerPlugin}
 */
const visualModePlugin = {
  name: 'visual-update-mode',
  executeCommand({ command }) {
    return command === 'visual-update-mode' ? updateVisual : undefined;
  },
};

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), timezonePlugin, bundleVariantsPlugin(), visualPlugin, visualModePlugin],
  middleware: [fixturesMiddleware(), strictPagesMiddleware(), apiMiddleware(), (await import('./test/support/ssr-middleware.js')).ssrMiddleware()],
  browsers: [chromeLauncher({ launchOptions: { executablePath: findChrome(), args: CHROME_ARGS } })],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  coverageConfig: {
    include: ['src/**/*.ts'],
    threshold: { statements: 85, branches: 75, functions: 80, lines: 85 },
  },
};
