/**
 * Tests that need the report's full text. The text is the publisher's and never in the
 * repository (`graph-seed/source-text.ts` says where it is looked for), so a clone with nothing
 * beside it runs every other test and reports these as skipped with one line saying why; with
 * `CI` set, a missing text is a failure, as a missing Neo4j is.
 *
 *   const text = sourceText();                // string | undefined, read once
 *   describeWithSourceText('quotes', (text) => { it(...) });
 *   itWithSourceText('checks a quote', (text) => { ... });
 */
import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { findSourceText, missingSourceTextMessage } from '../../graph-seed/source-text.js';
import { isCi } from './neo4j-target.js';

let cached: { text: string | undefined } | undefined;

/** The report text, or undefined when it is not installed. */
export function sourceText(): string | undefined {
  if (!cached) {
    const file = findSourceText();
    cached = { text: file === undefined ? undefined : readFileSync(file, 'utf8') };
  }
  return cached.text;
}

/** The report text inside a test guarded by the helpers below. */
function requireText(): string {
  const text = sourceText();
  if (text === undefined) throw new Error(missingSourceTextMessage());
  return text;
}

/** A describe block whose tests need the report text; `fn` receives a getter for it. */
export function describeWithSourceText(name: string, fn: (text: () => string) => void): void {
  if (sourceText() !== undefined) describe(name, () => fn(requireText));
  else if (isCi()) {
    describe(name, () => {
      it('has the report text to check against', () => {
        throw new Error(missingSourceTextMessage());
      });
    });
  } else describe.skip(`${name} (skipped: ${missingSourceTextMessage()})`, () => fn(requireText));
}

/** One test that needs the report text. */
export function itWithSourceText(name: string, fn: (text: string) => unknown | Promise<unknown>, timeout?: number): void {
  if (sourceText() !== undefined) it(name, () => fn(requireText()), timeout);
  else if (isCi()) it(name, () => { throw new Error(missingSourceTextMessage()); });
  else it.skip(`${name} (skipped: ${missingSourceTextMessage()})`, () => fn(requireText()));
}
