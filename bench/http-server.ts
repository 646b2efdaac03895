/**
 * The server under the HTTP benchmark, run as its own process so the load generator does
 * not share its event loop: the real `createApp` over a memory store of a synthetic graph
 * (rate limit off, request logging on at `info` as in production but written to /dev/null),
 * and, on a second port of the same process, a bare Express hello-world as the ceiling.
 *
 *   node --import tsx bench/http-server.ts DATA_DIR SOURCE_PATH
 *
 * Prints one line `READY {"app":PORT,"hello":PORT,...}` on stdout, then serves until killed.
 */
import express from 'express';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { loadSeedGraph } from '../graph-seed/load-seed.js';
import { createApp } from '../server/app.js';
import { MemoryStore } from '../server/stores/memory/memory-store.js';

const [dataDir, sourcePath] = process.argv.slice(2);
if (!dataDir) {
  process.stderr.write('usage: bench/http-server.ts DATA_DIR [SOURCE_PATH]\n');
  process.exit(2);
}

const graph = await loadSeedGraph({ dataDir, sourcePath: sourcePath ?? null, onWarning: () => undefined });
const store = MemoryStore.fromGraph(graph);
const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }));
const app = createApp({ store, logger, rateLimitPerMinute: 0 });

const hello = express();
hello.disable('x-powered-by');
hello.get('/hello', (_req, res) => {
  res.json({ hello: 'world' });
});

const listen = (a: express.Express): Promise<number> =>
  new Promise((resolve) => {
    const server = a.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    server.keepAliveTimeout = 60_000;
  });

const appPort = await listen(app);
const helloPort = await listen(hello);
process.stdout.write(
  `READY ${JSON.stringify({ app: appPort, hello: helloPort, nodes: graph.nodes.length, relationships: graph.relationships.length })}\n`,
);
