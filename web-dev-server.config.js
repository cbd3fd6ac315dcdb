// The demo: the host page in demo/, the built bundle from dist/, and the demo backend under /api/.
import './scripts/register-ts.js';

const { apiMiddleware } = await import('./demo/api.js');

/** @type {import('@web/dev-server').DevServerConfig} */
export default {
  rootDir: '.',
  port: Number(process.env.PORT ?? 8000),
  hostname: '127.0.0.1',
  appIndex: undefined,
  nodeResolve: false,
  middleware: [
    apiMiddleware(),
    (ctx, next) => {
      if (ctx.path === '/' || ctx.path === '/index.html') ctx.path = '/demo/index.html';
      return next();
    },
  ],
};
