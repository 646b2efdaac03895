/**
 * Tokens of a normalised text: a Latin word (stemmed: `loans` → `loan`) or one Chinese
 * character, each with its offsets. Spaces join tokens; other punctuation breaks a run, so
 * no entity name is read across a comma or a full stop.
 */
import { isCjk, stem } from './normalise.js';

export interface Token {
  /** The token as matched (a stem for Latin words). */
  key: string;
  start: number;
  end: number;
  latin: boolean;
  /** True when punctuation (not a space) separates this token from the previous one. */
  breakBefore: boolean;
}

const LATIN = /[a-z0-9][a-z0-9']*/y;
/** Characters that never break a run: spaces and the marks inside names (《》、·). */
const SOFT = /[\s《》〈〉「」『』"'·・、]/;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let broken = false;
  for (let i = 0; i < text.length; ) {
    const ch = text[i]!;
    LATIN.lastIndex = i;
    const m = LATIN.exec(text);
    if (m) {
      const word = m[0].replace(/'+$/, '');
      out.push({ key: stem(word), start: i, end: i + word.length, latin: true, breakBefore: broken });
      broken = false;
      i += m[0].length;
    } else if (isCjk(ch)) {
      out.push({ key: ch, start: i, end: i + 1, latin: false, breakBefore: broken });
      broken = false;
      i++;
    } else {
      if (!SOFT.test(ch)) broken = true;
      i++;
    }
  }
  return out;
}

/** The lookup key of a token run: tokens joined by one separator. */
export const joinKeys = (keys: readonly string[]): string => keys.join(' ');
