/**
 * The server's settings, read once from the environment into a typed, validated object.
 * A bad value stops the start with a `ConfigError` whose message is one line naming the
 * variable and what was wrong, which `main.ts` prints as is. An empty variable counts as unset
 * (compose files and shells often write `VAR=`).
 */
import { isIP } from 'node:net';
import express from 'express';
import { DEFAULT_ANSWER_CACHE_MB, DEFAULT_ANSWER_STALENESS_MS } from './cache/answer-caching.js';

export type GraphStoreKind = 'memory' | 'neo4j';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type NodeEnv = 'development' | 'production' | 'test';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export interface Config {
  port: number;
  host: string;
  graphStore: GraphStoreKind;
  /** Present whenever NEO4J_URI is set (always when graphStore is "neo4j"). */
  neo4j: Neo4jConnection | undefined;
  /** Requests per minute per client IP on the API; 0 switches the limit off. */
  rateLimitPerMinute: number;
  logLevel: LogLevel;
  /** One allowed cross-origin caller (`https://example.org`) or `*`; undefined = CORS off. */
  corsOrigin: string | undefined;
  queryTimeoutMs: number;
  nodeEnv: NodeEnv;
  /** Express `trust proxy`: false (default), a hop count, or the proxy's addresses/subnets. */
  trustProxy: false | number | string;
  /** How long SIGTERM waits for requests in flight before closing them. */
  shutdownTimeoutMs: number;
  /** The memory store's seed folder (default `graph-seed/data`), e.g. a larger synthetic graph. */
  seedDataDir: string | undefined;
  /** Bytes of answers the server keeps (ANSWER_CACHE_MB); 0 keeps none, ETags still work. */
  answerCacheBytes: number;
  /** How stale the server's knowledge of the graph revision may be (ANSWER_STALENESS_MS). */
  answerStalenessMs: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The password of the local embedded launcher (test/neo4j-server); for development only. */
export const LOCAL_NEO4J_PASSWORD = 'finreg-atlas-dev';
/** Passwords refused in production: the local one and Neo4j's well-known ones. */
const WEAK_PASSWORDS = new Set([LOCAL_NEO4J_PASSWORD, 'neo4j', 'password']);

const GRAPH_STORES: readonly GraphStoreKind[] = ['memory', 'neo4j'];
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const NODE_ENVS: readonly NodeEnv[] = ['development', 'production', 'test'];
const NEO4J_SCHEMES = ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'];
const MAX_QUERY_TIMEOUT_MS = 600_000;

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', NODE_ENVS, 'development');
  const neo4jUri = neo4jUriOf(env);
  const graphStore = oneOf(env, 'GRAPH_STORE', GRAPH_STORES, neo4jUri === undefined ? 'memory' : 'neo4j');

  if (graphStore === 'neo4j' && neo4jUri === undefined) {
    throw new ConfigError('GRAPH_STORE is "neo4j" but NEO4J_URI is not set (for example bolt://127.0.0.1:7687)');
  }

  let neo4j: Neo4jConnection | undefined;
  if (neo4jUri !== undefined) {
    const password = value(env, 'NEO4J_PASSWORD') ?? LOCAL_NEO4J_PASSWORD;
    // The password itself never goes into a message: it would end up in logs.
    if (nodeEnv === 'production' && graphStore === 'neo4j' && WEAK_PASSWORDS.has(password)) {
      throw new ConfigError(
        'NEO4J_PASSWORD must be set to a real secret when NODE_ENV is "production" (unset, the local default, "neo4j" and "password" are refused)',
      );
    }
    neo4j = {
      uri: neo4jUri,
      user: value(env, 'NEO4J_USER') ?? 'neo4j',
      password,
      database: databaseName(env),
    };
  }

  return {
    port: integer(env, 'PORT', 8080, 0, 65_535),
    host: hostOf(env),
    graphStore,
    neo4j,
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 0, Number.MAX_SAFE_INTEGER),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    corsOrigin: corsOriginOf(env),
    queryTimeoutMs: integer(env, 'QUERY_TIMEOUT_MS', 5000, 1, MAX_QUERY_TIMEOUT_MS),
    nodeEnv,
    trustProxy: trustProxyOf(env),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 1, 999_999),
    seedDataDir: value(env, 'SEED_DATA_DIR'),
    answerCacheBytes: integer(env, 'ANSWER_CACHE_MB', DEFAULT_ANSWER_CACHE_MB, 0, 1_048_576) * 1024 * 1024,
    answerStalenessMs: integer(env, 'ANSWER_STALENESS_MS', DEFAULT_ANSWER_STALENESS_MS, 0, 60_000),
  };
}

