/**
 * The interpreter measured on how users ask: every phrasing of `corpus.json` must get its
 * reading (kind and every parameter). Accuracy is reported per kind and language, and for
 * the held-out fifth (phrasings not looked at while tuning) on its own; the test fails
 * below 95 % overall.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { interpret } from '../../server/ask/interpret.js';
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import { checkCase, type CorpusCase } from './corpus-check.js';

const corpus = JSON.parse(readFileSync(new URL('./corpus.json', import.meta.url), 'utf8')) as { cases: CorpusCase[] };
const TARGET = 0.95;

describe('ask corpus', () => {
  let store: MemoryStore;
  beforeAll(async () => {
    store = MemoryStore.fromGraph(await loadSeedGraph({ onWarning: () => {} }));
  });

  it('holds at least 200 phrasings, about half in each language', () => {
    const zh = corpus.cases.filter((c) => c.lang === 'zh').length;
    expect(corpus.cases.length).toBeGreaterThanOrEqual(200);
    expect(zh / corpus.cases.length).toBeGreaterThan(0.4);
    expect(zh / corpus.cases.length).toBeLessThan(0.6);
  });

  it(`reads at least ${TARGET * 100} % of them as expected`, async () => {
    const tally = new Map<string, { right: number; all: number }>();
    const count = (key: string, ok: boolean): void => {
      const t = tally.get(key) ?? { right: 0, all: 0 };
      t.all++;
      if (ok) t.right++;
      tally.set(key, t);
    };
    const failures: string[] = [];
    for (const c of corpus.cases) {
      const { reading } = await interpret(store, c.q);
      const problem = checkCase(c, reading);
      const ok = problem === undefined;
      count('all', ok);
      count(`kind ${c.kind}`, ok);
      count(`lang ${c.lang}`, ok);
      count(c.holdout ? 'held out' : 'tuning', ok);
      if (!ok) failures.push(`${c.holdout ? '[held out] ' : ''}${c.q}: ${problem}`);
    }
    const rows = [...tally].map(([key, t]) => `${key.padEnd(18)} ${String(t.right).padStart(4)}/${String(t.all).padEnd(4)} ${((100 * t.right) / t.all).toFixed(1)} %`);
    console.log(`ask corpus accuracy\n${rows.join('\n')}${failures.length ? `\nmisread:\n  ${failures.join('\n  ')}` : ''}`);
    const all = tally.get('all')!;
    expect(all.right / all.all, failures.join('\n')).toBeGreaterThanOrEqual(TARGET);
  });
});
