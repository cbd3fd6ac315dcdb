// `npm start`: serves the demo host page and the demo backend over real HTTP, then prints the URL.
// The folder, port, host and middleware (the demo backend under /api/, `/` → the demo page) come
// from web-dev-server.config.js; the files are served by the scripts' one static server.
import config from '../web-dev-server.config.js';
import { startStaticServer } from './static-server.js';

const server = await startStaticServer({
  root: config.rootDir ?? '.',
  port: config.port ?? 8000,
  host: config.hostname ?? '127.0.0.1',
  middleware: /** @type {import('./static-server.js').Middleware[]} */ (/** @type {unknown} */ (config.middleware ?? [])),
});
console.log(`\n  Licenses and Usage demo:  ${server.url}/\n  REST backend:             ${server.url}/api/ai-usage/voice/agents\n\n  Press Ctrl+C to stop.\n`);

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
