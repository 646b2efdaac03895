/** Briefs and comparisons on the memory store over the real seed. */
import { describe } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { briefsSuite } from './briefs-suite.js';

describe('briefs and comparisons on the memory store', () => {
  briefsSuite(async () => MemoryStore.fromGraph(await loadSeedGraph({ onWarning: () => {} })));
});
