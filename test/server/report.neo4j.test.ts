/**
 * The report reader's API on the Neo4j store: the same suite as the memory store, and the
 * same answers from both stores.
 */
import { expect, it } from 'vitest';
import { describeNeo4j } from '../support/neo4j.js';
import { getJson } from './helpers.js';
import { seededNeo4jStore, serversOnBothStores } from './both-stores.js';
import { reportSuite } from './report-suite.js';

describeNeo4j('report API on the Neo4j store', () => {
  reportSuite(async () => seededNeo4jStore());
});

describeNeo4j('report answers from both stores', () => {
  const servers = serversOnBothStores();

  it('are identical, order included', async () => {
    for (const path of ['/api/report', '/api/report/passages']) {
      const [a, b] = await Promise.all([getJson(servers.memory().base, path), getJson(servers.neo4j().base, path)]);
      expect(a.status, path).toBe(200);
      expect(b.body, path).toEqual(a.body);
    }
  });
});
