/**
 * How seed problems are described. One issue names the file, the record (its id when it
 * has a usable one, and always its position), the field and what is wrong, so an editor
 * can jump straight to it:
 *
 *   graph-seed/data/rules.json: rule:foo (nodes[3]).date: must be a real calendar date ...
 */

export interface SeedIssue {
  /** The file as the reader gave it, relative to the repository root when inside it. */
  file: string;
  /** The record: `rule:foo (nodes[3])`, `nodes[3]`, or a line and column for syntax errors. */
  where?: string;
  /** The field inside the record, as a path: `sources[0].quote`. */
  field?: string;
  message: string;
}

/** At most this many issues are printed; the rest are counted ("and N more"). */
export const MAX_REPORTED_ISSUES = 200;

export function formatIssue(issue: SeedIssue): string {
  let head = issue.file;
  if (issue.where !== undefined && issue.field !== undefined) head += `: ${issue.where}.${issue.field}`;
  else if (issue.where !== undefined) head += `: ${issue.where}`;
  else if (issue.field !== undefined) head += `: ${issue.field}`;
  return `${head}: ${issue.message}`;
}

/** One issue per line, cut after `limit` with a closing "... and N more" line. */
export function formatIssues(issues: readonly SeedIssue[], limit = MAX_REPORTED_ISSUES, total = issues.length): string {
  const lines = issues.slice(0, limit).map(formatIssue);
  const more = total - Math.min(limit, issues.length);
  if (more > 0) lines.push(`... and ${more} more`);
  return lines.join('\n');
}

/** Thrown by `loadSeedGraph` when the seed files are not valid. */
export class SeedValidationError extends Error {
  override readonly name = 'SeedValidationError';
  readonly errors: SeedIssue[];
  /** All issues found, which may exceed `errors.length` when the list was capped. */
  readonly total: number;

  constructor(errors: SeedIssue[], total = errors.length) {
    super(formatIssues(errors, MAX_REPORTED_ISSUES, total));
    this.errors = errors;
    this.total = total;
  }
}

/** A value shown inside a message: short, on one line, never the whole of a huge input. */
export function excerpt(value: string, max = 40): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max)}… (${value.length} characters)`;
}
