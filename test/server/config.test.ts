import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig, type Config } from '../../server/config.js';

/** The ConfigError `loadConfig(env)` throws; fails the test when it throws nothing or something else. */
function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).not.toContain('\n');
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig defaults', () => {
  it('gives a local in-memory server with no variables set', () => {
    const expected: Config = {
      port: 8080,
      host: '127.0.0.1',
      graphStore: 'memory',
      neo4j: undefined,
      rateLimitPerMinute: 600,
      logLevel: 'info',
      corsOrigin: undefined,
      queryTimeoutMs: 5000,
      nodeEnv: 'development',
      trustProxy: false,
      shutdownTimeoutMs: 10_000,
      seedDataDir: undefined,
      answerCacheBytes: 64 * 1024 * 1024,
      answerStalenessMs: 250,
    };
    expect(loadConfig({})).toEqual(expected);
  });

  it('treats empty and blank variables as unset', () => {
    expect(loadConfig({ PORT: '', GRAPH_STORE: ' ', NEO4J_URI: '', CORS_ORIGIN: '', LOG_LEVEL: '' })).toEqual(loadConfig({}));
  });

  it('reads process.env when called without an argument', () => {
    expect(loadConfig().port).toBe(loadConfig({ ...process.env }).port);
  });
});

describe('PORT and HOST', () => {
  it('accepts a port from 0 to 65535', () => {
    expect(loadConfig({ PORT: '3000' }).port).toBe(3000);
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
  });

  it.each(['65536', '-1', 'abc', '80abc', '1e3', '0x50', '80.5'])('refuses PORT=%s naming the value', (port) => {
    expect(configError({ PORT: port }).message).toBe(`PORT must be a whole number from 0 to 65535, got "${port}"`);
  });

  it('accepts IP addresses and host names', () => {
    for (const host of ['0.0.0.0', '127.0.0.1', '::', '::1', 'localhost', 'api.example.org']) {
      expect(loadConfig({ HOST: host }).host).toBe(host);
    }
  });

  it.each(['http://x', 'a b', 'host:80', '-bad.example'])('refuses HOST=%s', (host) => {
    expect(configError({ HOST: host }).message).toMatch(/^HOST must be an IP address or a host name .*, got "/);
  });
});

describe('GRAPH_STORE and Neo4j', () => {
  it('defaults to neo4j when NEO4J_URI is set, with user and database defaults', () => {
    const config = loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:7687' });
    expect(config.graphStore).toBe('neo4j');
    expect(config.neo4j).toEqual({
      uri: 'bolt://127.0.0.1:7687',
      user: 'neo4j',
      password: 'finreg-atlas-dev',
      database: 'neo4j',
    });
  });

  it('takes NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://db.example.org',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 's3cret-Value',
      NEO4J_DATABASE: 'atlas-2016',
    });
    expect(config.neo4j).toEqual({ uri: 'neo4j+s://db.example.org', user: 'reader', password: 's3cret-Value', database: 'atlas-2016' });
  });

  it('keeps the memory store when asked, even with NEO4J_URI set', () => {
    const config = loadConfig({ GRAPH_STORE: 'memory', NEO4J_URI: 'bolt://127.0.0.1:7687' });
    expect(config.graphStore).toBe('memory');
  });

  it('refuses an unknown GRAPH_STORE naming the value', () => {
    expect(configError({ GRAPH_STORE: 'mongo' }).message).toBe('GRAPH_STORE must be "memory" or "neo4j", got "mongo"');
  });

  it('refuses GRAPH_STORE=neo4j without NEO4J_URI', () => {
    expect(configError({ GRAPH_STORE: 'neo4j' }).message).toMatch(/^GRAPH_STORE is "neo4j" but NEO4J_URI is not set/);
  });

  it.each(['bolt://h:7687', 'bolt+s://h', 'bolt+ssc://h', 'neo4j://h:7687', 'neo4j+s://h', 'neo4j+ssc://h', 'bolt://[::1]:7687', 'neo4j://h?policy=eu'])(
    'accepts NEO4J_URI=%s',
    (uri) => {
      expect(loadConfig({ NEO4J_URI: uri }).neo4j?.uri).toBe(uri);
    },
  );

  it.each(['http://h:7474', 'h:7687', 'bolt://', 'bolt:///path', 'neo4j://h/db', 'not a uri'])('refuses NEO4J_URI=%s naming the value', (uri) => {
    expect(configError({ NEO4J_URI: uri }).message).toMatch(
      new RegExp(`^NEO4J_URI must be a bolt://, .* got "${uri.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"$`),
    );
  });

  it('refuses credentials inside NEO4J_URI without echoing them', () => {
    const message = configError({ NEO4J_URI: 'bolt://neo4j:hunter22@h:7687' }).message;
    expect(message).toMatch(/^NEO4J_URI must not contain a user or password/);
    expect(message).not.toContain('hunter22');
  });

  it.each(['ab', '1abc', 'with space', 'under_score'])('refuses NEO4J_DATABASE=%s', (database) => {
    expect(configError({ NEO4J_URI: 'bolt://h', NEO4J_DATABASE: database }).message).toMatch(
      new RegExp(`^NEO4J_DATABASE must be a Neo4j database name .*, got "${database}"$`),
    );
  });
});