/** The config without secrets, for the start-up log line. */
export function describeConfig(config: Config): Record<string, unknown> {
  const { neo4j, ...rest } = config;
  return neo4j === undefined ? rest : { ...rest, neo4j: { uri: neo4j.uri, user: neo4j.user, database: neo4j.database } };
}

/**
 * TRUST_PROXY: unset or `false` trusts no X-Forwarded-For (the rate limit then keys on the
 * socket's address); a hop count or the proxy's addresses as Express's `trust proxy` takes
 * them. `true` is refused: it would let any client choose its own rate-limit key.
 */
function trustProxyOf(env: Env): false | number | string {
  const raw = value(env, 'TRUST_PROXY');
  if (raw === undefined || raw === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (raw === 'true') {
    throw new ConfigError('TRUST_PROXY=true would trust any X-Forwarded-For; give the hop count or the proxy addresses (for example 1 or loopback)');
  }
  try {
    // Express compiles the setting on `set` and throws on an address it cannot read.
    express().set('trust proxy', raw);
  } catch {
    throw new ConfigError(`TRUST_PROXY must be false, a hop count, or proxy addresses/subnets (loopback, 10.0.0.0/8), got "${raw}"`);
  }
  return raw;
}

function value(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  const choices = allowed.map((a) => `"${a}"`);
  const list = choices.length === 2 ? choices.join(' or ') : `one of ${choices.join(', ')}`;
  throw new ConfigError(`${name} must be ${list}, got "${raw}"`);
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  // Digits only: Number() would also take "1e3", "0x10" and " ", parseInt takes "80abc".
  const parsed = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isSafeInteger(parsed) && parsed >= min && parsed <= max) return parsed;
  const range = max === Number.MAX_SAFE_INTEGER ? `a whole number ${min} or more` : `a whole number from ${min} to ${max}`;
  throw new ConfigError(`${name} must be ${range}, got "${raw}"`);
}

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

function hostOf(env: Env): string {
  const raw = value(env, 'HOST');
  if (raw === undefined) return '127.0.0.1';
  if (isIP(raw) !== 0 || HOSTNAME.test(raw)) return raw;
  throw new ConfigError(`HOST must be an IP address or a host name (for example 127.0.0.1 or 0.0.0.0), got "${raw}"`);
}

function neo4jUriOf(env: Env): string | undefined {
  const raw = value(env, 'NEO4J_URI');
  if (raw === undefined) return undefined;
  const problem = `NEO4J_URI must be a bolt://, bolt+s://, neo4j://, neo4j+s:// or neo4j+ssc:// address with a host (for example bolt://127.0.0.1:7687), got "${raw}"`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(problem);
  }
  if (url.username || url.password) {
    // Not echoed: the value holds a credential.
    throw new ConfigError('NEO4J_URI must not contain a user or password; set NEO4J_USER and NEO4J_PASSWORD instead');
  }
  const pathOk = url.pathname === '' || url.pathname === '/';
  if (!NEO4J_SCHEMES.includes(url.protocol) || url.hostname === '' || !pathOk) {
    throw new ConfigError(problem);
  }
  return raw;
}

/** Neo4j's own rule for database names: 3 to 63 characters, a letter first. */
function databaseName(env: Env): string {
  const raw = value(env, 'NEO4J_DATABASE');
  if (raw === undefined) return 'neo4j';
  if (/^[A-Za-z][A-Za-z0-9.-]{2,62}$/.test(raw)) return raw;
  throw new ConfigError(
    `NEO4J_DATABASE must be a Neo4j database name (3-63 letters, digits, dots or dashes, starting with a letter), got "${raw}"`,
  );
}

function corsOriginOf(env: Env): string | undefined {
  const raw = value(env, 'CORS_ORIGIN');
  if (raw === undefined) return undefined;
  if (raw === '*') return raw;
  let origin: string | undefined;
  try {
    const url = new URL(raw);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === raw) origin = url.origin;
  } catch {
    origin = undefined;
  }
  if (origin === undefined) {
    throw new ConfigError(
      `CORS_ORIGIN must be "*" or one origin such as https://example.org (scheme, host, optional port; no path or trailing slash), got "${raw}"`,
    );
  }
  return origin;
}
