/**
 * The server's entry point: read the configuration, open the store, serve, and drain
 * gracefully on SIGTERM/SIGINT. A configuration mistake prints one line and exits 1.
 */
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { AnswerCache } from './cache/answer-cache.js';
import { ConfigError, describeConfig, loadConfig, type Config } from './config.js';
import { createLogger } from './http/logging.js';
import { findRepoRoot } from './repo-root.js';
import { installShutdown } from './shutdown.js';
import { createStore } from './stores/create-store.js';

function fail(message: string): never {
  process.stderr.write(`finreg-atlas: ${message.split('\n')[0]}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }

  const logger = createLogger(config.logLevel);
  logger.info({ config: describeConfig(config) }, 'starting');
  let store;
  try {
    // The Neo4j store connects lazily: a database that is down now makes /api/health 503
    // until it comes back, it does not stop the server.
    store = await createStore(config);
  } catch (err) {
    fail(`cannot open the graph store: ${err instanceof Error ? err.message : String(err)}`);
  }

  const root = findRepoRoot();
  const app = createApp({
    store,
    logger,
    rateLimitPerMinute: config.rateLimitPerMinute,
    corsOrigin: config.corsOrigin,
    clientDir: join(root, 'client', 'dist'),
    trustProxy: config.trustProxy,
    answers: { cache: new AnswerCache(config.answerCacheBytes), stalenessMs: config.answerStalenessMs },
  });

  const server = app.listen(config.port, config.host);
  server.on('error', (err: NodeJS.ErrnoException) => {
    fail(`cannot listen on ${config.host}:${config.port}: ${err.code ?? err.message}`);
  });
  server.on('listening', () => {
    const { port } = server.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    process.stdout.write(`FinReg Atlas on http://${host}:${port}/ (store: ${store.kind})\n`);
  });

  installShutdown({
    server,
    store,
    logger,
    drainTimeoutMs: config.shutdownTimeoutMs,
    onDone: (code) => process.exit(code),
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`finreg-atlas: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
