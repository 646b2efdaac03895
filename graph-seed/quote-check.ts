/**
 * Checks that a citation's quote is a verbatim span of the source text. The text came
 * through a PDF conversion, so line breaks, tabs and spaces fall in arbitrary places:
 * whitespace is removed on both sides before comparing, and nothing else is forgiven.
 */
import { excerpt } from './errors.js';

/** Quotes longer than this draw a warning; the schema rejects those above 160. */
export const PREFERRED_QUOTE_LENGTH = 120;

const WHITESPACE = /\s+/gu;

export function squeeze(text: string): string {
  return text.replace(WHITESPACE, '');
}

export class QuoteChecker {
  private readonly haystack: string;
  private readonly cache = new Map<string, string | undefined>();

  constructor(source: string) {
    this.haystack = squeeze(source);
  }

  /** Undefined when the quote is found, else a message saying how far it matched. */
  check(quote: string): string | undefined {
    const cached = this.cache.get(quote);
    if (cached !== undefined || this.cache.has(quote)) return cached;
    const result = this.explain(quote);
    this.cache.set(quote, result);
    return result;
  }

  private explain(quote: string): string | undefined {
    const needle = squeeze(quote);
    if (needle === '') return 'quote holds only whitespace';
    if (this.haystack.includes(needle)) return undefined;
    // The longest start of the quote that the source holds: every shorter start is found
    // too, so a binary search on the length finds it.
    let lo = 0;
    let hi = needle.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.haystack.includes(needle.slice(0, mid))) lo = mid;
      else hi = mid - 1;
    }
    const start = `quote not found in the source text (whitespace ignored): "${excerpt(quote, 30)}"`;
    if (lo === 0) return `${start}; not even its first character occurs`;
    const found = needle.slice(0, lo);
    return `${start}; the source has its first ${lo} of ${needle.length} characters ("${excerpt(found, 30)}") but then differs at "${needle.slice(lo, lo + 10)}"`;
  }
}
