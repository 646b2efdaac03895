/**
 * Docker cannot run on the development and CI machines, so the deployment files are checked by
 * reading them: docker-compose.yml wires the app to Neo4j the way server/config.ts expects, and
 * the Dockerfile's runtime stage holds what the compose command runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../server/config.js';
import { REPO_ROOT } from './neo4j-process.js';

interface Service {
  image?: string;
  build?: string | { context: string };
  environment?: Record<string, string | number | boolean> | string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string | string[] };
  ports?: (string | number)[];
  volumes?: string[];
  command?: string | string[];
}

const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
};
const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');

function service(name: string): Service {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

function environment(s: Service): Record<string, string> {
  const env = s.environment ?? {};
  const entries = Array.isArray(env)
    ? env.map((line) => {
        const eq = line.indexOf('=');
        return [line.slice(0, eq), line.slice(eq + 1)] as const;
      })
    : Object.entries(env).map(([k, v]) => [k, String(v)] as const);
  return Object.fromEntries(entries);
}

/** Compose's `${VAR}`, `${VAR:-default}` and `${VAR:?error}` with the given variables. */
function interpolate(text: string, vars: Record<string, string>): string {
  return text.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_all, name: string, kind?: string, rest?: string) => {
    const set = vars[name];
    if (set !== undefined && set !== '') return set;
    if (kind === '-') return rest ?? '';
    throw new Error(`compose would stop: ${name} unset (${rest ?? ''})`);
  });
}

function commandText(s: Service): string {
  return Array.isArray(s.command) ? s.command.join(' ') : (s.command ?? '');
}

/** The stages of the Dockerfile: each FROM line and the instructions under it. */
function stages(): { from: string; body: string }[] {
  const lines = dockerfile.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const result: { from: string; body: string }[] = [];
  for (const line of lines) {
    if (/^FROM\s/i.test(line)) result.push({ from: line, body: '' });
    else if (result.length > 0) result[result.length - 1]!.body += `${line}\n`;
  }
  return result;
}

describe('docker-compose.yml', () => {
  it('runs Neo4j 5.26 community with a named volume for /data', () => {
    const neo4j = service('neo4j');
    expect(neo4j.image).toBe('neo4j:5.26-community');
    const dataMount = (neo4j.volumes ?? []).find((v) => v.endsWith(':/data'));
    expect(dataMount).toBeDefined();
    const volumeName = dataMount!.split(':')[0]!;
    expect(volumeName).toMatch(/^[\w-]+$/); // a name, not a host path
    expect(Object.keys(compose.volumes ?? {})).toContain(volumeName);
  });

  it('checks Neo4j health with a real query or HTTP probe', () => {
    const test = service('neo4j').healthcheck?.test;
    const text = Array.isArray(test) ? test.join(' ') : (test ?? '');
    expect(text).toMatch(/cypher-shell .*RETURN 1|wget .*7474|curl .*7474/);
  });

  it('gives Neo4j and the app the same password variable', () => {
    const auth = environment(service('neo4j')).NEO4J_AUTH ?? '';
    const appPassword = environment(service('app')).NEO4J_PASSWORD ?? '';
    expect(auth).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD[:?}-]/);
    const vars = { NEO4J_PASSWORD: 'Compose-Secret-42' };
    expect(interpolate(auth, vars)).toBe('neo4j/Compose-Secret-42');
    expect(interpolate(appPassword, vars)).toBe('Compose-Secret-42');
  });

  it('builds the app from this repo and starts it only once Neo4j is healthy', () => {
    const app = service('app');
    const context = typeof app.build === 'string' ? app.build : app.build?.context;
    expect(context).toBe('.');
    expect(app.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
  });

  it('wires the app to the neo4j service in a way server/config.ts accepts', () => {
    const env = environment(service('app'));
    expect(env).toMatchObject({ GRAPH_STORE: 'neo4j', NEO4J_URI: 'bolt://neo4j:7687', HOST: '0.0.0.0' });
    const resolved = Object.fromEntries(
      Object.entries(env).map(([k, v]) => [k, interpolate(v, { NEO4J_PASSWORD: 'Compose-Secret-42' })]),
    );
    const config = loadConfig(resolved);
    expect(config.graphStore).toBe('neo4j');
    expect(config.neo4j).toMatchObject({ uri: 'bolt://neo4j:7687', password: 'Compose-Secret-42' });
    expect(config.host).toBe('0.0.0.0');
    expect(config.port).toBe(8080);
  });

  it('refuses to start without NEO4J_PASSWORD rather than run production on a known password', () => {
    const env = environment(service('app'));
    expect(() => interpolate(env.NEO4J_PASSWORD ?? '', {})).toThrow(/NEO4J_PASSWORD unset/);
  });

  it('publishes port 8080 and loads the seed before starting the server', () => {
    const app = service('app');
    expect((app.ports ?? []).map(String)).toContain('8080:8080');
    const command = commandText(app);
    const load = command.indexOf('node dist/graph-seed/cli/load.js');
    const serve = command.search(/node (--[\w-]+ )*dist\/server\/main\.js/);
    expect(load).toBeGreaterThanOrEqual(0);
    expect(serve).toBeGreaterThan(load);
    // `&&`: a failed seed load stops the container instead of serving an empty graph.
    expect(command.slice(load, serve)).toContain('&&');
  });

  it('runs scripts that the TypeScript build produces', () => {
    // dist/<path>.js is compiled from <path>.ts by `npm run build:server` (tsconfig.server.json).
    for (const script of ['graph-seed/cli/load', 'server/main']) {
      expect(existsSync(join(REPO_ROOT, `${script}.ts`)), `${script}.ts`).toBe(true);
    }
  });
});

describe('Dockerfile', () => {
  it('has a node:20-slim build stage and a slim runtime stage', () => {
    const all = stages();
    expect(all).toHaveLength(2);
    expect(all[0]!.from).toMatch(/^FROM node:20-slim AS build$/i);
    expect(all[1]!.from).toMatch(/^FROM node:20(\.\d+)*-slim( AS \w+)?$/i);
  });

  it('builds with npm ci and npm run build', () => {
    const build = stages()[0]!.body;
    expect(build).toMatch(/RUN npm ci\b/);
    expect(build).toMatch(/RUN npm run build\b/);
  });

  it('runs with production dependencies, the build output and the seed data, as a non-root user', () => {
    const runtime = stages()[1]!.body;
    expect(runtime).toMatch(/RUN npm ci --omit=dev\b/);
    for (const path of ['dist', 'client/dist', 'graph-seed/data']) {
      expect(runtime).toMatch(new RegExp(`COPY (--from=build )?\\S*?${path.replace('/', '\\/')} \\./${path.replace('/', '\\/')}\\n`));
    }
    const user = /^USER (\S+)$/m.exec(runtime)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(runtime).toMatch(/CMD \[.*"dist\/server\/main\.js"\]/);
  });

  it('keeps what the build needs in the Docker build context', () => {
    const ignored = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
    for (const needed of ['package.json', 'package-lock.json', 'server', 'graph-seed', 'client', 'tsconfig.json', 'tsconfig.server.json']) {
      expect(ignored, needed).not.toContain(needed);
    }
    for (const excluded of ['node_modules', '.git', '.neo4j-data']) {
      expect(ignored).toContain(excluded);
    }
  });
});
