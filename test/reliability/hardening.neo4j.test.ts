/**
 * Hardening that needs the real Neo4j: the store's sessions are READ sessions, so a write
 * sent through them fails in Neo4j itself (not only because no query of ours writes); and
 * credentials stay out of the log when Neo4j refuses them, and when it accepts them.
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { loadIntoNeo4j } from '../../graph-seed/neo4j-loader.js';
import { Neo4jStore } from '../../server/stores/neo4j/neo4j-store.js';
import { databaseSnapshot, type DatabaseSnapshot } from '../support/database-snapshot.js';
import { describeNeo4j, neo4jTarget, withDriver } from '../support/neo4j.js';
import { send } from './support/http-client.js';
import { runMain } from './support/main-process.js';

/** The store's one way to the database (private in the class): a READ session per call. */
type ReadPath = { read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> };

describeNeo4j('Neo4j hardening', () => {
  let store: Neo4jStore;
  /** The whole database, not only what readers see (../support/database-snapshot.ts). */
  let before: DatabaseSnapshot;

  beforeAll(async () => {
    const graph = await loadSeedGraph({ onWarning: () => {} });
    await withDriver((driver, target) => loadIntoNeo4j(driver, graph, { database: target.database }));
    before = await databaseSnapshot();
    store = new Neo4jStore({ ...neo4jTarget(), queryTimeoutMs: 5_000 });
  });
  afterAll(() => store?.close());

  it("a write through the store's READ session is refused by Neo4j, and nothing changes", async () => {
    const readPath = store as unknown as ReadPath;
    // Sanity: the same path does read.
    const n = await readPath.read(async (tx) => (await tx.run('MATCH (n:Entity) RETURN count(n) AS c')).records[0]!.get('c'));
    expect(neo4j.integer.toNumber(n)).toBeGreaterThan(50);
    for (const write of [
      "CREATE (:Entity {id: 'hardening:write'})",
      "MATCH (n:Entity {id: 'agency:cbrc'}) SET n.name = 'changed'",
      'MATCH (n:Entity) DETACH DELETE n',
      'CREATE INDEX hardening_idx IF NOT EXISTS FOR (n:Entity) ON (n.name)',
    ]) {
      await expect(readPath.read((tx) => tx.run(write)), write).rejects.toThrow(/read|access mode|not allowed/i);
    }
    expect(await databaseSnapshot()).toEqual(before);
  });

  it('neither a refused nor an accepted password reaches the log', { timeout: 90_000 }, async () => {
    const target = neo4jTarget();
    for (const password of ['canary-wrong-Pw-9d1c', target.password]) {
      const child = runMain({
        PORT: '0',
        HOST: '127.0.0.1',
        GRAPH_STORE: 'neo4j',
        NEO4J_URI: target.uri,
        NEO4J_USER: target.user,
        NEO4J_PASSWORD: password,
        NEO4J_DATABASE: target.database,
        QUERY_TIMEOUT_MS: '3000',
        LOG_LEVEL: 'trace',
      });
      try {
        const base = `http://127.0.0.1:${await child.listening()}`;
        const right = password === target.password;
        const health = await send(base, { method: 'GET', path: '/api/health' }, { timeoutMs: 15_000 });
        expect(health.status).toBe(right ? 200 : 503);
        const search = await send(base, { method: 'GET', path: '/api/search?q=P2P' }, { timeoutMs: 15_000 });
        // A refused password: the deployment cannot reach its data, so 503 UNAVAILABLE (as
        // /api/health says), without details.
        expect(search.status).toBe(right ? 200 : 503);
        if (!right) expect(JSON.parse(search.body)).toMatchObject({ error: { code: 'UNAVAILABLE' } });
        expect(search.body).not.toMatch(/unauthori[sz]ed|authentication|Neo\./i);
        child.proc.kill('SIGTERM');
        await child.exit;
        const log = child.stdout() + child.stderr();
        if (!right) expect(log).toMatch(/authentication failure|unauthorized/i);
        expect(log).not.toContain(password);
      } finally {
        child.kill();
      }
    }
  });
});
