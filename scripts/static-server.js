// The one static file server of the scripts (Storybook check, screenshots, benchmark, `npm start`):
// serves a folder over HTTP on 127.0.0.1, with optional middleware in front of the files.
//
// Middleware has the Koa shape the dev servers use (`(ctx, next) => …`), so the demo backend's
// `apiMiddleware()` and the middleware of `web-dev-server.config.js` plug in unchanged. A middleware
// answers by setting `ctx.status`/`ctx.body` (and `ctx.set(headers)`), or rewrites `ctx.path` and
// calls `next()`; whatever no middleware answers is served from the folder.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/**
 * @typedef {object} Context
 * @property {import('node:http').IncomingMessage} req
 * @property {import('node:http').ServerResponse} res
 * @property {string} method
 * @property {string} url Path and query, as requested (e.g. `/api/ai-usage/voice/agents?x=1`).
 * @property {string} path The path (without query) the files are served from; a middleware may rewrite it.
 * @property {number} status
 * @property {unknown} body A string, Buffer, Uint8Array, readable stream, or any other value (sent as JSON).
 * @property {(name: string | Record<string, string>, value?: string) => void} set Sets response headers.
 * @property {(name: string) => string} get Reads a request header.
 */

/** @typedef {(ctx: Context, next: () => Promise<unknown>) => unknown} Middleware */

/**
 * Serves `root` on `host:port` (port 0: any free one) until `close()`.
 * @param {object} [options]
 * @param {string} [options.root] Folder to serve (default: the current directory).
 * @param {number} [options.port]
 * @param {string} [options.host]
 * @param {Middleware[]} [options.middleware] Run in order before the files.
 * @param {Record<string, string>} [options.headers] Sent with every file.
 * @returns {Promise<{ url: string; port: number; host: string; server: import('node:http').Server; close: () => Promise<void> }>}
 */
export async function startStaticServer({ root = '.', port = 0, host = '127.0.0.1', middleware = [], headers = { 'cache-control': 'no-store' } } = {}) {
  const base = resolve(root);

  /** @param {Context} ctx */
  const serveFile = async (ctx) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      ctx.status = 405;
      ctx.set('allow', 'GET, HEAD');
      ctx.body = 'Method not allowed';
      return;
    }
    let path;
    try {
      path = decodeURIComponent(ctx.path);
    } catch {
      ctx.status = 400;
      ctx.body = 'Bad request';
      return;
    }
    let file = resolve(join(base, path));
    // Never outside the folder (`..`, encoded or not).
    if (file !== base && !file.startsWith(base + sep)) {
      ctx.status = 403;
      ctx.body = 'Forbidden';
      return;
    }
    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    if (!info?.isFile()) {
      ctx.status = 404;
      ctx.body = `Not found: ${ctx.path}`;
      return;
    }
    ctx.status = 200;
    ctx.set({ ...headers, 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'content-length': String(info.size) });
    ctx.body = ctx.method === 'HEAD' ? '' : createReadStream(file);
  };

  /** @param {Context} ctx @param {number} i @returns {Promise<unknown>} */
  const dispatch = async (ctx, i) => {
    const handler = middleware[i];
    return handler ? handler(ctx, () => dispatch(ctx, i + 1)) : serveFile(ctx);
  };

  const server = createServer(async (req, res) => {
    /** @type {Record<string, string>} */
    const outHeaders = {};
    const url = req.url ?? '/';
    /** @type {Context} */
    const ctx = {
      req,
      res,
      method: req.method ?? 'GET',
      url,
      path: new URL(url, 'http://localhost').pathname,
      status: 404,
      body: undefined,
      set(name, value) {
        if (typeof name === 'string') outHeaders[name.toLowerCase()] = String(value);
        else for (const [key, v] of Object.entries(name)) outHeaders[key.toLowerCase()] = String(v);
      },
      get: (name) => String(req.headers[name.toLowerCase()] ?? ''),
    };
    try {
      await dispatch(ctx, 0);
    } catch (error) {
      console.error(`[static-server] ${ctx.method} ${url}:`, error);
      ctx.status = 500;
      ctx.body = 'Internal server error';
    }
    if (res.headersSent || res.writableEnded) return;
    let body = ctx.body;
    if (body !== undefined && body !== null && typeof body !== 'string' && !(body instanceof Uint8Array) && !(body instanceof Readable)) {
      body = JSON.stringify(body);
      outHeaders['content-type'] ??= 'application/json; charset=utf-8';
    }
    if (typeof body === 'string') outHeaders['content-type'] ??= 'text/plain; charset=utf-8';
    res.writeHead(ctx.status, outHeaders);
    if (body instanceof Readable) body.pipe(res);
    else res.end(body ?? undefined);
  });

  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    host,
    server,
    close: () =>
      new Promise((done) => {
        server.close(() => done(undefined));
        server.closeAllConnections();
      }),
  };
}
