/** `GET /api/ask` on the memory store over the real seed. */
import { afterAll, beforeAll, describe } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { startApp, type Running } from '../server/helpers.js';
import { askHttpSuite } from './ask-http.js';

describe('GET /api/ask on the memory store', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startApp({ store: MemoryStore.fromGraph(await loadSeedGraph({ onWarning: () => {} })), rateLimitPerMinute: 0 });
  });
  afterAll(() => app.close());
  askHttpSuite(() => app.base);
});
