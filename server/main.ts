/**
 * The server's entry point: read the configuration, open the store, serve, and drain
 * gracefully on SIGTERM/SIGINT. A configuration mistake prints one line and exits 1.
 */
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createApp } from './app.js';
import { ConfigError, describeConfig, loadConfig, type Config } from './config.js';
import { createLogger } from './http/logging.js';
import { findRepoRoot } from './repo-root.js';
import { installShutdown } from './shutdown.js';
import { createStore } from './stores/create-store.js';

type Env = Readonly<Record<string, string | undefined>>;

const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * Two deployment settings read here until they join `config.ts`:
 * TRUST_PROXY (unset/false: off; a hop count; or addresses/subnets/`loopback` of the
 * reverse proxy, as Express's `trust proxy`) and SHUTDOWN_TIMEOUT_MS (drain limit).
 */
function serverSettings(env: Env): { trustProxy: false | number | string; shutdownTimeoutMs: number } {
  const rawTrust = env['TRUST_PROXY']?.trim() ?? '';
  let trustProxy: false | number | string = false;
  if (rawTrust !== '' && rawTrust !== 'false') {
    if (/^\d+$/.test(rawTrust)) trustProxy = Number(rawTrust);
    else if (rawTrust === 'true') {
      throw new ConfigError('TRUST_PROXY=true would trust any X-Forwarded-For; give the hop count or the proxy addresses (for example 1 or loopback)');
    } else {
      try {
        // Express compiles the setting on `set` and throws on an address it cannot read.
        express().set('trust proxy', rawTrust);
      } catch {
        throw new ConfigError(`TRUST_PROXY must be false, a hop count, or proxy addresses/subnets (loopback, 10.0.0.0/8), got "${rawTrust}"`);
      }
      trustProxy = rawTrust;
    }
  }
  const rawTimeout = env['SHUTDOWN_TIMEOUT_MS']?.trim() ?? '';
  let shutdownTimeoutMs = DEFAULT_SHUTDOWN_TIMEOUT_MS;
  if (rawTimeout !== '') {
    if (!/^\d{1,6}$/.test(rawTimeout) || Number(rawTimeout) < 1) {
      throw new ConfigError(`SHUTDOWN_TIMEOUT_MS must be a whole number from 1 to 999999, got "${rawTimeout}"`);
    }
    shutdownTimeoutMs = Number(rawTimeout);
  }
  return { trustProxy, shutdownTimeoutMs };
}

function fail(message: string): never {
  process.stderr.write(`finreg-atlas: ${message.split('\n')[0]}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: Config;
  let settings: ReturnType<typeof serverSettings>;
  try {
    config = loadConfig(process.env);
    settings = serverSettings(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }

  const logger = createLogger(config.logLevel);
  logger.info({ config: { ...describeConfig(config), ...settings } }, 'starting');
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
    trustProxy: settings.trustProxy,
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
    drainTimeoutMs: settings.shutdownTimeoutMs,
    onDone: (code) => process.exit(code),
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`finreg-atlas: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
