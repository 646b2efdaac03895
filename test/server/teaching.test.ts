/** The teaching API (tours, asOf, changes, matrix, quiz) on the memory store over the real seed. */
import { describe } from 'vitest';
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { teachingSuite } from './teaching-suite.js';

describe('teaching API on the memory store', () => {
  teachingSuite(() => MemoryStore.fromSeed());
});
