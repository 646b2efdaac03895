/** The store factory: which store a configuration gives, and a clear error for a bad one. */
import { describe, expect, it } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { createStore } from '../../server/stores/create-store.js';

describe('createStore', () => {
  it('memory: a MemoryStore over the seed files', async () => {
    const store = await createStore({ graphStore: 'memory', neo4j: undefined, queryTimeoutMs: 5000 });
    try {
      expect(store.kind).toBe('memory');
      const seed = await loadSeedGraph({ onWarning: () => {} });
      expect((await store.counts()).nodes).toBe(seed.nodes.length);
    } finally {
      await store.close();
    }
  });

  it('neo4j: a Neo4jStore (connecting lazily), or an error without a connection', async () => {
    const store = await createStore({
      graphStore: 'neo4j',
      neo4j: { uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', database: 'neo4j' },
      queryTimeoutMs: 1000,
    });
    expect(store.kind).toBe('neo4j');
    await store.close();
    await expect(createStore({ graphStore: 'neo4j', neo4j: undefined, queryTimeoutMs: 1000 })).rejects.toThrow(/NEO4J_URI/);
  });
});
