/**
 * `npm run seed:validate [-- --data DIR --source PATH]`: checks the seed files and prints a
 * summary, or every problem (one per line) and exits 1.
 */
import { formatIssues } from '../errors.js';
import { validateSeedDir } from '../load-seed.js';
import { formatCounts } from './format-counts.js';
import { parseCliArgs } from './args.js';
import { validateTourDir } from '../validate-tours.js';

const USAGE = 'usage: seed:validate [--data DIR] [--source PATH] [--tours DIR]';
const args = parseCliArgs(['data', 'source', 'tours'], USAGE);

const result = await validateSeedDir({
  dataDir: args.data,
  sourcePath: args.source,
});

for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
if (result.totalIssues > 0) {
  process.stderr.write(`${formatIssues(result.issues, undefined, result.totalIssues)}\n`);
  process.stderr.write(`\n${result.totalIssues} ${result.totalIssues === 1 ? 'error' : 'errors'} in ${result.dataDir}\n`);
  process.exit(1);
}

// The guided tours name graph ids and cite the report too: check them against this graph.
// They belong to the real seed, so another --data (a fixture, a synthetic graph) checks
// tours only when --tours says which.
const checkTours = args.data === undefined || args.tours !== undefined;
const tours = checkTours ? await validateTourDir(result.graph!, { sourcePath: args.source, toursDir: args.tours }) : undefined;
for (const w of tours?.warnings ?? []) process.stderr.write(`warning: ${w}\n`);
if (tours && tours.totalIssues > 0) {
  process.stderr.write(`${formatIssues(tours.issues, undefined, tours.totalIssues)}\n`);
  process.stderr.write(`\n${tours.totalIssues} ${tours.totalIssues === 1 ? 'error' : 'errors'} in ${tours.toursDir}\n`);
  process.exit(1);
}

const { stats } = result;
const q = stats.quotes;
process.stdout.write(
  [
    `seed OK: ${result.dataDir}`,
    `files: ${stats.files}`,
    `nodes: ${stats.nodes}`,
    formatCounts(stats.labels),
    `relationships: ${stats.relationships}`,
    formatCounts(stats.types),
    q.checked ? `quotes verified: ${q.verified}/${q.total} (against ${result.sourcePath})` : `quotes verified: skipped (0/${q.total})`,
    tours
      ? `tours: ${tours.stats.tours} (${tours.stats.steps} steps, quotes verified: ${tours.stats.quotes.verified}/${tours.stats.quotes.total})`
      : 'tours: not checked (--data given without --tours)',
    '',
  ].join('\n'),
);
