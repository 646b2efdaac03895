/**
 * Spelling tolerance for Latin script: a word that is neither a word of some name nor a
 * word the question shapes use is replaced by the nearest word of the names, when one is
 * close enough (edit distance 1 for words of 5–7 letters, 2 from 8 letters; same first
 * letter). Chinese needs none of this: a mistyped character is another word, not a typo.
 * Distances come from `fastest-levenshtein` (small, dependency-free, widely used).
 */
import { distance } from 'fastest-levenshtein';
import type { Lexicon } from './lexicon.js';

export function allowedDistance(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

/** The correction of `word`, or undefined when it is known, too short or nothing is close. */
export function correct(word: string, lexicon: Lexicon, known: ReadonlySet<string>): string | undefined {
  if (lexicon.words.has(word) || known.has(word) || /\d/.test(word)) return undefined;
  const max = allowedDistance(word.length);
  if (max === 0) return undefined;
  let best: string | undefined;
  let bestDistance = max + 1;
  for (let len = word.length - max; len <= word.length + max; len++) {
    for (const candidate of lexicon.wordsByLength.get(len) ?? []) {
      if (candidate[0] !== word[0]) continue;
      const d = swapped(word, candidate) ? 1 : distance(word, candidate);
      // Equal distances: the first found wins; ties are rare at these lengths.
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
  }
  return bestDistance <= max ? best : undefined;
}

/** Two neighbouring letters typed in the wrong order (bitcion → bitcoin) count as one slip. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
