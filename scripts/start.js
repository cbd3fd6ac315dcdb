// `npm start`: serves the demo host page and the demo backend over real HTTP, then prints the URL.
import { startDevServer } from '@web/dev-server';
import config from '../web-dev-server.config.js';

const server = await startDevServer({ config, readCliArgs: false, readFileConfig: false, logStartMessage: false });
const { port, hostname } = server.config;
console.log(`\n  Licenses and Usage demo:  http://${hostname}:${port}/\n  REST backend:             http://${hostname}:${port}/api/ai-usage/voice/agents\n\n  Press Ctrl+C to stop.\n`);
