/**
 * Graceful shutdown on SIGTERM/SIGINT: stop accepting connections, let requests in flight
 * finish (closing keep-alive connections as soon as they fall idle), force the rest closed
 * after the drain timeout, then close the store (the Neo4j driver and its pool).
 */
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { GraphStore } from './stores/types.js';

export interface ShutdownOptions {
  server: Server;
  store: GraphStore;
  logger: Logger;
  drainTimeoutMs: number;
  /** Called once everything is closed; `main` exits the process here. */
  onDone: (exitCode: number) => void;
}

export function installShutdown(opts: ShutdownOptions): (signal: string) => void {
  const { server, store, logger, drainTimeoutMs, onDone } = opts;
  let started = false;

  const shutdown = (signal: string): void => {
    if (started) {
      // A second signal: the operator is out of patience.
      logger.warn({ signal }, 'second signal: closing all connections now');
      server.closeAllConnections();
      return;
    }
    started = true;
    logger.info({ signal, drainTimeoutMs }, 'shutting down: draining requests in flight');

    // Connections that finish their response become idle; close them as they do.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const force = setTimeout(() => {
      logger.warn({ drainTimeoutMs }, 'drain timeout: closing the remaining connections');
      server.closeAllConnections();
    }, drainTimeoutMs);
    force.unref();

    server.close((err) => {
      clearInterval(sweep);
      clearTimeout(force);
      if (err) logger.error({ err }, 'error while closing the HTTP server');
      store
        .close()
        .catch((closeErr: unknown) => logger.error({ err: closeErr }, 'error while closing the graph store'))
        .finally(() => {
          logger.info('shut down');
          onDone(err ? 1 : 0);
        });
    });
    server.closeIdleConnections();
  };

  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  return shutdown;
}
