/** `GET /api/ask` on Neo4j over the real seed: the same suite as on the memory store. */
import { describe } from 'vitest';
import { serversOnBothStores } from '../server/both-stores.js';
import { askHttpSuite } from './ask-http.js';

describe('GET /api/ask on Neo4j', () => {
  const servers = serversOnBothStores();
  askHttpSuite(() => servers.neo4j().base);
});
