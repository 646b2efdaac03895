/** schemathesis against the API on the Neo4j store over the real seed. */
import { afterAll, beforeAll, it } from 'vitest';
import type { GraphStore } from '../../server/stores/types.js';
import { startApp, type Running } from '../server/helpers.js';
import { seededNeo4jStore } from '../server/both-stores.js';
import { describeNeo4j } from '../support/neo4j.js';
import { describeSchemathesis, expectNoFailures, runSchemathesis } from './schemathesis.js';

describeNeo4j('schemathesis on Neo4j', () => {
  describeSchemathesis('schemathesis: the OpenAPI document and the Neo4j store agree', () => {
    let store: GraphStore;
    let app: Running;
    beforeAll(async () => {
      store = await seededNeo4jStore();
      app = await startApp({ store, rateLimitPerMinute: 0 });
    });
    afterAll(async () => {
      await app?.close();
      await store?.close();
    });

    it('every operation, every check, fixed seed: no failures', async () => {
      expectNoFailures(await runSchemathesis(app.base));
    }, 300_000);
  });
});
