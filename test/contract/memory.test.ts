/** The store contract on the memory store, over the fixture graph. */
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { runStoreContract } from './store-contract.js';

runStoreContract('MemoryStore', async (graph) => MemoryStore.fromGraph(graph));
