/**
 * The Neo4j seed loader against a real Neo4j: reloads are idempotent, the database equals the
 * files after every load, a failed or killed load leaves the previous graph, and the
 * full-text index finds Chinese and English terms. Both ways of loading (one transaction,
 * staged swap) run the same checks.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j, { type Driver, type Integer, type Node, type Relationship } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSynthetic } from '../../bench/synthetic/generate.js';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import {
  contentHash,
  graphCounts,
  loadIntoNeo4j,
  invisibleNodeCount,
  type LoadOptions,
} from '../../graph-seed/neo4j-loader.js';
import { repoRoot } from '../../graph-seed/read-seed-files.js';
import type { SeedGraph } from '../../graph-seed/schema.js';
import { Neo4jStore } from '../../server/stores/neo4j/neo4j-store.js';
import { SEARCH_CYPHER } from '../../server/stores/neo4j/queries.js';
import { describeNeo4j, neo4jTarget, type Neo4jTarget } from '../support/neo4j.js';

const VALID = path.join(repoRoot(), 'test/graph-seed/fixtures/valid');

const EXPECTED_LABELS = { Agency: 3, Rule: 3, Segment: 3, Topic: 3, Technology: 0, Phase: 2, Event: 0 };
const EXPECTED_TYPES = {
  ISSUED: 3,
  REGULATES: 3,
  PROHIBITS: 2,
  REQUIRES: 0,
  ADDRESSES: 0,
  IMPLEMENTS: 1,
  PART_OF: 3,
  APPLIED_IN: 0,
  EMERGED_IN: 1,
  MARKS: 1,
  PRECEDES: 1,
  INVOLVED: 0,
};

describeNeo4j('Neo4j seed loader', () => {
  let target: Neo4jTarget;
  let driver: Driver;
  let graph: SeedGraph;

  beforeAll(async () => {
    target = neo4jTarget();
    // Lossless integers, so the content hash tells an integer from a float.
    driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password));
    graph = await loadSeedGraph({ dataDir: VALID, onWarning: () => {} });
  });

  afterAll(async () => {
    await driver?.close();
  });

  const hash = (): Promise<string> => contentHash(driver, target.database);
  const load = (g: SeedGraph, opts: Partial<LoadOptions> = {}) => loadIntoNeo4j(driver, g, { database: target.database, ...opts });
  const count = async (cypher: string): Promise<number> => {
    const res = await driver.executeQuery(cypher, {}, { database: target.database });
    return (res.records[0]!.get(0) as Integer).toNumber();
  };
  const leftovers = () => invisibleNodeCount(driver, target.database);

  describe.each(['single', 'staged'] as const)('mode %s', (mode) => {
    it('loads the fixture; a second load gives identical counts and content hash', async () => {
      const first = await load(graph, { mode });
      expect(first.mode).toBe(mode);
      expect(first).toMatchObject({ nodes: 14, relationships: 15, labels: EXPECTED_LABELS, types: EXPECTED_TYPES });
      const h1 = await hash();
      const second = await load(graph, { mode });
      expect(second).toMatchObject({ nodes: 14, relationships: 15, labels: EXPECTED_LABELS, types: EXPECTED_TYPES });
      if (mode === 'single') expect([second.removedNodes, second.removedRelationships]).toEqual([0, 0]);
      expect(await graphCounts(driver, target.database)).toEqual({ nodes: 14, relationships: 15, labels: EXPECTED_LABELS, types: EXPECTED_TYPES });
      expect(await hash()).toBe(h1);
      expect(await leftovers()).toBe(0);
    });

    it('stores scalar fields as properties, sources and figures as JSON, integers as integers', async () => {
      await load(graph, { mode });
      const res = await driver.executeQuery(
        `MATCH (n:Entity:Rule {id: 'rule:insurance-rectification-plan-2016'})<-[r:ISSUED]-(a:Agency:Entity)
         RETURN n, r, a.id AS agency`,
        {},
        { database: target.database },
      );
      expect(res.records).toHaveLength(1);
      const n = res.records[0]!.get('n') as Node;
      const r = res.records[0]!.get('r') as Relationship;
      const seedNode = graph.nodes.find((x) => x.id === 'rule:insurance-rectification-plan-2016')!;
      expect(n.labels.sort()).toEqual(['Entity', 'Rule']);
      expect(neo4j.isInt(n.properties.issuerCount)).toBe(true);
      expect((n.properties.issuerCount as Integer).toNumber()).toBe(14);
      expect(n.properties.date).toBe('2016-10-13');
      expect(n.properties.aliases).toEqual([]);
      expect(JSON.parse(n.properties.sourcesJson as string)).toEqual(seedNode.sources);
      expect(JSON.parse(n.properties.figuresJson as string)).toEqual([]);
      expect(Object.keys(n.properties).sort()).toEqual(
        [
          'aliases', 'date', 'description', 'descriptionEn', 'figuresJson', 'id', 'issuerCount', 'kind', 'name', 'nameEn', 'sourcesJson',
          'searchKey', 'searchText', 'gen', 'dateKey', 'dateEndKey',
        ].sort(),
      );
      // The date's keys (graph-seed/dates.ts), which Cypher compares instead of deriving them.
      expect([n.properties.dateKey, n.properties.dateEndKey]).toEqual(['2016-10-13', '2016-10-13']);
      // Search properties: the normalised (lower case, hyphens as spaces) fields, each enclosed in U+0001.
      const enclosed = (xs: string[]) => `\u0001${xs.map((x) => x.toLowerCase().replaceAll('-', ' ')).join('\u0001')}\u0001`;
      expect(n.properties.searchKey).toBe(enclosed([seedNode.name, seedNode.nameEn, ...seedNode.aliases]));
      expect(n.properties.searchText).toBe(enclosed([seedNode.description, seedNode.descriptionEn]));
      expect(r.properties).toEqual({
        id: 'agency:circ-ISSUED->rule:insurance-rectification-plan-2016',
        role: 'lead',
        sourcesJson: JSON.stringify([{ section: '二、全国互联网金融政策发展', quote: '中国保监会等十四部委联合' }]),
      });
      expect(res.records[0]!.get('agency')).toBe('agency:circ');
    });

    it('a node deleted from the files disappears with its relationships; reloading restores it exactly', async () => {
      await load(graph, { mode });
      const full = await hash();
      const gone = 'topic:cash-pool';
      const smaller: SeedGraph = {
        nodes: graph.nodes.filter((n) => n.id !== gone),
        relationships: graph.relationships.filter((r) => r.source !== gone && r.target !== gone),
      };
      expect(smaller.relationships).toHaveLength(14);
      const res = await load(smaller, { mode });
      expect(res).toMatchObject({ nodes: 13, relationships: 14, labels: { ...EXPECTED_LABELS, Topic: 2 }, types: { ...EXPECTED_TYPES, PROHIBITS: 1 } });
      if (mode === 'single') expect([res.removedNodes, res.removedRelationships]).toEqual([1, 1]);
      expect(await count(`MATCH (n {id: '${gone}'}) RETURN count(n)`)).toBe(0);
      expect(await count(`MATCH ()-[r]->() WHERE r.id CONTAINS '${gone}' RETURN count(r)`)).toBe(0);
      expect(await hash()).not.toBe(full);
      await load(graph, { mode });
      expect(await hash()).toBe(full);
    });

    it('a changed label, property and relationship end are replaced, not added to', async () => {
      await load(graph, { mode });
      const changed: SeedGraph = {
        nodes: graph.nodes.map((n) => (n.id === 'agency:circ' ? { ...n, nameEn: 'CIRC (renamed)', aliases: [] } : n)),
        relationships: graph.relationships.map((r) =>
          r.id === 'rule:p2p-interim-measures-2016-PROHIBITS->topic:real-estate-finance'
            ? { ...r, target: 'topic:down-payment-loans', id: 'rule:p2p-interim-measures-2016-PROHIBITS->topic:down-payment-loans' }
            : r,
        ),
      };
      await load(changed, { mode });
      const rec = await driver.executeQuery(`MATCH (n:Entity {id: 'agency:circ'}) RETURN n.nameEn AS en, n.aliases AS al`, {}, { database: target.database });
      expect(rec.records[0]!.get('en')).toBe('CIRC (renamed)');
      expect(rec.records[0]!.get('al')).toEqual([]);
      expect(await count(`MATCH (:Rule {id: 'rule:p2p-interim-measures-2016'})-[r:PROHIBITS]->(t) RETURN count(r)`)).toBe(1);
      expect(await count(`MATCH (:Rule {id: 'rule:p2p-interim-measures-2016'})-[r:PROHIBITS]->(:Topic {id: 'topic:down-payment-loans'}) RETURN count(r)`)).toBe(1);
      expect((await graphCounts(driver, target.database)).relationships).toBe(15);
    });

    it('a batch that fails part way (constraint violation) leaves the previous graph exactly', async () => {
      await load(graph, { mode });
      const before = await hash();
      const smaller: SeedGraph = { nodes: graph.nodes.slice(1), relationships: graph.relationships.filter((r) => r.source !== graph.nodes[0]!.id) };
      const batches: string[] = [];
      const failing = load(smaller, {
        mode,
        batchSize: 1,
        beforeBatch: async (tx, info) => {
          batches.push(`${info.phase} ${info.batch}/${info.batches}`);
          // Several batches have already been written when this one breaks the (id, gen)
          // constraint: a second node with an id the load has written, in the load's generation
          // (the newest one holding that id: the live one in single mode, the next in staged).
          if (info.phase === 'relationships' && info.batch === 5) {
            await tx.run(
              `MATCH (n:Entity {id: 'rule:rectification-plan-2016'}) WITH max(n.gen) AS gen
               CREATE (:Entity {id: 'rule:rectification-plan-2016', gen: gen})`,
            );
          }
        },
      });
      await expect(failing).rejects.toThrow(/already exists with label `Entity` and properties `id`/);
      expect(batches).toContain('nodes 13/13');
      expect(batches.at(-1)).toBe('relationships 5/14');
      expect(await hash()).toBe(before);
      expect(await graphCounts(driver, target.database)).toMatchObject({ nodes: 14, relationships: 15 });
      expect(await leftovers()).toBe(0);
    });
  });

  it('staged: a batch that fails while the one before it is still being written leaves the previous graph, and that batch is awaited', async () => {
    await load(graph);
    const before = await hash();
    const events: string[] = [];
    const failing = load(graph, {
      mode: 'staged',
      batchSize: 2,
      inFlight: 2,
      onProgress: (p) => {
        if (p.phase === 'relationships') events.push(`committed ${p.batch}`);
      },
      beforeBatch: async (tx, info) => {
        if (info.phase !== 'relationships') return;
        events.push(`start ${info.batch}`);
        // Batch 4 queues a slow query ahead of its own write, so it is still in flight when batch 5 starts and fails.
        if (info.batch === 4) void tx.run('UNWIND range(1, 3000000) AS x RETURN count(x) AS c');
        if (info.batch === 5) {
          events.push('fail 5');
          throw new Error('batch 5 broke');
        }
      },
    });
    await expect(failing).rejects.toThrow('batch 5 broke');
    // Batch 4 was running when 5 failed, and the load waited for it before cleaning up.
    expect(events.indexOf('committed 4')).toBeGreaterThan(events.indexOf('fail 5'));
    expect(events).not.toContain('start 6');
    expect(await hash()).toBe(before);
    expect(await graphCounts(driver, target.database)).toMatchObject({ nodes: 14, relationships: 15 });
    expect(await leftovers()).toBe(0);
  });

  it('staged: loads with several batches in flight give the same database as one at a time', async () => {
    await load(graph, { mode: 'staged', batchSize: 1, inFlight: 1 });
    const serial = await hash();
    await load(graph, { mode: 'staged', batchSize: 1, inFlight: 3 });
    expect(await hash()).toBe(serial);
    await load(graph, { mode: 'single' });
    expect(await hash()).toBe(serial);
  });

  it('creates the (id, generation) constraint and the generation index, and drops the retired full-text index', async () => {
    await driver.executeQuery(`CREATE FULLTEXT INDEX entitySearch IF NOT EXISTS FOR (n:Agency) ON EACH [n.name]`, {}, { database: target.database });
    await load(graph);
    const constraints = await driver.executeQuery(
      `SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' RETURN name, labelsOrTypes AS labels, properties AS props ORDER BY name`,
      {},
      { database: target.database },
    );
    expect(constraints.records.map((r) => [r.get('name'), r.get('labels'), r.get('props')])).toEqual([
      ['entity_id_gen_unique', ['Entity'], ['id', 'gen']],
      ['seed_state_key_unique', ['SeedState'], ['key']],
    ]);
    const range = await driver.executeQuery(
      `SHOW INDEXES YIELD name, type, labelsOrTypes, properties WHERE name = 'entity_gen' RETURN type, labelsOrTypes, properties`,
      {},
      { database: target.database },
    );
    expect(range.records.map((r) => [r.get('type'), r.get('labelsOrTypes'), r.get('properties')])).toEqual([['RANGE', ['Entity'], ['gen']]]);
    // The cjk full-text index of earlier versions is dropped (no query reads it).
    expect(await count(`SHOW FULLTEXT INDEXES YIELD name RETURN count(*)`)).toBe(0);
  });

  it('creates the TEXT indexes search reads, and search uses them (no label scan)', async () => {
    await load(graph);
    const text = await driver.executeQuery(
      `SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state WHERE type = 'TEXT' RETURN name, labelsOrTypes, properties, state ORDER BY name`,
      {},
      { database: target.database },
    );
    expect(text.records.map((r) => [r.get('name'), r.get('labelsOrTypes'), r.get('properties'), r.get('state')])).toEqual([
      ['entity_search_key', ['Entity'], ['searchKey'], 'ONLINE'],
      ['entity_search_text', ['Entity'], ['searchText'], 'ONLINE'],
    ]);
    const plan = await driver.executeQuery(`EXPLAIN ${SEARCH_CYPHER}`, { q: '贷', labels: ['Rule'], limit: neo4j.int(5) }, { database: target.database });
    const operators: string[] = [];
    const walk = (p: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }): void => {
      operators.push(`${p.operatorType.split('@')[0]} ${String(p.arguments.Details ?? '')}`);
      for (const c of p.children) walk(c as typeof p);
    };
    walk(plan.summary.plan as unknown as Parameters<typeof walk>[0]);
    expect(operators.filter((o) => o.startsWith('NodeIndexContainsScan'))).toHaveLength(2);
    expect(operators.some((o) => /NodeByLabelScan|AllNodesScan/.test(o))).toBe(false);
  });

  it('refuses seed text holding the search separator U+0001, without touching the database', async () => {
    await load(graph);
    const before = await hash();
    const bad: SeedGraph = { ...graph, nodes: graph.nodes.map((n, i) => (i === 0 ? { ...n, aliases: ['a\u0001b'] } : n)) };
    await expect(load(bad)).rejects.toThrow(/aliases holds U\+0001.*nothing was loaded/);
    expect(await hash()).toBe(before);
  });

  it('auto mode stages when the new or the live graph is above the limit', async () => {
    await load(graph, { mode: 'single' });
    expect((await load(graph, { mode: 'auto' })).mode).toBe('single');
    expect((await load(graph, { mode: 'auto', singleTransactionMax: 28 })).mode).toBe('staged');
    const tiny: SeedGraph = { nodes: graph.nodes.slice(0, 2), relationships: [] };
    // The live graph (29 items) is above 20: replacing it must not be one big transaction.
    expect((await load(tiny, { mode: 'auto', singleTransactionMax: 20 })).mode).toBe('staged');
    expect((await load(graph, { mode: 'auto', singleTransactionMax: 20 })).mode).toBe('staged');
    expect((await load(graph, { mode: 'auto', singleTransactionMax: 29 })).mode).toBe('single');
  });

  it('both modes produce the same database', async () => {
    await load(graph, { mode: 'single' });
    const single = await hash();
    await load(graph, { mode: 'staged' });
    expect(await hash()).toBe(single);
  });

  describe('generations', () => {
    const live = async (): Promise<number> => count(`MATCH (s:SeedState {key: 'live'}) RETURN s.generation`);
    const generations = async (): Promise<number[]> => {
      const res = await driver.executeQuery('MATCH (n:Entity) RETURN DISTINCT n.gen AS g ORDER BY g', {}, { database: target.database });
      return res.records.map((r) => (r.get('g') as Integer).toNumber());
    };

    it('a staged load writes the next generation and makes it live; a single load replaces the live one in place', async () => {
      await load(graph, { mode: 'single' });
      const g = await live();
      expect(await generations()).toEqual([g]);
      await load(graph, { mode: 'single' });
      expect(await live()).toBe(g);
      await load(graph, { mode: 'staged' });
      expect(await live()).toBe(g + 1);
      expect(await generations()).toEqual([g + 1]);
      expect(await leftovers()).toBe(0);
    });

    it('nodes of another generation are invisible to the store, and the next load deletes them', async () => {
      await load(graph);
      const before = await hash();
      const g = await live();
      // What an interrupted staged load leaves: the next generation, part written, with a
      // node of a live id (other name) and a node of its own, joined by a relationship.
      await driver.executeQuery(
        `CREATE (a:Entity:Agency {id: 'agency:circ', gen: $next, name: 'ghost', nameEn: 'ghost', aliases: [], description: '', descriptionEn: '',
                   searchKey: '\u0001ghost\u0001', searchText: '\u0001\u0001', sourcesJson: '[]', figuresJson: '[]'})
         CREATE (b:Entity:Agency {id: 'agency:ghost', gen: $next, name: 'ghost', nameEn: 'ghost', aliases: [], description: '', descriptionEn: '',
                   searchKey: '\u0001ghost\u0001', searchText: '\u0001\u0001', sourcesJson: '[]', figuresJson: '[]'})
         CREATE (a)-[:PART_OF {id: 'agency:circ-PART_OF->agency:ghost', sourcesJson: '[]'}]->(b)`,
        { next: neo4j.int(g + 1) },
        { database: target.database },
      );
      expect(await leftovers()).toBe(2);
      const store = new Neo4jStore(driver, { database: target.database });
      expect((await store.node('agency:circ'))?.nameEn).toBe(graph.nodes.find((n) => n.id === 'agency:circ')!.nameEn);
      expect(await store.node('agency:ghost')).toBeUndefined();
      expect(await store.search({ q: 'ghost', limit: 10 })).toEqual([]);
      expect(await store.counts()).toMatchObject({ nodes: 14, relationships: 15 });
      expect((await store.neighborhood({ id: 'agency:circ', depth: 2, limit: 200 }))?.nodes.map((n) => n.id)).not.toContain('agency:ghost');
      expect(await hash()).toBe(before);
      await load(graph);
      expect(await leftovers()).toBe(0);
      expect(await hash()).toBe(before);
    });

    it.each(['single', 'staged'] as const)('%s: a database of the loader before generations is replaced by the seed graph', async (mode) => {
      await load(graph, { mode });
      const clean = await hash();
      // The loader before generations: per-label id constraints, nodes without a generation,
      // no SeedState, staging leftovers.
      await driver.executeQuery('MATCH (n) WHERE n:Entity OR n:SeedState DETACH DELETE n', {}, { database: target.database });
      await driver.executeQuery('DROP CONSTRAINT entity_id_gen_unique', {}, { database: target.database });
      await driver.executeQuery('CREATE CONSTRAINT agency_id_unique FOR (n:Agency) REQUIRE n.id IS UNIQUE', {}, { database: target.database });
      await driver.executeQuery(
        `CREATE (:Entity:Agency {id: 'agency:circ', name: 'old'})-[:PART_OF {id: 'x'}]->(:Entity:Agency {id: 'agency:old', name: 'old'})
         CREATE (:SeedStaging {id: 'agency:circ', seedLabel: 'Agency'})`,
        {},
        { database: target.database },
      );
      expect(await graphCounts(driver, target.database)).toMatchObject({ nodes: 0, relationships: 0 });
      expect(await leftovers()).toBe(3);
      await load(graph, { mode });
      expect(await graphCounts(driver, target.database)).toEqual({ nodes: 14, relationships: 15, labels: EXPECTED_LABELS, types: EXPECTED_TYPES });
      expect(await hash()).toBe(clean);
      expect(await leftovers()).toBe(0);
      expect(await count(`SHOW CONSTRAINTS YIELD name WHERE name = 'agency_id_unique' RETURN count(*)`)).toBe(0);
    });
  });

  describe('the CLI', () => {
    const env = (): NodeJS.ProcessEnv => ({
      ...process.env,
      NEO4J_URI: target.uri,
      NEO4J_USER: target.user,
      NEO4J_PASSWORD: target.password,
      NEO4J_DATABASE: target.database,
    });

    function runCli(args: string[], onStderr?: (text: string, kill: () => void) => void) {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot(), 'graph-seed/cli/load.ts'), ...args], {
        cwd: repoRoot(),
        env: env(),
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        onStderr?.(stderr, () => child.kill('SIGKILL'));
      });
      return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
        child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
      );
    }

    it('loads, prints progress and counts, and a second run prints the same counts', async () => {
      const a = await runCli(['--data', VALID]);
      expect(a.code).toBe(0);
      expect(a.stderr).toMatch(/nodes: batch \d+\/\d+, 14\/14 \(\d+\/s\)/);
      expect(a.stdout).toMatch(/nodes: 14 \(/);
      expect(a.stdout).toMatch(/relationships: 15 \(/);
      const h = await hash();
      const b = await runCli(['--data', VALID]);
      expect(b.code).toBe(0);
      const counts = (out: string) => out.split('\n').filter((l) => /^ {2}\w+ +\d+$/.test(l));
      expect(counts(b.stdout)).toEqual(counts(a.stdout));
      expect(counts(a.stdout)).toContain('  Agency      3');
      expect(await hash()).toBe(h);
    });

    it('refuses a broken seed without touching the database', async () => {
      await load(graph);
      const before = await hash();
      const r = await runCli(['--data', path.join(repoRoot(), 'test/graph-seed/fixtures/broken/truncated')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('invalid JSON: unexpected end of file');
      expect(r.stderr).toContain('Neo4j was not touched');
      expect(r.stderr).not.toContain('loading');
      expect(await hash()).toBe(before);
    });

    describe('a load killed with SIGKILL part way', () => {
      let dir: string;
      let big: { data: string; source: string };

      beforeAll(() => {
        dir = mkdtempSync(path.join(tmpdir(), 'finreg-seed-kill-'));
        const m = generateSynthetic({ nodes: 8_000, seed: 7, outDir: dir });
        big = { data: m.dataDir, source: m.sourcePath };
      });
      afterAll(() => rmSync(dir, { recursive: true, force: true }));

      it.each(['single', 'staged'] as const)('leaves the old graph (%s)', async (mode) => {
        await load(graph);
        const before = await hash();
        const r = await runCli(['--data', big.data, '--source', big.source, '--mode', mode, '--batch-size', '500'], (text, kill) => {
          if (/relationships: batch 3\//.test(text)) kill();
        });
        expect(r.signal).toBe('SIGKILL');
        expect(r.stderr).toMatch(/relationships: batch 3\//);
        expect(r.stderr).not.toContain('flip...');
        expect(await hash()).toBe(before);
        expect(await graphCounts(driver, target.database)).toMatchObject({ nodes: 14, relationships: 15 });
        // The next load cleans up whatever the killed one left (staged nodes are invisible meanwhile).
        await load(graph);
        expect(await leftovers()).toBe(0);
        expect(await hash()).toBe(before);
      });
    });
  });
});
