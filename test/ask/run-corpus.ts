// Development aid: prints the tuning cases the interpreter gets wrong (never the held-out ones).
//   npx tsx test/ask/run-corpus.ts
import { readFileSync } from 'node:fs';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { interpret } from '../../server/ask/interpret.js';
import { checkCase, type CorpusCase } from './corpus-check.js';

const corpus = JSON.parse(readFileSync(new URL('./corpus.json', import.meta.url), 'utf8')) as { cases: CorpusCase[] };
const store = MemoryStore.fromGraph(await loadSeedGraph({ onWarning: () => {} }));
let wrong = 0;
for (const c of corpus.cases.filter((x) => !x.holdout)) {
  const { reading } = await interpret(store, c.q);
  const problem = checkCase(c, reading);
  if (problem) {
    wrong++;
    console.log(`${c.q}\n   want ${c.kind} ${JSON.stringify(c.params)}\n   got  ${reading.kind} ${JSON.stringify(reading.params)}  parts ${JSON.stringify(reading.parts.map((p) => `${p.text}=${p.value}`))}`);
  }
}
console.log(`${wrong} wrong of ${corpus.cases.filter((x) => !x.holdout).length} tuning cases`);
