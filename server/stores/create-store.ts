/**
 * Picks the graph store from configuration: the memory store over the seed files, or the
 * Neo4j store over an already loaded database (`npm run seed:load`).
 */
import type { Config } from '../config.js';
import { MemoryStore } from './memory/memory-store.js';
import { Neo4jStore } from './neo4j/neo4j-store.js';
import type { GraphStore } from './types.js';

/** What the factory reads of the server config (so tests and tools can pass just this). */
export type StoreConfig = Pick<Config, 'graphStore' | 'neo4j' | 'queryTimeoutMs'> & {
  /** Seed directory for the memory store; default `graph-seed/data`. */
  seedDataDir?: string | undefined;
  /** Neo4j connection pool size; default 50. */
  maxConnectionPoolSize?: number;
};

export async function createStore(config: StoreConfig): Promise<GraphStore> {
  switch (config.graphStore) {
    case 'memory':
      return MemoryStore.fromSeed(config.seedDataDir === undefined ? {} : { dataDir: config.seedDataDir });
    case 'neo4j': {
      if (config.neo4j === undefined) throw new Error('the Neo4j store needs a Neo4j connection (NEO4J_URI)');
      return new Neo4jStore({
        ...config.neo4j,
        queryTimeoutMs: config.queryTimeoutMs,
        ...(config.maxConnectionPoolSize === undefined ? {} : { maxConnectionPoolSize: config.maxConnectionPoolSize }),
      });
    }
    default: {
      const unknown: never = config.graphStore;
      throw new Error(`unknown graph store "${String(unknown)}"`);
    }
  }
}
