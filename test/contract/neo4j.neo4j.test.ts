/**
 * The store contract on the Neo4j store: the fixture graph is loaded into the real Neo4j of
 * the test run with the project's loader, then the same suite as the memory store runs.
 * Plus: an unreachable server must become StoreUnavailableError quickly.
 */
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loadIntoNeo4j } from '../../graph-seed/neo4j-loader.js';
import type { SeedGraph } from '../../graph-seed/schema.js';
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { Neo4jStore } from '../../server/stores/neo4j/neo4j-store.js';
import { StoreUnavailableError } from '../../server/stores/types.js';
import { describeNeo4j, neo4jTarget, withDriver } from '../support/neo4j.js';
import { runSeedContract } from './seed-contract.js';
import { runStoreContract } from './store-contract.js';

/** Loads `graph` into the run's Neo4j (replacing what is there) and opens a store on it. */
async function neo4jStoreOver(graph: SeedGraph): Promise<Neo4jStore> {
  const target = neo4jTarget();
  await withDriver((driver) => loadIntoNeo4j(driver, graph, { database: target.database }));
  return new Neo4jStore({ ...target, queryTimeoutMs: 10_000 });
}

describeNeo4j('Neo4jStore', () => {
  // The blocks run one after another, each loading its own graph first.
  runStoreContract('Neo4jStore', neo4jStoreOver);
  runSeedContract('Neo4jStore', neo4jStoreOver, async (graph) => MemoryStore.fromGraph(graph));
});

/** A port on 127.0.0.1 that nothing listens on (bound, read, released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Neo4jStore without a server', () => {
  it('answers StoreUnavailableError (not a driver error, not a hang)', async () => {
    const port = await closedPort();
    const store = new Neo4jStore({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'x', queryTimeoutMs: 1000 });
    try {
      for (const call of [() => store.search({ q: '央行', limit: 5 }), () => store.node('agency:pboc'), () => store.counts()]) {
        const error = await call().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(StoreUnavailableError);
      }
    } finally {
      await store.close();
    }
  });

  it('still rejects bad input before touching the network', async () => {
    const store = new Neo4jStore({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', queryTimeoutMs: 1000 });
    try {
      await expect(store.regulators('segment:p2p', 'not-a-date')).rejects.toThrow(RangeError);
      await expect(store.shortestPath({ from: 'a:b', to: 'a:c', maxLength: 9, directed: false })).rejects.toThrow(RangeError);
    } finally {
      await store.close();
    }
  });
});
