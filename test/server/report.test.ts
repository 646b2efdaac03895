/** The report reader's API on the memory store over the real seed. */
import { describe } from 'vitest';
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { reportSuite } from './report-suite.js';

describe('report API on the memory store', () => {
  reportSuite(() => MemoryStore.fromSeed());
});
