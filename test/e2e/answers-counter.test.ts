/**
 * The status counter under the legend with a graph of more than 10,000 nodes: the legend's
 * counts grow wide, and the counter must stay readable beside or above it, never under it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSynthetic } from '../../bench/synthetic/generate.js';
import { buildClient, startServer, type RunningServer } from './support/server';
import { launch, openApp, screenshot, type LaunchedBrowser } from './support/browser';

let dir = '';
let server: RunningServer | undefined;
let browser: LaunchedBrowser | undefined;

beforeAll(async () => {
  buildClient();
  dir = mkdtempSync(join(tmpdir(), 'finreg-counter-'));
  const m = generateSynthetic({ nodes: 10_500, seed: 7, outDir: dir });
  server = await startServer({ SEED_DATA_DIR: m.dataDir, SEED_SOURCE: m.sourcePath });
  browser = await launch({ width: 1280, height: 800 });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the status counter at 10k+ nodes', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`is not covered by the legend (${lang})`, async () => {
      const page = await browser!.context.newPage();
      await openApp(page, `${server!.url}/?lang=${lang}`);
      await page.waitForFunction(() => /\d/.test(document.querySelector('.counter')?.textContent ?? ''));
      const counter = (await page.locator('.counter').boundingBox())!;
      const legend = (await page.locator('.legend').boundingBox())!;
      const overlap = !(counter.x >= legend.x + legend.width || counter.x + counter.width <= legend.x || counter.y >= legend.y + legend.height || counter.y + counter.height <= legend.y);
      expect(overlap).toBe(false);
      // What is drawn at the counter's centre is the counter.
      const onTop = await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('.counter'), { x: counter.x + counter.width / 2, y: counter.y + counter.height / 2 });
      expect(onTop).toBe(true);
      expect(await page.locator('.counter').textContent()).toMatch(/10,?5\d\d|10\s?5\d\d|1\d{4}/);
      await screenshot(page, `counter-10k-${lang}`);
      await page.close();
    });
  }
});
