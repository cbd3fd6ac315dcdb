/** The demo backend over real HTTP on loopback, for Node-side tests of the REST source. */
import { after, before } from 'node:test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApi, writeApiResponse, type ApiResponse } from '../../../demo/api.js';

export interface DemoServer {
  /** `http://127.0.0.1:PORT` */
  base: string;
  /** Answers still being held open (`hang`, `trickle`), and how many have ended. */
  readonly holding: number;
  readonly held: number;
  close(): Promise<void>;
}

export async function startDemoServer(): Promise<DemoServer> {
  const api = createApi();
  const counts = { holding: 0, held: 0 };
  const server: Server = createServer(async (req, res) => {
    const answer: ApiResponse | undefined = await api.handle(req.method ?? 'GET', new URL(req.url ?? '/', 'http://localhost'), undefined, req.headers);
    if (!answer) {
      res.writeHead(404).end();
      return;
    }
    if (answer.hold) counts.holding++;
    await writeApiResponse(answer, res);
    if (answer.hold) {
      counts.holding--;
      counts.held++;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get holding() {
      return counts.holding;
    },
    get held() {
      return counts.held;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Starts the demo server before the enclosing suite's tests (or the file's) and stops it after them. */
export function useDemoServer(onStart: (server: DemoServer) => void): void {
  let server: DemoServer | undefined;
  before(async () => {
    server = await startDemoServer();
    onStart(server);
  });
  after(() => server?.close());
}
