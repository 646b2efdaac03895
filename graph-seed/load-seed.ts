/**
 * The one way the rest of the project reads the seed: every `**\/*.json` under the data
 * directory, validated as a whole, or a `SeedValidationError` listing every problem.
 */
import path from 'node:path';
import { SeedValidationError } from './errors.js';
import { defaultDataDir, displayPath, readSeedFiles, readSourceText } from './read-seed-files.js';
import { defaultSourcePath } from './source-text.js';
import type { SeedGraph } from './schema.js';
import { validateSeedFiles, type ValidationResult } from './validate.js';

export { SeedValidationError } from './errors.js';
export type { SeedIssue } from './errors.js';
export { validateSeedFiles } from './validate.js';

export interface LoadSeedOptions {
  /** Default: `graph-seed/data` of the repository. */
  dataDir?: string;
  /**
   * The source text the quotes are checked against. Default: `SEED_SOURCE`, else
   * the places `source-text.ts` names. `null` skips the check.
   */
  sourcePath?: string | null;
  /** Where warnings go (quote check skipped, long quotes). Default: stderr. */
  onWarning?: (warning: string) => void;
}

/** Reads and validates the seed files, returning the full result (for the CLI and tests). */
export async function validateSeedDir(opts: Omit<LoadSeedOptions, 'onWarning'> = {}): Promise<ValidationResult & { dataDir: string; sourcePath: string | null }> {
  const dataDir = path.resolve(opts.dataDir ?? defaultDataDir());
  const sourcePath = opts.sourcePath === null ? null : path.resolve(opts.sourcePath ?? defaultSourcePath());
  const source = sourcePath === null ? undefined : await readSourceText(sourcePath);
  let files;
  try {
    files = await readSeedFiles(dataDir);
  } catch (err) {
    const message = (err as Error).message;
    const result = validateSeedFiles([], source);
    return { ...result, issues: [{ file: dataDir, message }], totalIssues: 1, dataDir, sourcePath };
  }
  const result = validateSeedFiles(files, source);
  // Issues about the data set as a whole ("no seed files") name the directory.
  for (const issue of result.issues) if (issue.file === '(seed data)') issue.file = displayPath(dataDir);
  if (sourcePath !== null && source === undefined) {
    result.warnings = result.warnings.map((w) =>
      w.startsWith('no source text available') ? `source text not found at ${sourcePath}: the quote check was skipped (other checks ran)` : w,
    );
  } else if (sourcePath === null) {
    result.warnings = result.warnings.map((w) => (w.startsWith('no source text available') ? 'quote check disabled: no source path given' : w));
  }
  return { ...result, dataDir, sourcePath };
}

export async function loadSeedGraph(opts: LoadSeedOptions = {}): Promise<SeedGraph> {
  const result = await validateSeedDir(opts);
  const warn = opts.onWarning ?? ((w: string) => process.stderr.write(`seed warning: ${w}\n`));
  for (const w of result.warnings) warn(w);
  if (!result.graph) throw new SeedValidationError(result.issues, result.totalIssues);
  return result.graph;
}
