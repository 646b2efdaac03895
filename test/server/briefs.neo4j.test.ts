/** Briefs and comparisons on the Neo4j store over the real seed, and the same from both stores. */
import { expect, it } from 'vitest';
import { describeNeo4j } from '../support/neo4j.js';
import { getJson } from './helpers.js';
import { seededNeo4jStore, serversOnBothStores } from './both-stores.js';
import { briefsSuite } from './briefs-suite.js';

describeNeo4j('briefs and comparisons on the Neo4j store', () => {
  briefsSuite(async () => seededNeo4jStore());
});

describeNeo4j('briefs and comparisons from the two stores', () => {
  const servers = serversOnBothStores();

  it('are the same (but for the permalink host)', async () => {
    for (const path of [
      '/api/briefs?kind=regulators&segment=segment:p2p-lending&lang=en&format=json',
      '/api/briefs?kind=rules&topic=topic:real-estate-finance&format=json',
      '/api/briefs?kind=node&id=agency:cbrc&lang=en&format=json',
      '/api/compare?a=segment:p2p-lending&b=segment:equity-crowdfunding',
      '/api/compare?a=agency:cbrc&b=agency:csrc&asOf=2016-09',
    ]) {
      const [a, b] = await Promise.all([getJson(servers.memory().base, path), getJson(servers.neo4j().base, path)]);
      expect(a.status, path).toBe(200);
      const strip = (x: Record<string, unknown>) => ({ ...x, permalink: typeof x['permalink'] === 'string' ? new URL(x['permalink']).search : undefined });
      expect(strip(b.body), path).toEqual(strip(a.body));
    }
  });
});
