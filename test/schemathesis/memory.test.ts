/** schemathesis against the API on the memory store over the real seed. */
import { afterAll, beforeAll, it } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { startApp, type Running } from '../server/helpers.js';
import { describeSchemathesis, expectNoFailures, runSchemathesis } from './schemathesis.js';

describeSchemathesis('schemathesis: the OpenAPI document and the memory store agree', () => {
  let app: Running;
  beforeAll(async () => {
    app = await startApp({ store: MemoryStore.fromGraph(await loadSeedGraph({ onWarning: () => {} })), rateLimitPerMinute: 0 });
  });
  afterAll(() => app?.close());

  it('every operation, every check, fixed seed: no failures', async () => {
    expectNoFailures(await runSchemathesis(app.base));
  }, 300_000);
});