describe('production passwords', () => {
  const production = { NODE_ENV: 'production', NEO4J_URI: 'bolt://neo4j:7687' };

  it.each([
    ['unset', {}],
    ['the local default', { NEO4J_PASSWORD: 'finreg-atlas-dev' }],
    ['"neo4j"', { NEO4J_PASSWORD: 'neo4j' }],
    ['"password"', { NEO4J_PASSWORD: 'password' }],
  ])('refuses %s in production without printing it', (_what, extra: Record<string, string>) => {
    const message = configError({ ...production, ...extra }).message;
    expect(message).toMatch(/^NEO4J_PASSWORD must be set to a real secret when NODE_ENV is "production"/);
    expect(message).not.toContain('"finreg-atlas-dev"');
  });

  it('accepts a real secret in production', () => {
    expect(loadConfig({ ...production, NEO4J_PASSWORD: 'k9#Lq-2vX-long' }).neo4j?.password).toBe('k9#Lq-2vX-long');
  });

  it('accepts the local default outside production', () => {
    expect(loadConfig({ NODE_ENV: 'development', NEO4J_URI: 'bolt://h' }).neo4j?.password).toBe('finreg-atlas-dev');
    expect(loadConfig({ NODE_ENV: 'test', NEO4J_URI: 'bolt://h', NEO4J_PASSWORD: 'neo4j' }).neo4j?.password).toBe('neo4j');
  });

  it('does not ask for a Neo4j password when production runs the memory store', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).graphStore).toBe('memory');
  });

  it('refuses an unknown NODE_ENV', () => {
    expect(configError({ NODE_ENV: 'prod' }).message).toBe('NODE_ENV must be one of "development", "production", "test", got "prod"');
  });
});

describe('RATE_LIMIT_PER_MINUTE, QUERY_TIMEOUT_MS, LOG_LEVEL, CORS_ORIGIN', () => {
  it('takes a rate limit, 0 meaning off', () => {
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '120' }).rateLimitPerMinute).toBe(120);
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '0' }).rateLimitPerMinute).toBe(0);
  });

  it.each(['-5', 'many', '1.5'])('refuses RATE_LIMIT_PER_MINUTE=%s', (limit) => {
    expect(configError({ RATE_LIMIT_PER_MINUTE: limit }).message).toBe(
      `RATE_LIMIT_PER_MINUTE must be a whole number 0 or more, got "${limit}"`,
    );
  });

  it('takes a query timeout from 1 to 600000 ms', () => {
    expect(loadConfig({ QUERY_TIMEOUT_MS: '250' }).queryTimeoutMs).toBe(250);
    expect(configError({ QUERY_TIMEOUT_MS: '0' }).message).toBe('QUERY_TIMEOUT_MS must be a whole number from 1 to 600000, got "0"');
    expect(configError({ QUERY_TIMEOUT_MS: '600001' }).message).toMatch(/got "600001"$/);
  });

  it('takes pino log levels and refuses others', () => {
    for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) {
      expect(loadConfig({ LOG_LEVEL: level }).logLevel).toBe(level);
    }
    expect(configError({ LOG_LEVEL: 'verbose' }).message).toBe(
      'LOG_LEVEL must be one of "fatal", "error", "warn", "info", "debug", "trace", "silent", got "verbose"',
    );
  });

  it('takes "*" or one origin for CORS', () => {
    expect(loadConfig({ CORS_ORIGIN: '*' }).corsOrigin).toBe('*');
    expect(loadConfig({ CORS_ORIGIN: 'https://example.org' }).corsOrigin).toBe('https://example.org');
    expect(loadConfig({ CORS_ORIGIN: 'http://localhost:5173' }).corsOrigin).toBe('http://localhost:5173');
  });

  it.each(['https://example.org/', 'https://example.org/app', 'example.org', 'ftp://example.org', 'https://a.org,https://b.org'])(
    'refuses CORS_ORIGIN=%s',
    (origin) => {
      expect(configError({ CORS_ORIGIN: origin }).message).toMatch(/^CORS_ORIGIN must be "\*" or one origin .*, got "/);
    },
  );
});

