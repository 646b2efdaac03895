/** The store contract on the memory store: the fixture graph, then the real seed. */
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { runSeedContract } from './seed-contract.js';
import { runStoreContract } from './store-contract.js';

runStoreContract('MemoryStore', async (graph) => MemoryStore.fromGraph(graph));
runSeedContract('MemoryStore', async (graph) => MemoryStore.fromGraph(graph));
