/**
 * Quiz generation over the real seed: for many seeds, every question has exactly one right
 * option according to the graph (checked here by independent predicates, including "half
 * right" answers through PART_OF or overlapping dates), cites the report verbatim, and the
 * same seed always gives the same quiz.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeedGraph } from '../../graph-seed/load-seed.js';
import { QuoteChecker } from '../../graph-seed/quote-check.js';
import { generateQuiz, MAX_QUIZ_COUNT, QUIZ_KINDS, type QuizQuestion } from '../../server/quiz/generate.js';
import { MemoryStore } from '../../server/stores/memory/memory-store.js';
import type { Subgraph } from '../../server/stores/types.js';
import { itWithSourceText } from '../support/source-text.js';

let graph: Subgraph;

beforeAll(async () => {
  graph = await MemoryStore.fromGraph(await loadSeedGraph({ onWarning: () => {} })).graph({});
});

const has = (type: string, source: string, target: string, pred: (p: Record<string, unknown>) => boolean = () => true): boolean =>
  graph.relationships.some((r) => r.type === type && r.source === source && r.target === target && pred(r.properties));

/** Everything above and below a node through PART_OF. */
function related(id: string): Set<string> {
  const out = new Set([id]);
  for (const dir of ['up', 'down'] as const) {
    const queue = [id];
    while (queue.length) {
      const x = queue.pop()!;
      for (const r of graph.relationships) {
        if (r.type !== 'PART_OF') continue;
        const next = dir === 'up' && r.source === x ? r.target : dir === 'down' && r.target === x ? r.source : undefined;
        if (next !== undefined && !out.has(next)) (out.add(next), queue.push(next));
      }
    }
  }
  return out;
}

/** Whether an option is (even partly) right, decided from the graph alone. */
function isRight(q: QuizQuestion, option: string): boolean {
  const subject = q.id.slice(q.kind.length + 1);
  switch (q.kind) {
    case 'lead-agency':
      return has('ISSUED', option, subject, (p) => p['role'] === 'lead');
    case 'rule-date': {
      const date = graph.nodes.find((n) => n.id === subject)!.date!;
      const d = option.replace(/^date:/, '');
      return date.startsWith(d) || d.startsWith(date);
    }
    case 'regulated-segment':
      return graph.relationships.some((r) => r.type === 'REGULATES' && r.source === subject && related(r.target).has(option));
    case 'prohibiting-rule': {
      const topics = related(subject);
      return graph.relationships.some((r) => r.type === 'PROHIBITS' && r.source === option && topics.has(r.target));
    }
    case 'next-phase':
      return has('PRECEDES', subject, option);
    case 'marked-phase':
      return has('MARKS', subject, option);
  }
}

describe('quiz generation', () => {
  it('every question of 300 seeds has exactly one right option, and it is the answer', () => {
    const kinds = new Set<string>();
    let questions = 0;
    for (let seed = 0; seed < 300; seed++) {
      const quiz = generateQuiz(graph, { seed, count: MAX_QUIZ_COUNT });
      for (const q of quiz.questions) {
        questions++;
        kinds.add(q.kind);
        const right = q.options.filter((o) => isRight(q, o.id));
        expect(right.map((o) => o.id), `${seed} ${q.id}`).toEqual([q.answer]);
        expect(q.options.length, q.id).toBeGreaterThanOrEqual(3);
        expect(q.options.length, q.id).toBeLessThanOrEqual(4);
        expect(new Set(q.options.map((o) => o.id)).size, q.id).toBe(q.options.length);
        // Labels must differ too, or two options would read the same.
        expect(new Set(q.options.map((o) => o.label.zh)).size, q.id).toBe(q.options.length);
        expect(new Set(q.options.map((o) => o.label.en)).size, q.id).toBe(q.options.length);
      }
    }
    expect(questions).toBeGreaterThan(1000);
    expect([...kinds].sort()).toEqual([...QUIZ_KINDS].sort());
  });

  it('a lead-agency distractor never issued the rule at all, not even as co-issuer', () => {
    for (let seed = 0; seed < 100; seed++) {
      for (const q of generateQuiz(graph, { seed, count: MAX_QUIZ_COUNT }).questions) {
        if (q.kind !== 'lead-agency') continue;
        const rule = q.id.slice('lead-agency:'.length);
        for (const o of q.options) if (o.id !== q.answer) expect(has('ISSUED', o.id, rule), `${q.id} ${o.id}`).toBe(false);
      }
    }
  });

  itWithSourceText('each question is bilingual, cites the report verbatim and names nodes of the graph', (report) => {
    const quotes = new QuoteChecker(report);
    const ids = new Set(graph.nodes.map((n) => n.id));
    const quiz = generateQuiz(graph, { seed: 7, count: MAX_QUIZ_COUNT });
    for (const q of quiz.questions) {
      for (const text of [q.prompt, q.explanation]) {
        expect(text.zh.length, q.id).toBeGreaterThan(4);
        expect(text.en.length, q.id).toBeGreaterThan(4);
      }
      expect(q.citation.length, q.id).toBeGreaterThan(0);
      for (const s of q.citation) expect(quotes.check(s.quote), `${q.id}: ${s.quote}`).toBeUndefined();
      expect(q.subgraph.length).toBeGreaterThanOrEqual(2);
      for (const id of q.subgraph) expect(ids.has(id), id).toBe(true);
      if (!q.answer.startsWith('date:')) expect(q.subgraph, q.id).toContain(q.answer);
    }
  });

  it('the same seed gives the same quiz, whatever the order of the graph; other seeds differ', () => {
    const a = generateQuiz(graph, { seed: 42, count: 10 });
    const reversed = { nodes: [...graph.nodes].reverse(), relationships: [...graph.relationships].reverse() };
    expect(generateQuiz(reversed, { seed: 42, count: 10 })).toEqual(a);
    expect(generateQuiz(graph, { seed: 42, count: 10 })).toEqual(a);
    const others = new Set<string>();
    for (let seed = 0; seed < 20; seed++) others.add(JSON.stringify(generateQuiz(graph, { seed, count: 10 }).questions));
    expect(others.size).toBe(20);
  });

  it('questions in one quiz are all different; a short quiz mixes kinds; count is clamped to what exists', () => {
    const full = generateQuiz(graph, { seed: 3, count: MAX_QUIZ_COUNT });
    expect(new Set(full.questions.map((q) => q.id)).size).toBe(full.questions.length);
    expect(full.available).toBeGreaterThanOrEqual(MAX_QUIZ_COUNT);
    const short = generateQuiz(graph, { seed: 3, count: 5 });
    expect(new Set(short.questions.map((q) => q.kind)).size).toBe(5);
    const tiny = { nodes: graph.nodes.filter((n) => n.label === 'Phase'), relationships: graph.relationships.filter((r) => r.type === 'PRECEDES') };
    const q = generateQuiz(tiny, { seed: 1, count: 10 });
    expect(q.count).toBe(q.available);
    expect(q.questions.every((x) => x.kind === 'next-phase')).toBe(true);
    expect(q.count).toBe(3);
  });

  it('rejects a bad seed or count', () => {
    expect(() => generateQuiz(graph, { seed: -1, count: 5 })).toThrow(RangeError);
    expect(() => generateQuiz(graph, { seed: 1.5, count: 5 })).toThrow(RangeError);
    expect(() => generateQuiz(graph, { seed: 1, count: 0 })).toThrow(/count must be an integer from 1 to 20/);
  });
});