describe('TRUST_PROXY and SHUTDOWN_TIMEOUT_MS', () => {
  it.each([
    ['false', false],
    ['1', 1],
    ['loopback', 'loopback'],
    ['10.0.0.0/8', '10.0.0.0/8'],
  ] as const)('reads TRUST_PROXY=%s', (raw, expected) => {
    expect(loadConfig({ TRUST_PROXY: raw }).trustProxy).toBe(expected);
  });

  it('refuses TRUST_PROXY=true, which would let any client pick its rate-limit key', () => {
    expect(configError({ TRUST_PROXY: 'true' }).message).toMatch(/^TRUST_PROXY=true would trust any X-Forwarded-For/);
  });

  it('refuses a TRUST_PROXY address Express cannot read', () => {
    expect(configError({ TRUST_PROXY: 'not an address' }).message).toBe(
      'TRUST_PROXY must be false, a hop count, or proxy addresses/subnets (loopback, 10.0.0.0/8), got "not an address"',
    );
  });

  it('reads SHUTDOWN_TIMEOUT_MS and refuses what is not a whole number from 1 to 999999', () => {
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '2500' }).shutdownTimeoutMs).toBe(2500);
    expect(configError({ SHUTDOWN_TIMEOUT_MS: '0' }).message).toBe('SHUTDOWN_TIMEOUT_MS must be a whole number from 1 to 999999, got "0"');
    expect(configError({ SHUTDOWN_TIMEOUT_MS: '5s' }).message).toBe('SHUTDOWN_TIMEOUT_MS must be a whole number from 1 to 999999, got "5s"');
  });
});

describe('describeConfig', () => {
  it('leaves the password out', () => {
    const summary = describeConfig(loadConfig({ NEO4J_URI: 'bolt://h', NEO4J_PASSWORD: 'do-not-log-me' }));
    expect(JSON.stringify(summary)).not.toContain('do-not-log-me');
    expect(summary).toMatchObject({ graphStore: 'neo4j', neo4j: { uri: 'bolt://h', user: 'neo4j', database: 'neo4j' } });
  });
});

describe('ANSWER_CACHE_MB, ANSWER_STALENESS_MS', () => {
  it('reads the cache size in MB (0 keeps no answers) and the staleness bound in ms', () => {
    expect(loadConfig({ ANSWER_CACHE_MB: '16' }).answerCacheBytes).toBe(16 * 1024 * 1024);
    expect(loadConfig({ ANSWER_CACHE_MB: '0' }).answerCacheBytes).toBe(0);
    expect(loadConfig({ ANSWER_STALENESS_MS: '0' }).answerStalenessMs).toBe(0);
    expect(loadConfig({ ANSWER_STALENESS_MS: '1000' }).answerStalenessMs).toBe(1000);
  });

  it.each([
    ['ANSWER_CACHE_MB', '-1', 'a whole number from 0 to 1048576'],
    ['ANSWER_CACHE_MB', '1.5', 'a whole number from 0 to 1048576'],
    ['ANSWER_STALENESS_MS', '60001', 'a whole number from 0 to 60000'],
  ])('refuses %s=%s naming the variable', (name, raw, range) => {
    expect(configError({ [name]: raw }).message).toBe(`${name} must be ${range}, got "${raw}"`);
  });
});
