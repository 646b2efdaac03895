/**
 * The question as the interpreter scans it. Every change maps one code unit to one code
 * unit, so offsets in the normalised text are offsets in the question as typed and a part of
 * the reading can point at the words the user wrote.
 *
 * - full-width letters, digits and punctuation (Ｐ２Ｐ，２０１６) become ASCII;
 * - Latin letters are lower-cased, hyphens and dashes become spaces (as search does:
 *   `../stores/search-text.ts`), typographic apostrophes become `'`.
 */
import { normaliseField } from '../../graph-seed/search-text.js';

const FULL_WIDTH_START = 0xff01;
const FULL_WIDTH_END = 0xff5e;

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END) ch = String.fromCharCode(code - 0xfee0);
  else if (code === 0x3000) ch = ' ';
  else if (ch === '\u2019' || ch === '\u2018') ch = "'";
  else if (ch === '\u2013' || ch === '\u2014' || ch === '\u2212') ch = '-';
  const folded = normaliseField(ch);
  return folded.length === 1 ? folded : ch;
}

export function normaliseQuestion(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!);
  return out;
}

export const isCjk = (ch: string): boolean => /[\u3400-\u9fff\uf900-\ufaff]/.test(ch);
export const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[a-z0-9']/.test(ch);

/** English words in a few forms: plural `s` dropped (loans → loan, measures → measure), not `ss`. */
export function stem(word: string): string {
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith("'s")) return word.slice(0, -1);
  return word;
}

/** Stems every Latin word of a normalised string, keeping everything else. */
export function stemWords(text: string): string {
  return text.replace(/[a-z0-9']+/g, stem);
}
