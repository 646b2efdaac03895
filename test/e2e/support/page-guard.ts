/**
 * Every e2e test fails on a console error, an uncaught page error or a Content-Security-Policy
 * violation, in any page of its browser: a broken script or a policy that blocks the app's
 * own resources must not pass because the assertions looked elsewhere. Chromium reports a
 * CSP violation as a `securitypolicyviolation` event; an init script turns each into a
 * console error with a recognisable prefix, so one listener sees all three.
 *
 * Only named messages are allowed: those in EXPECTED for every test, each with the reason,
 * and those a test declares itself with `expect(pattern, why)` before it causes them (a test
 * that makes the API fail expects the browser's "Failed to load resource" line), for that
 * test only.
 */
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';

const CSP_PREFIX = 'CSP violation:';

/** Messages a passing test may leave, and why. Keep this list short and specific. */
export const EXPECTED: Array<{ pattern: RegExp; why: string }> = [];

function reportCspViolations(prefix: string): void {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`${prefix} ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
  });
}

export interface PageGuard {
  /** Allows messages matching `pattern` until the next `take()` (the end of the test). */
  expect(pattern: RegExp, why: string): void;
  /** The problems since the last call; forgets the test's own allowances. */
  take(): string[];
}

export function guardPages(context: BrowserContext): PageGuard {
  let problems: string[] = [];
  let forThisTest: Array<{ pattern: RegExp; why: string }> = [];
  const allowed = (text: string) => [...EXPECTED, ...forThisTest].some((e) => e.pattern.test(text));
  const watch = (page: Page) => {
    page.on('console', (msg: ConsoleMessage) => {
      if (msg.type() !== 'error') return;
      const text = msg.text();
      const where = msg.location().url ? ` (${msg.location().url})` : '';
      const line = `console error: ${text}${where}`;
      if (!allowed(line)) problems.push(line);
    });
    page.on('pageerror', (err) => {
      const line = `page error: ${err.message}`;
      if (!allowed(line)) problems.push(line);
    });
  };
  void context.addInitScript(reportCspViolations, CSP_PREFIX);
  for (const page of context.pages()) watch(page);
  context.on('page', watch);
  return {
    expect: (pattern, why) => void forThisTest.push({ pattern, why }),
    take: () => {
      const out = problems;
      problems = [];
      forThisTest = [];
      return out;
    },
  };
}
