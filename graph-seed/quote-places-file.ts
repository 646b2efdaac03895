/**
 * The citations whose places are kept (every source of nodes, figures, relationships and
 * tour steps) and reading the generated places file from disk.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkPlacesFile, PLACES_COMMAND, QUOTE_PLACES_FILE, type QuotePlacesFile } from './quote-places.js';
import { repoRoot } from './read-seed-files.js';
import type { SeedGraph, Source } from './schema.js';
import type { Tour } from './tour-schema.js';

/** Every citation of the graph and the tours, in file order (duplicates included). */
export function* citedSources(graph: SeedGraph, tours: readonly Tour[] = []): Generator<Source> {
  for (const n of graph.nodes) {
    yield* n.sources;
    for (const f of n.figures ?? []) yield* f.sources;
  }
  for (const r of graph.relationships) yield* r.sources;
  for (const t of tours) for (const step of t.steps) yield* step.sources;
}

export function placesFilePath(): string {
  return path.join(repoRoot(), QUOTE_PLACES_FILE);
}

/** The committed places file, or undefined when it is absent. Throws on a file that is not JSON. */
export function readPlacesFile(file = placesFilePath()): QuotePlacesFile | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as QuotePlacesFile;
}

/** The problems of the committed places file for this seed and these tours (empty: up to date). */
export function checkSeedPlaces(graph: SeedGraph, tours: readonly Tour[], text?: string, file = placesFilePath()): string[] {
  let places: QuotePlacesFile | undefined;
  try {
    places = readPlacesFile(file);
  } catch (err) {
    return [`${QUOTE_PLACES_FILE} cannot be read (${(err as Error).message}); run \`${PLACES_COMMAND}\``];
  }
  return checkPlacesFile(places, citedSources(graph, tours), text);
}
