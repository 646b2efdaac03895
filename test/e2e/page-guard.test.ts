/**
 * The guard every e2e test relies on (support/page-guard.ts) sees what it claims to: a CSP
 * violation, a console error and an uncaught page error on the real app each become a
 * problem, and a message a test names for itself is let through for that test only.
 */
import { describe, expect, it } from 'vitest';
import { useApp } from './support/app';

const app = useApp();

describe('the e2e page guard', () => {
  it('reports an inline script blocked by the CSP, a console error and a page error', async () => {
    const page = await app.open('?lang=en');
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      console.error('guard check: a console error');
      setTimeout(() => {
        throw new Error('guard check: a page error');
      }, 0);
    });
    // Each arrives as an event; poll (bounded) until all three are in.
    let problems: string[] = [];
    await expect
      .poll(() => {
        problems = [...problems, ...app.browser.takeProblems()];
        return problems.length;
      }, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(3);
    expect(problems.some((p) => /^console error: CSP violation: script-src/.test(p))).toBe(true);
    expect(problems.some((p) => p.startsWith('console error: guard check: a console error'))).toBe(true);
    expect(problems.some((p) => p.startsWith('page error: guard check: a page error'))).toBe(true);
    expect(await page.evaluate(() => (window as { __inline?: number }).__inline)).toBeUndefined();
    await page.close();
  });

  it('lets a message the test names through, for that test only', async () => {
    const page = await app.open('?lang=en');
    app.browser.expectConsoleError(/guard check: expected/, 'this test logs it on purpose');
    await page.evaluate(() => console.error('guard check: expected'));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    expect(app.browser.takeProblems()).toEqual([]);
    // The allowance ended with takeProblems (the end of a test): the same message now counts.
    await page.evaluate(() => console.error('guard check: expected'));
    let later: string[] = [];
    await expect.poll(() => (later = [...later, ...app.browser.takeProblems()]).length, { timeout: 10_000 }).toBe(1);
    expect(later[0]).toMatch(/^console error: guard check: expected/);
    await page.close();
  });
});
