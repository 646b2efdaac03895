/**
 * The layout of a very big graph (more than PREVIEW_MIN_NODES nodes) in the built client:
 * while ForceAtlas2 runs, sigma's layers are hidden and a 2D preview draws the moving
 * positions; when the run ends by itself, sigma's picture (with names) replaces it.
 * A synthetic graph just above the line keeps the run short.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateSynthetic } from '../../bench/synthetic/generate.js';
import { PREVIEW_MIN_NODES } from '../../client/src/graph/thresholds';
import { buildClient, startServer, type RunningServer } from './support/server';
import { launch, screenshot, type LaunchedBrowser } from './support/browser';
import { decodePng, pixelStats } from './support/png';

let dir = '';
let server: RunningServer | undefined;
let browser: LaunchedBrowser | undefined;

beforeAll(async () => {
  buildClient();
  dir = mkdtempSync(join(tmpdir(), 'finreg-preview-'));
  const m = generateSynthetic({ nodes: PREVIEW_MIN_NODES + 500, seed: 5, outDir: dir });
  server = await startServer({ SEED_DATA_DIR: m.dataDir, SEED_SOURCE: m.sourcePath });
  browser = await launch();
});

// A console error, page error or CSP violation fails the test that caused it (support/page-guard.ts).
afterEach(() => {
  expect(browser?.takeProblems() ?? [], 'console errors, page errors or CSP violations').toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What the page shows: whether the preview canvas is there, sigma's layers' visibility, and the run button. */
function state(page: Page) {
  return page.evaluate(() => {
    const nodes = document.querySelector<HTMLCanvasElement>('#graph canvas.sigma-nodes');
    return {
      preview: !!document.querySelector('canvas.layout-preview'),
      sigmaNodesHidden: nodes ? getComputedStyle(nodes).visibility === 'hidden' : null,
      running: document.querySelector('[data-tool="run"]')?.getAttribute('aria-pressed'),
    };
  });
}

/** The graph area's picture: how much of it is inked, and a digest of its pixels. */
async function picture(page: Page): Promise<{ inked: number; colours: number; digest: number }> {
  const img = decodePng(await page.locator('#graph').screenshot());
  let digest = 0;
  for (let i = 0; i < img.data.length; i += 4 * 5) digest = (digest * 31 + img.data[i]! + 2 * img.data[i + 1]! + 3 * img.data[i + 2]!) >>> 0;
  const { inked, colours } = pixelStats(img);
  return { inked, colours, digest };
}

describe('layout preview of a very big graph', () => {
  it('draws the moving positions on a 2D canvas while the layout runs, then hands over to sigma', async () => {
    const page = await browser!.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server!.url}/?lang=en`);
    await page.waitForFunction(() => window.atlas?.ready() === true, undefined, { timeout: 60_000 });
    expect(await page.evaluate(() => window.atlas!.order())).toBeGreaterThan(PREVIEW_MIN_NODES);

    const first = await state(page);
    expect(first.running).toBe('true');
    expect(first.preview).toBe(true);
    expect(first.sigmaNodesHidden).toBe(true);
    const before = await picture(page);
    expect(before.inked).toBeGreaterThan(0.02);
    expect(before.colours).toBeGreaterThan(4);
    await screenshot(page, 'layout-preview-running');

    // The preview follows the layout: the picture changes while the run lasts.
    await expect
      .poll(async () => (await state(page)).preview && (await picture(page)).digest !== before.digest, { timeout: 20_000 })
      .toBe(true);

    // The run ends by itself; sigma's layers come back and the preview goes.
    await page.waitForFunction(
      () => document.querySelector('[data-tool="run"]')?.getAttribute('aria-pressed') === 'false' && !document.querySelector('canvas.layout-preview'),
      undefined,
      { timeout: 45_000, polling: 250 },
    );
    const after = await state(page);
    expect(after.sigmaNodesHidden).toBe(false);
    await screenshot(page, 'layout-preview-done');
    // sigma draws the graph again: the canvas is not blank.
    const stats = pixelStats(decodePng(await page.locator('#graph').screenshot()));
    expect(stats.variance).toBeGreaterThan(100);
    expect(stats.inked).toBeGreaterThan(0.02);
    expect(stats.colours).toBeGreaterThan(8);
    expect(errors).toEqual([]);
    await page.close();
  });
});
