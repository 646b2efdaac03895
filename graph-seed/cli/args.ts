/** Command-line flags shared by the seed CLIs (string-valued), with a clear error for unknown ones. */
import { parseArgs } from 'node:util';

export function parseCliArgs(names: readonly string[], usage: string): Record<string, string | undefined> {
  const options: Record<string, { type: 'string' }> = {};
  for (const n of names) options[n] = { type: 'string' };
  try {
    const { values } = parseArgs({ options: { ...options, help: { type: 'boolean' } }, strict: true, allowPositionals: false });
    if (values.help === true) {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    const out: Record<string, string | undefined> = {};
    for (const n of names) {
      const v = (values as Record<string, unknown>)[n];
      out[n] = typeof v === 'string' ? v : undefined;
    }
    return out;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${usage}\n`);
    process.exit(2);
  }
}
