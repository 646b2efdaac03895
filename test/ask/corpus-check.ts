/** One corpus case and how a reading is compared with it: kind and every parameter, exactly. */
import type { NoReading, Reading } from '../../server/ask/types.js';

export interface CorpusCase {
  q: string;
  lang: 'zh' | 'en';
  kind: string;
  params: Record<string, string>;
  holdout: boolean;
}

/** Undefined when the reading is the expected one, else what differs. */
export function checkCase(c: CorpusCase, reading: Reading | NoReading): string | undefined {
  if (reading.kind !== c.kind) return `kind ${reading.kind}, expected ${c.kind}`;
  const got = reading.params as Record<string, string | undefined>;
  const keys = new Set([...Object.keys(c.params), ...Object.keys(got)]);
  for (const k of keys) {
    if (got[k] !== c.params[k]) return `${k} = ${got[k] ?? '(none)'}, expected ${c.params[k] ?? '(none)'}`;
  }
  return undefined;
}
