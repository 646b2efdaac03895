/** Phone-size viewport (390×844, touch): the panels become a bottom sheet; tap works. */
import { describe, expect, it } from 'vitest';
import { useApp, urlState } from './support/app';
import { screenshot, settled } from './support/browser';
import { decodePng, pixelStats } from './support/png';

const app = useApp({ width: 390, height: 844, mobile: true });

describe('phone', () => {
  it('fits the screen, answers an example by tap, and a tap on a node selects it', async () => {
    const page = await app.open('');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'phone-start');
    await page.tap('.start-screen .ex-regulators');
    await page.locator('.answer-table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The sheet sits below the canvas.
    const canvas = await page.locator('#graph').boundingBox();
    const sheet = await page.locator('.side-panel').boundingBox();
    expect(sheet!.y).toBeGreaterThanOrEqual(canvas!.y + canvas!.height - 1);
    expect(pixelStats(decodePng(await page.locator('#graph').screenshot())).variance).toBeGreaterThan(50);
    await settled(page);
    await screenshot(page, 'phone-answer');

    // Tap a node of the answer on the canvas.
    const pos = await page.evaluate(() => window.atlas!.viewport('segment:p2p-lending'));
    expect(pos).not.toBeNull();
    const box = (await page.locator('#graph').boundingBox())!;
    await page.touchscreen.tap(box.x + pos!.x, box.y + pos!.y);
    await expect.poll(async () => (await urlState(page))['node']).toBe('segment:p2p-lending');
    await page.locator('.details-title').waitFor();
    await screenshot(page, 'phone-details');
    await page.close();
  });
});
