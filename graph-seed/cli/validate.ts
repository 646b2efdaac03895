/**
 * `npm run seed:validate [-- --data DIR --source PATH]`: checks the seed files and prints a
 * summary, or every problem (one per line) and exits 1.
 */
import { formatIssues } from '../errors.js';
import { validateSeedDir } from '../load-seed.js';
import { formatCounts } from './format-counts.js';
import { parseCliArgs } from './args.js';

const USAGE = 'usage: seed:validate [--data DIR] [--source PATH]';
const args = parseCliArgs(['data', 'source'], USAGE);

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
    '',
  ].join('\n'),
);
