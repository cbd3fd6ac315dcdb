/**
 * Canned answers over real HTTP, for tests that need a backend to send exactly this body:
 *   PUT  /api/fixtures/<id>/<operation>   body: the text to answer with; `?status=N&type=…` optional
 *   GET  /api/fixtures/<id>/<operation>   (any query) answers it; POST likewise (voice/trial)
 * An element then takes `endpoint="/api/fixtures/<id>/"`. Unknown fixtures answer 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

interface Stored {
  status: number;
  type: string;
  body: string;
}

interface Context {
  method: string;
  url: string;
  req: IncomingMessage;
  res: ServerResponse;
  respond?: boolean;
}

const PREFIX = '/api/fixtures/';

/** A request's body as text. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

export function fixturesMiddleware() {
  const store = new Map<string, Stored>();
  return async (ctx: Context, next: () => Promise<unknown>) => {
    if (!ctx.url.startsWith(PREFIX)) return next();
    const url = new URL(ctx.url, 'http://localhost');
    const key = decodeURIComponent(url.pathname.slice(PREFIX.length));
    ctx.respond = false;
    if (ctx.method === 'PUT') {
      store.set(key, {
        status: Number(url.searchParams.get('status') ?? 200),
        type: url.searchParams.get('type') ?? 'application/json; charset=utf-8',
        body: await readBody(ctx.req),
      });
      ctx.res.writeHead(204).end();
      return undefined;
    }
    const stored = store.get(key);
    if (!stored) {
      ctx.res.writeHead(404, { 'content-type': 'text/plain' }).end(`no fixture ${key}`);
      return undefined;
    }
    ctx.res.writeHead(stored.status, { 'content-type': stored.type, 'cache-control': 'no-store' }).end(stored.body);
    return undefined;
  };
}
