/**
 * The teaching API on the Neo4j store: the real seed loaded into the real Neo4j of the test
 * run, then the same suite as the memory store, and the same answers from both stores.
 */
import { expect, it } from 'vitest';
import { describeNeo4j } from '../support/neo4j.js';
import { getJson } from './helpers.js';
import { seededNeo4jStore, serversOnBothStores } from './both-stores.js';
import { teachingSuite } from './teaching-suite.js';

describeNeo4j('teaching API on the Neo4j store', () => {
  teachingSuite(async () => {
    return seededNeo4jStore();
  });
});

describeNeo4j('teaching answers from both stores', () => {
  const servers = serversOnBothStores();

  it('are identical, order included', async () => {
    for (const path of [
      '/api/changes?from=2016-08-24&to=2016-10-13',
      '/api/changes?from=2000&to=2020',
      '/api/matrix',
      '/api/matrix?asOf=2016-09-01',
      '/api/questions/regulators?segment=segment:p2p-lending&asOf=2016-09-01',
      '/api/graph?asOf=2015-07',
      '/api/tours',
      '/api/tours/real-estate',
      '/api/quiz?seed=2024&count=20',
    ]) {
      const [a, b] = await Promise.all([getJson(servers.memory().base, path), getJson(servers.neo4j().base, path)]);
      expect(a.status, path).toBe(200);
      expect(b.body, path).toEqual(a.body);
    }
  });
});
