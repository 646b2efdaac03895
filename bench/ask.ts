/**
 * How long reading a question takes, in process on the memory store: the interpreter alone
 * (`interpret`: lexicon scan, dates, cues, and the search-index look-ups it makes) and the
 * whole of `/api/ask` without HTTP (reading plus the answer from the store). Questions are
 * the phrasings of `test/ask/corpus.json`, in turn. Sizes: the seed, and 100k synthetic
 * nodes (`npm run bench:generate` makes it; generated on first use otherwise).
 *
 *   npm run bench -- --only ask
 *
 * The lexicon of a graph is built once per store and refreshed only when the store's counts
 * change; its build time is reported on its own and left out of the timed calls.
 */
import { readFileSync } from 'node:fs';
import { loadSeedGraph } from '../graph-seed/load-seed.js';
import { answerReading } from '../server/ask/answer.js';
import { interpret } from '../server/ask/interpret.js';
import { lexiconOf } from '../server/ask/lexicon.js';
import { MemoryStore } from '../server/stores/memory/memory-store.js';
import { ensureSynthetic } from './lib/datasets.js';
import { table, type Section } from './lib/report.js';
import { measure, ms, sizeLabel, summarize, verdict, type Summary } from './lib/stats.js';

const TARGET_MS = 20;
const QUESTIONS = (JSON.parse(readFileSync(new URL('../test/ask/corpus.json', import.meta.url), 'utf8')) as { cases: Array<{ q: string }> }).cases.map((c) => c.q);

export interface AskBenchRow {
  graph: string;
  nodes: number;
  lexiconMs: number;
  reading: Summary;
  whole: Summary;
}

async function benchOne(graph: string, store: MemoryStore, nodes: number, iterations: number): Promise<AskBenchRow> {
  const t0 = performance.now();
  await lexiconOf(store);
  const lexiconMs = performance.now() - t0;
  const q = (i: number): string => QUESTIONS[i % QUESTIONS.length]!;
  const opts = { warmup: QUESTIONS.length, iterations };
  const reading = summarize(await measure((i) => interpret(store, q(i)), opts));
  const whole = summarize(
    await measure(async (i) => {
      const { reading: r } = await interpret(store, q(i));
      if (r.kind !== 'unknown') await answerReading(store, r);
    }, opts),
  );
  return { graph, nodes, lexiconMs, reading, whole };
}

export async function benchAsk(opts: { iterations: number; syntheticSize: number }): Promise<AskBenchRow[]> {
  const rows: AskBenchRow[] = [];
  const seed = MemoryStore.fromGraph(await loadSeedGraph({ onWarning: () => undefined }));
  rows.push(await benchOne('seed', seed, (await seed.counts()).nodes, opts.iterations));
  const m = ensureSynthetic(opts.syntheticSize);
  const synthetic = MemoryStore.fromGraph(await loadSeedGraph({ dataDir: m.dataDir, sourcePath: m.sourcePath, onWarning: () => undefined }));
  rows.push(await benchOne(`synthetic ${sizeLabel(opts.syntheticSize)}`, synthetic, (await synthetic.counts()).nodes, opts.iterations));
  return rows;
}

export function askSection(rows: readonly AskBenchRow[], iterations: number): Section {
  return {
    title: 'Ask: reading a question in process (memory store)',
    lines: table(
      ['graph', 'nodes', 'lexicon build', 'reading p50', 'reading p99', 'reading max', 'reading + answer p99', `target p99 ≤ ${TARGET_MS} ms (reading)`],
      rows.map((r) => [r.graph, String(r.nodes), `${ms(r.lexiconMs)} ms`, `${ms(r.reading.p50)} ms`, `${ms(r.reading.p99)} ms`, `${ms(r.reading.max)} ms`, `${ms(r.whole.p99)} ms`, verdict(`≤ ${TARGET_MS} ms`, r.reading.p99 <= TARGET_MS)]),
    ),
    notes: [
      `${iterations} timed calls per graph after one warm-up pass over the ${QUESTIONS.length} corpus phrasings (\`test/ask/corpus.json\`), taken in turn.`,
      'The lexicon (every name and alias as tokens) is built once per store and kept while the store\'s counts do not change; its build is not in the timed calls.',
    ],
    checks: rows.map((r) => ({ name: `ask reading p99 at ${r.graph}`, pass: r.reading.p99 <= TARGET_MS, detail: `${ms(r.reading.p99)} ms (target ≤ ${TARGET_MS} ms)` })),
  };
}
