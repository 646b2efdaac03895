/**
 * Broken seeds against the database: every case of support/broken-seeds.ts given to the
 * loader CLI (`graph-seed/cli/load.ts`, a child process with a capped heap, so a blow-up
 * would crash it rather than pass) is refused with its precise error and exit code 1 (a CLI
 * that hangs is killed and fails), and the whole database is the same afterwards. Then graphs that
 * skip validation altogether go straight to `loadIntoNeo4j`: a dangling end, a duplicate id,
 * a label or relationship type written as Cypher; each fails and changes nothing, in both
 * load modes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { loadIntoNeo4j } from '../../graph-seed/neo4j-loader.js';
import { relationshipId, type SeedGraph } from '../../graph-seed/schema.js';
import { databaseSnapshot, type DatabaseSnapshot } from '../support/database-snapshot.js';
import { describeNeo4j, neo4jTarget, withDriver } from '../support/neo4j.js';
import { BROKEN_SEEDS, writeCorpus, type BrokenSeed } from './support/broken-seeds.js';
import { pool } from './support/http-client.js';
import { REPO_ROOT } from './support/main-process.js';

/** A watchdog, not a speed check: a CLI still running after this is killed and the case fails. */
const CLI_KILL_AFTER_MS = 60_000;
const CLI_HEAP_MB = 384;

function runLoadCli(dataDir: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const target = neo4jTarget();
  const child = spawn(process.execPath, [`--max-old-space-size=${CLI_HEAP_MB}`, '--import', 'tsx', 'graph-seed/cli/load.ts', '--data', dataDir], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', NEO4J_URI: target.uri, NEO4J_USER: target.user, NEO4J_PASSWORD: target.password, NEO4J_DATABASE: target.database },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), CLI_KILL_AFTER_MS);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stderr });
    }),
  );
}

describeNeo4j('broken seeds against Neo4j', () => {
  let root: string;
  let corpus: Array<BrokenSeed & { dir: string }>;
  let seed: SeedGraph;
  let before: DatabaseSnapshot;
  /** The whole database, not only what readers see (../support/database-snapshot.ts). */
  const snapshot = databaseSnapshot;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'finreg-broken-seeds-cli-'));
    corpus = writeCorpus(root);
    seed = await loadSeedGraph({ onWarning: () => {} });
    await withDriver((driver, target) => loadIntoNeo4j(driver, seed, { database: target.database }));
    before = await snapshot();
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('the loader CLI refuses every broken seed with its error, in a bounded heap, and leaves the database as it was', { timeout: 600_000 }, async () => {
    const results = await pool(corpus, 2, async (c) => ({ c, r: await runLoadCli(c.dir) }));
    const problems: string[] = [];
    for (const { c, r } of results) {
      if (r.code !== 1) problems.push(`${c.name}: exit ${r.code ?? r.signal} (${r.stderr.slice(-300)})`);
      else if (!c.error.test(r.stderr)) problems.push(`${c.name}: error not reported: ${r.stderr.slice(0, 300)}`);
      else if (!r.stderr.includes('Neo4j was not touched')) problems.push(`${c.name}: no "Neo4j was not touched"`);
      if (/heap out of memory|Allocation failed/i.test(r.stderr)) problems.push(`${c.name}: ran out of its ${CLI_HEAP_MB} MB heap`);
    }
    console.log(`[broken-seeds] ${results.length} broken seeds refused by the loader CLI`);
    expect(problems).toEqual([]);
    expect(results).toHaveLength(BROKEN_SEEDS.length);
    expect(await snapshot()).toEqual(before);
  });

  const agency = () => seed.nodes.find((n) => n.label === 'Agency')!;
  const issued = () => seed.relationships.find((r) => r.type === 'ISSUED')!;
  /** Each graph, and the loader's own refusal of it (not any error: a TypeError would be a bug). */
  const UNVALIDATED: Array<[string, () => SeedGraph, RegExp]> = [
    [
      // With its proper id, so it is the missing end that stops it, not the id check.
      'a relationship to a missing node',
      () => {
        const dangling = { ...issued(), target: 'rule:nowhere' };
        return { nodes: seed.nodes, relationships: [...seed.relationships, { ...dangling, id: relationshipId(dangling) }] };
      },
      /rule:nowhere is not among the loaded nodes|wrote \d+ of \d+ ISSUED relationships in a batch \(a missing endpoint\?\); rolled back/,
    ],
    ['the same node id twice', () => ({ nodes: [...seed.nodes, { ...agency() }], relationships: seed.relationships }), /after loading, Neo4j would hold \d+ nodes and \d+ relationships, but the seed has \d+ and \d+; rolled back|already exists with label `Entity`/],
    [
      'a label written as Cypher',
      () => ({ nodes: seed.nodes.map((n, i) => (i === 0 ? { ...n, label: 'Agency WITH n MATCH (m:Entity) DETACH DELETE m //' as never } : n)), relationships: seed.relationships }),
      /has label .* which is not in the schema; nothing was loaded/,
    ],
    [
      'a relationship type written as Cypher',
      () => ({
        nodes: seed.nodes,
        relationships: seed.relationships.map((r, i) => (i === 0 ? { ...r, type: 'ISSUED]->(b) WITH a MATCH (m:Entity) DETACH DELETE m //' as never } : r)),
      }),
      /has type .* which is not in the schema; nothing was loaded/,
    ],
    [
      // Valid Cypher once interpolated, with the row count kept, so no count check would notice.
      'a relationship type that closes its pattern and runs a subquery',
      () => ({
        nodes: seed.nodes,
        relationships: seed.relationships.map((r, i) =>
          i === 0 ? { ...r, type: "ISSUED]->(b) WITH a, b, row CALL (a) { MATCH (m:Entity) SET m.name = 'pwned' } CREATE (a)-[r:ISSUED" as never } : r,
        ),
      }),
      /has type .* which is not in the schema; nothing was loaded/,
    ],
    [
      'a label that closes its clause and runs a subquery',
      () => ({
        nodes: seed.nodes.map((n, i) => (i === 0 ? { ...n, label: "Agency WITH n CALL (n) { MATCH (m:Entity) SET m.name = 'pwned' } SET n:Agency" as never } : n)),
        relationships: seed.relationships,
      }),
      /has label .* which is not in the schema; nothing was loaded/,
    ],
  ];

  for (const mode of ['single', 'staged'] as const) {
    it.each(UNVALIDATED)(`loadIntoNeo4j (${mode}) fails on %s and changes nothing`, { timeout: 120_000 }, async (_name, make, refusal) => {
      await expect(withDriver((driver, target) => loadIntoNeo4j(driver, make(), { database: target.database, mode, batchSize: 50 }))).rejects.toThrow(refusal);
      expect(await snapshot()).toEqual(before);
    });
  }
});
