/**
 * `npm run seed:load [-- --data DIR --source PATH --batch-size N]`: validates the seed and,
 * only when it is valid, replaces the seed graph in Neo4j with it (one transaction; see
 * neo4j-loader.ts). Connection: NEO4J_URI (default bolt://127.0.0.1:7687, the local
 * launcher), NEO4J_USER (neo4j), NEO4J_PASSWORD (the local launcher's), NEO4J_DATABASE (neo4j).
 * Progress goes to stderr, the final counts to stdout.
 */
import neo4j from 'neo4j-driver';
import { formatIssues } from '../errors.js';
import { validateSeedDir } from '../load-seed.js';
import { loadIntoNeo4j, type LoadProgress } from '../neo4j-loader.js';
import { parseCliArgs } from './args.js';
import { formatCounts } from './format-counts.js';

const USAGE =
  'usage: seed:load [--data DIR] [--source PATH] [--batch-size N] [--mode auto|single|staged]   (env NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)';
const args = parseCliArgs(['data', 'source', 'batch-size', 'mode'], USAGE);

const mode = args.mode ?? 'auto';
if (mode !== 'auto' && mode !== 'single' && mode !== 'staged') {
  process.stderr.write(`--mode must be auto, single or staged, got "${mode}"\n`);
  process.exit(2);
}

let batchSize: number | undefined;
if (args['batch-size'] !== undefined) {
  batchSize = Number(args['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    process.stderr.write(`--batch-size must be a positive integer, got "${args['batch-size']}"\n`);
    process.exit(2);
  }
}

const result = await validateSeedDir({ dataDir: args.data, sourcePath: args.source });
for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
if (!result.graph) {
  process.stderr.write(`${formatIssues(result.issues, undefined, result.totalIssues)}\n`);
  process.stderr.write(`\nthe seed has ${result.totalIssues} ${result.totalIssues === 1 ? 'error' : 'errors'}; Neo4j was not touched\n`);
  process.exit(1);
}
const graph = result.graph;

const env = (name: string): string | undefined => {
  const v = process.env[name]?.trim();
  return v === undefined || v === '' ? undefined : v;
};
const uri = env('NEO4J_URI') ?? 'bolt://127.0.0.1:7687';
const user = env('NEO4J_USER') ?? 'neo4j';
const password = process.env.NEO4J_PASSWORD ?? 'finreg-atlas-dev';
const database = env('NEO4J_DATABASE') ?? 'neo4j';

const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { connectionTimeout: 15_000 });
let exitCode = 0;
try {
  process.stderr.write(`loading ${graph.nodes.length} nodes and ${graph.relationships.length} relationships into ${uri} (database ${database})\n`);
  const loaded = await loadIntoNeo4j(driver, graph, {
    database,
    mode,
    ...(batchSize === undefined ? {} : { batchSize }),
    onProgress: (p: LoadProgress) => {
      if (p.phase === 'nodes' || p.phase === 'relationships' || p.phase.startsWith('delete')) {
        process.stderr.write(`${p.phase}: batch ${p.batch}/${p.batches}, ${p.done}/${p.total} (${p.rate}/s)\n`);
      } else if (p.phase === 'cleanup') {
        process.stderr.write(`cleanup: ${p.done} retired or staged nodes removed\n`);
      } else {
        process.stderr.write(`${p.phase}...\n`);
      }
    },
  });
  process.stdout.write(
    [
      `loaded into ${uri} (database ${database}) in ${loaded.ms} ms (${loaded.mode === 'single' ? 'one transaction' : 'staged swap'})`,
      `nodes: ${loaded.nodes} (${loaded.nodesPerSec}/s; ${loaded.removedNodes} removed)`,
      formatCounts(loaded.labels),
      `relationships: ${loaded.relationships} (${loaded.relsPerSec}/s; ${loaded.removedRelationships} removed)`,
      formatCounts(loaded.types),
      '',
    ].join('\n'),
  );
} catch (err) {
  process.stderr.write(`seed:load failed, the previous graph is unchanged: ${(err as Error).message}\n`);
  exitCode = 1;
} finally {
  await driver.close();
}
process.exit(exitCode);
