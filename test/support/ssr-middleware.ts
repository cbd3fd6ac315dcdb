/**
 * Server rendering for the browser tests (test/browser/hydration.test.ts), done the way a host's
 * server does it: the elements imported in Node and rendered with `@lit-labs/ssr` (Lit's own
 * minimal DOM shim, no global one).
 *
 *   POST /ssr        body: HTML with ai-usage tags, e.g. `<ai-voice-usage endpoint="/api/ai-usage/"></ai-voice-usage>`
 *                    answers that HTML as the server renders it: each element with its declarative
 *                    shadow root (`<template shadowrootmode="open">`); 500 with the error if rendering threw.
 *
 * Rendering runs in a worker thread, so the elements, lit's Node build and its shim stay out of the
 * test runner's own globals. The worker loads the language catalogues before it answers (a server
 * that has been up for a moment).
 */
import { readBody } from './fixtures-middleware.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

interface Context {
  method: string;
  url: string;
  req: IncomingMessage;
  res: ServerResponse;
  respond?: boolean;
}

interface Request {
  id: number;
  markup: string;
}

type Answer = { id: number; html: string } | { id: number; error: string };

const ROLE = 'ai-usage-ssr-renderer';

/** In the worker: renders each markup it is sent. */
async function serve(): Promise<void> {
  const [{ render }, { collectResult }, { html }, { unsafeHTML }] = await Promise.all([
    import('@lit-labs/ssr'),
    import('@lit-labs/ssr/lib/render-result.js'),
    import('lit'),
    import('lit/directives/unsafe-html.js'),
  ]);
  await import('../../src/index.js');
  const { scopeFor } = await import('../../src/i18n/localize.js');
  await Promise.all([scopeFor('sv'), scopeFor('de')]);
  parentPort!.on('message', async ({ id, markup }: Request) => {
    let answer: Answer;
    try {
      answer = { id, html: await collectResult(render(html`${unsafeHTML(markup)}`)) };
    } catch (error) {
      answer = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    parentPort!.postMessage(answer);
  });
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === ROLE) void serve();

/** The renderer thread, started on the first request (it runs this file with TypeScript through tsx). */
function startRenderer(): (markup: string) => Promise<Answer> {
  const tsx = import.meta.resolve('tsx/esm/api');
  const self = import.meta.url;
  const worker = new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(self)}); });`, {
    eval: true,
    workerData: { role: ROLE },
  });
  worker.unref();
  const pending = new Map<number, (answer: Answer) => void>();
  worker.on('message', (answer: Answer) => {
    pending.get(answer.id)?.(answer);
    pending.delete(answer.id);
  });
  let dead: string | undefined;
  const fail = (why: string) => {
    dead ??= why;
    for (const [id, done] of pending) done({ id, error: why });
    pending.clear();
  };
  worker.on('error', (error) => fail(error.stack ?? String(error)));
  worker.on('exit', (code) => fail(`the renderer thread exited (${code})`));
  let next = 0;
  return (markup) =>
    new Promise((resolve) => {
      const id = ++next;
      if (dead) return resolve({ id, error: dead });
      pending.set(id, resolve);
      worker.postMessage({ id, markup } satisfies Request);
    });
}

export function ssrMiddleware() {
  let renderer: ((markup: string) => Promise<Answer>) | undefined;
  return async (ctx: Context, next: () => Promise<unknown>) => {
    if (ctx.url !== '/ssr' || ctx.method !== 'POST') return next();
    ctx.respond = false;
    renderer ??= startRenderer();
    const answer = await renderer(await readBody(ctx.req));
    if ('error' in answer) ctx.res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(answer.error);
    else ctx.res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(answer.html);
    return undefined;
  };
}
