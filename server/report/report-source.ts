/**
 * What the reader endpoints read: the report text (when installed, found where
 * `graph-seed/source-text.ts` says) and the committed places file (always there). Read once
 * and kept: both change only with a deploy.
 */
import { readFile } from 'node:fs/promises';
import { readPlacesFile } from '../../graph-seed/quote-places-file.js';
import type { QuotePlacesFile } from '../../graph-seed/quote-places.js';
import { DROP_IN_SOURCE, findSourceText } from '../../graph-seed/source-text.js';

export interface ReportSource {
  /** The full text, or undefined when it is not installed. */
  text: string | undefined;
  /** Why the text is missing and where to put it (when it is). */
  missing?: { message: string; dropIn: string };
  places: QuotePlacesFile;
}

/**
 * `sourcePath`: the text to read; `null` means not installed; undefined looks where
 * `source-text.ts` says (SEED_SOURCE, then beside the repository, then the drop-in path).
 */
export async function readReportSource(sourcePath?: string | null): Promise<ReportSource> {
  const places = readPlacesFile() ?? { comment: '', text: { sha256: '', chars: 0 }, headings: [], places: [] };
  const file = sourcePath === null ? undefined : (sourcePath ?? findSourceText());
  const text = file === undefined ? undefined : await readFile(file, 'utf8').catch(() => undefined);
  if (text !== undefined) return { text, places };
  // No server paths in the answer: it goes to any client.
  const message = `The report text is not installed on this server. Put a copy at ${DROP_IN_SOURCE} (git-ignored) or set SEED_SOURCE to its path, and restart (README, "The report text").`;
  return { text: undefined, missing: { message, dropIn: DROP_IN_SOURCE }, places };
}
