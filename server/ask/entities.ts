/**
 * The entities a question mentions: at every token, the longest run of tokens that is a
 * name, English name or alias in the lexicon; longer mentions win overlaps. Dates are
 * excluded first. Latin words go through the spelling correction before matching.
 */
import type { Lexicon, LexNode } from './lexicon.js';
import { correct } from './spelling.js';
import { joinKeys, type Token } from './tokens.js';

export interface Mention {
  start: number;
  end: number;
  /** Token range [from, to). */
  from: number;
  to: number;
  nodes: LexNode[];
  /** The words as corrected, when a correction was needed to match. */
  corrected?: string;
}

/** Corrects unknown Latin words in place (token keys); returns the indexes corrected. */
export function correctTokens(tokens: Token[], lexicon: Lexicon, known: ReadonlySet<string>, skip: (t: Token) => boolean): Set<number> {
  const changed = new Set<number>();
  tokens.forEach((t, i) => {
    if (!t.latin || skip(t)) return;
    const fixed = correct(t.key, lexicon, known);
    if (fixed !== undefined) {
      t.key = fixed;
      changed.add(i);
    }
  });
  return changed;
}

export function findMentions(tokens: readonly Token[], lexicon: Lexicon, blocked: (t: Token) => boolean, corrected: ReadonlySet<number>): Mention[] {
  const candidates: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (blocked(tokens[i]!)) continue;
    const keys: string[] = [];
    let best: Mention | undefined;
    for (let j = i; j < tokens.length && j - i < lexicon.maxTokens; j++) {
      const t = tokens[j]!;
      if (blocked(t) || (j > i && t.breakBefore)) break;
      keys.push(t.key);
      // A Latin name must end at a word end; the token boundary guarantees it.
      const nodes = lexicon.names.get(joinKeys(keys));
      if (nodes) best = { start: tokens[i]!.start, end: t.end, from: i, to: j + 1, nodes };
    }
    if (best) {
      const fixed = [...Array(best.to - best.from).keys()].some((k) => corrected.has(best!.from + k));
      if (fixed) best.corrected = tokens.slice(best.from, best.to).map((t) => t.key).join(tokens[best.from]!.latin ? ' ' : '');
      candidates.push(best);
    }
  }
  // Longest first (in characters), then leftmost; keep those that overlap nothing kept.
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Mention[] = [];
  for (const c of candidates) if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}
