/**
 * The toolbar's layout run in the built client: ForceAtlas2 in its module worker (under the
 * server's Content-Security-Policy), the button showing the running state, and the run
 * ending by itself within its size-scaled budget.
 */
import { describe, expect, it } from 'vitest';
import { useApp } from './support/app';

const app = useApp();

describe('layout run', () => {
  it('shows the running state on the start/stop button, moves the nodes and stops by itself', async () => {
    const page = await app.open('?lang=zh');
    const run = page.locator('[data-tool="run"]');
    expect(await run.getAttribute('aria-pressed')).toBe('false');
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __runStates: string[] }).__runStates = seen;
      new MutationObserver(() => {
        const b = document.querySelector('[data-tool="run"]');
        if (b) seen.push(b.getAttribute('aria-pressed') ?? '');
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-pressed'] });
    });
    const before = await page.locator('#graph').screenshot();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await run.click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __runStates: string[] }).__runStates.includes('true'))).toBe(true);
    await expect.poll(() => run.getAttribute('aria-pressed'), { timeout: 15_000 }).toBe('false');
    const after = await page.locator('#graph').screenshot();
    expect(after.equals(before)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});
