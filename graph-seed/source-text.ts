/**
 * Where the report's full text is found: the one home of that rule.
 *
 * The text is the publisher's, so the repository never holds it; the graph quotes short
 * passages and checks them against the text wherever the user keeps a copy. In order:
 *
 * 1. `SEED_SOURCE`, when set (and then only it: a path the user names is never second-guessed);
 * 2. `../shared/seed/000_9c9aa35744fa65bf.txt` beside the repository (the layout of this
 *    project's work area);
 * 3. `graph-seed/source/report.txt` inside the repository, a git-ignored drop-in place for a
 *    copy of one's own (README, "The report text").
 *
 * Everything that needs the text asks here and degrades with a clear message when it is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './read-seed-files.js';

/** The file name the excerpt is distributed under. */
export const SOURCE_FILE_NAME = '000_9c9aa35744fa65bf.txt';

/** The git-ignored drop-in place, relative to the repository root. */
export const DROP_IN_SOURCE = 'graph-seed/source/report.txt';

/** The places looked at, in order, with what each is. */
export function sourceTextCandidates(env: NodeJS.ProcessEnv = process.env): Array<{ path: string; origin: string }> {
  const fromEnv = env.SEED_SOURCE;
  if (fromEnv !== undefined && fromEnv !== '') return [{ path: path.resolve(fromEnv), origin: 'SEED_SOURCE' }];
  return [
    { path: path.resolve(repoRoot(), '..', 'shared', 'seed', SOURCE_FILE_NAME), origin: 'the shared seed folder beside the repository' },
    { path: path.resolve(repoRoot(), DROP_IN_SOURCE), origin: DROP_IN_SOURCE },
  ];
}

/** The first candidate that exists, or undefined when the text is not installed. */
export function findSourceText(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return sourceTextCandidates(env).find((c) => existsSync(c.path))?.path;
}

/**
 * The path to read: the first that exists, else the first candidate (so a caller that reads
 * it gets "not found" naming the place the user most likely meant).
 */
export function defaultSourcePath(env: NodeJS.ProcessEnv = process.env): string {
  return findSourceText(env) ?? sourceTextCandidates(env)[0]!.path;
}

/** One line saying why the text is missing and where to put it. */
export function missingSourceTextMessage(env: NodeJS.ProcessEnv = process.env): string {
  const places = sourceTextCandidates(env).map((c) => c.path);
  return `the report text is not installed (looked at ${places.join(', ')}); put a copy at ${DROP_IN_SOURCE} or set SEED_SOURCE`;
}
