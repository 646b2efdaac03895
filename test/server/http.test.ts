/** The HTTP contract on the memory store over the real seed. */
import { describe } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { httpSuite } from './http-suite.js';

describe('HTTP API on the memory store', () => {
  httpSuite(async () => MemoryStore.fromGraph(await loadSeedGraph({ onWarning: () => {} })));
});
