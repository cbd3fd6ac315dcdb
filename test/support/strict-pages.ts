/**
 * Host pages served with a strict Content-Security-Policy, for test/browser/strict-page.test.ts.
 *
 *   GET /strict/<policy>.html[?copies=2][&axe]
 *                                          a page that loads only dist/ai-usage-elements.bundle.js
 *                                          (twice with `copies=2`; axe-core too with `axe`) and shows
 *                                          the elements against the demo backend at /api/ai-usage/
 *   GET /strict/recorder.js                the page's first script: records every
 *                                          `securitypolicyviolation`, `error` and
 *                                          `unhandledrejection` into `window.strictReport`
 *
 * `<policy>` names the `Content-Security-Policy` response header:
 * - `contract`: the contract's policy (0.2), exactly;
 * - `allow-duplicates`: the same with `'allow-duplicates'`, for two copies of the bundle;
 * - `tt-none`: `trusted-types 'none'`, which the bundle cannot meet (proves the test sees violations).
 *
 * Nothing on these pages is inline (no inline script, no style attribute): the policy forbids both.
 * The test runner's own page gets no header, so the tests open these pages in a same-origin iframe.
 */
import type { ServerResponse } from 'node:http';

interface Context {
  method: string;
  url: string;
  res: ServerResponse;
  respond?: boolean;
}

const BASE = "default-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

export const STRICT_POLICIES: Record<string, string> = {
  contract: `${BASE}; trusted-types lit-html`,
  'allow-duplicates': `${BASE}; trusted-types lit-html 'allow-duplicates'`,
  'tt-none': `${BASE}; trusted-types 'none'`,
};

const PREFIX = '/strict/';
const BUNDLE = '/dist/ai-usage-elements.bundle.js';
const ENDPOINT = '/api/ai-usage/';
/** axe-core, same origin (`?axe`): the test runner's axe cannot check another window's document. */
const AXE = '/node_modules/axe-core/axe.min.js';

/** Runs before the bundle (a classic, blocking script), so it sees everything the bundle causes. */
const RECORDER = `(() => {
  const report = (window.strictReport = { violations: [], errors: [] });
  document.addEventListener(
    'securitypolicyviolation',
    (e) => report.violations.push({ directive: e.effectiveDirective || e.violatedDirective, blockedURI: e.blockedURI, sample: e.sample, source: e.sourceFile + ':' + e.lineNumber }),
    true,
  );
  window.addEventListener('error', (e) => report.errors.push(String((e.error && e.error.stack) || e.message || e.type)), true);
  window.addEventListener('unhandledrejection', (e) => report.errors.push('unhandled rejection: ' + String((e.reason && e.reason.stack) || e.reason)));
})();
`;

function page(policy: string, copies: number, axe: boolean): string {
  const scripts = Array.from({ length: copies }, (_, i) => `<script type="module" src="${BUNDLE}${i === 0 ? '' : `?copy=${i}`}"></script>`).join('\n    ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Strict host page (${policy})</title>
    <script src="${PREFIX}recorder.js"></script>${axe ? `\n    <script src="${AXE}"></script>` : ''}
    ${scripts}
  </head>
  <body>
    <main>
      <h1>Organization settings</h1>
      <h2>Licenses and usage</h2>
      <ai-voice-usage endpoint="${ENDPOINT}"></ai-voice-usage>
      <ai-messaging-usage endpoint="${ENDPOINT}"></ai-messaging-usage>
      <ai-usage-history endpoint="${ENDPOINT}"></ai-usage-history>
      <ai-licenses-usage endpoint="${ENDPOINT}"></ai-licenses-usage>
    </main>
  </body>
</html>
`;
}

function send(ctx: Context, status: number, headers: Record<string, string>, body: string): undefined {
  ctx.respond = false;
  ctx.res.writeHead(status, { 'cache-control': 'no-store', ...headers }).end(body);
  return undefined;
}

export function strictPagesMiddleware() {
  return async (ctx: Context, next: () => Promise<unknown>) => {
    if (ctx.method !== 'GET' || !ctx.url.startsWith(PREFIX)) return next();
    const url = new URL(ctx.url, 'http://localhost');
    const name = url.pathname.slice(PREFIX.length);
    if (name === 'recorder.js') return send(ctx, 200, { 'content-type': 'text/javascript; charset=utf-8' }, RECORDER);
    const policyName = /^([a-z-]+)\.html$/.exec(name)?.[1];
    const policy = policyName === undefined ? undefined : STRICT_POLICIES[policyName];
    if (!policyName || !policy) return send(ctx, 404, { 'content-type': 'text/plain; charset=utf-8' }, `no strict page ${name}`);
    const copies = Math.min(2, Math.max(1, Number(url.searchParams.get('copies') ?? 1) || 1));
    return send(ctx, 200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy }, page(policyName, copies, url.searchParams.has('axe')));
  };
}
