/**
 * Benchmark output: each part returns sections (a title, a Markdown table, notes), printed
 * as they come and collected by `bench/run.ts` into one Markdown report under bench/out/.
 */
export interface Section {
  title: string;
  /** Markdown lines (usually a table). */
  lines: string[];
  notes?: string[];
  /** Target checks in this section, for the closing summary. */
  checks?: Check[];
}

export interface Check {
  name: string;
  /** undefined: could not be measured (a piece is missing). */
  pass: boolean | undefined;
  detail: string;
}

export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}

export function renderSection(s: Section): string {
  const out = [`### ${s.title}`, '', ...s.lines];
  if (s.notes && s.notes.length > 0) out.push('', ...s.notes.map((n) => `- ${n}`));
  return out.join('\n') + '\n';
}

export function printSection(s: Section): void {
  process.stdout.write(`\n${renderSection(s)}`);
}

/** A section saying why a part could not run (a piece it needs is not built yet). */
export function skipped(title: string, why: string): Section {
  return { title, lines: [`_Not measured: ${why}_`], checks: [{ name: title, pass: undefined, detail: why }] };
}
