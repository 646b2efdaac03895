/**
 * `npm run seed:places [-- --source PATH]`: resolves every quote of the seed and the tours to
 * its place in the report (heading path and character range) and writes
 * `graph-seed/quote-places.json`. Needs the text. Prints the quotes that run across a table
 * cell or a heading, or stand outside their cited section: those are for the data to fix.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSeedGraph } from '../load-seed.js';
import { citedSources, placesFilePath } from '../quote-places-file.js';
import { computePlaces, formatPlacesFile, placePath, QUOTE_PLACES_FILE } from '../quote-places.js';
import { defaultSourcePath, findSourceText, missingSourceTextMessage } from '../source-text.js';
import { loadTours } from '../validate-tours.js';
import { parseCliArgs } from './args.js';

const USAGE = 'usage: seed:places [--source PATH]';
const args = parseCliArgs(['source'], USAGE);

const sourcePath = args.source !== undefined ? path.resolve(args.source) : findSourceText();
if (sourcePath === undefined) {
  process.stderr.write(`seed:places: ${missingSourceTextMessage()}\n`);
  process.exit(1);
}
let text: string;
try {
  text = readFileSync(sourcePath, 'utf8');
} catch (err) {
  process.stderr.write(`seed:places: cannot read the report text at ${sourcePath ?? defaultSourcePath()}: ${(err as Error).message}\n`);
  process.exit(1);
}

const graph = await loadSeedGraph({ sourcePath, onWarning: () => {} });
const tours = await loadTours(graph, { sourcePath, onWarning: () => {} });
const { file, notFound } = computePlaces(text, citedSources(graph, tours));
if (notFound.length > 0) {
  // The validator already refuses these; say so rather than write a partial file.
  for (const s of notFound) process.stderr.write(`not in the text: "${s.quote}" (${s.section})\n`);
  process.exit(1);
}
writeFileSync(placesFilePath(), formatPlacesFile(file));

const flagged = file.places.filter((p) => p.problems !== undefined);
for (const p of flagged) {
  const where = placePath(file, p.heading).map((h) => h.title).join(' › ');
  process.stdout.write(`${p.problems!.join(', ')}: "${p.quote}" at ${p.start}-${p.end} (${where}; cited under ${p.section})\n`);
}
process.stdout.write(
  `${QUOTE_PLACES_FILE}: ${file.places.length} quotes placed under ${file.headings.length} headings; ${flagged.length} flagged\n`,
);
