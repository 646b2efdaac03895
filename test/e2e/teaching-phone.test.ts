/** The Teach tab on a phone (390×844, touch): nothing overflows the screen; tours, timeline, matrix and quiz work by tap. */
import { describe, expect, it } from 'vitest';
import { useApp, urlState } from './support/app';
import { screenshot, settled } from './support/browser';

const app = useApp({ width: 390, height: 844, mobile: true });
const overflow = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('teaching on a phone', () => {
  it('fits the screen in every section and works by tap', async () => {
    const page = await app.open('?teach=tours');
    await page.locator('.tour-card').first().waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(390);
    await page.tap('.tour-card[data-tour="real-estate"] button');
    await page.locator('.tour-step h3').waitFor();
    await page.tap('.tour-next');
    await page.waitForFunction(() => document.querySelector('.tour-count')?.textContent?.startsWith('第2步'));
    expect(((await urlState(page))['teach'] as { step: number }).step).toBe(1);
    expect(await overflow(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'teach-phone-tour');

    for (const section of ['timeline', 'matrix', 'quiz'] as const) {
      await page.tap(`[role=tab][data-section="${section}"]`);
      await page.locator(`#teach-panel-${section} h2`).first().waitFor();
      await expect.poll(() => overflow(page), { message: section, timeout: 10_000 }).toBeLessThanOrEqual(390);
    }
    await page.locator('.quiz-option').first().waitFor();
    await page.tap('.quiz-option >> nth=0');
    await page.locator('.quiz-feedback').waitFor();
    await settled(page);
    await screenshot(page, 'teach-phone-quiz');
    await page.close();
  });
});
