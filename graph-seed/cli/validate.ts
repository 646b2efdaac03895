/**
 * `npm run seed:validate [-- --data DIR --source PATH]`: checks the seed files and prints a
 * summary, or every problem (one per line) and exits 1.
 */
import { readFileSync } from 'node:fs';
import { formatIssues } from '../errors.js';
import { validateSeedDir } from '../load-seed.js';
import { formatCounts } from './format-counts.js';
import { parseCliArgs } from './args.js';
import { validateTourDir } from '../validate-tours.js';
import { checkSeedPlaces } from '../quote-places-file.js';

const USAGE = 'usage: seed:validate [--data DIR] [--source PATH] [--tours DIR] [--places FILE]';
const args = parseCliArgs(['data', 'source', 'tours', 'places'], USAGE);

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

// Where each quote stands (graph-seed/quote-places.json): every citation of the real seed
// and its tours has its place, none is stale, and with the text the places still match it.
const places = tours?.tours ? checkSeedPlaces(result.graph!, tours.tours, installedText(), args.places) : undefined;
if (places && places.length > 0) {
  for (const p of places) process.stderr.write(`${p}\n`);
  process.stderr.write(`\n${places.length} ${places.length === 1 ? 'error' : 'errors'} in quote places\n`);
  process.exit(1);
}

function installedText(): string | undefined {
  return result.stats.quotes.checked && result.sourcePath !== null ? readFileSync(result.sourcePath, 'utf8') : undefined;
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
    places ? `quote places: ${places.length === 0 ? 'up to date' : 'stale'}${result.stats.quotes.checked ? ' (checked against the text)' : ' (checked against the seed; no text)'}` : 'quote places: not checked',
    tours
      ? `tours: ${tours.stats.tours} (${tours.stats.steps} steps, quotes verified: ${tours.stats.quotes.verified}/${tours.stats.quotes.total})`
      : 'tours: not checked (--data given without --tours)',
    '',
  ].join('\n'),
);
