/**
 * Evidence levels in the explorer (headless Chromium, memory store over the seed): badges
 * beside facts in the list view, details and answers; the "stated facts only" filter, which
 * is part of the URL; and the regulators answer for a segment regulated through its parent.
 */
import { describe, expect, it } from 'vitest';
import { useApp, urlState } from './support/app';
import { screenshot } from './support/browser';

const app = useApp();

describe('evidence', () => {
  it('the list view marks each relationship; "stated facts only" hides the rest and is kept in the link', async () => {
    const page = await app.open('?lang=en');
    await page.click('[data-tool="list"]');
    const table = page.locator('.list-view table').nth(1);
    await table.waitFor();
    const badges = async (level: string) => table.locator(`.evidence[data-evidence="${level}"]`).count();
    // The table fills once the graph has loaded.
    await expect.poll(() => badges('inferred'), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await badges('attributed')).toBeGreaterThan(0);
    const stated = await badges('stated');
    expect(stated).toBeGreaterThan(0);
    expect(await table.locator('.qualifier').count()).toBeGreaterThan(0);
    await page.click('[role=tab][data-tab="filters"]');
    await page.check('.filters input[data-key="statedOnly"]');
    await expect.poll(async () => (await urlState(page))['statedOnly']).toBe(true);
    await expect.poll(() => badges('inferred')).toBe(0);
    expect(await badges('attributed')).toBe(0);
    expect(await badges('stated')).toBe(stated);
    // The counter under the canvas counts what the filter leaves.
    await expect.poll(async () => Number((await page.locator('.counter').textContent())!.match(/(\d+) relationships/)?.[1])).toBe(stated);
    await page.waitForTimeout(300);
    expect(page.url()).toContain('evidence=stated');
    await screenshot(page, 'evidence-list-stated-only');
    // The link opens the same filtered view.
    const again = await app.open(new URL(page.url()).search.replace('&view=list', '').replace('view=list&', ''));
    expect((await urlState(again))['statedOnly']).toBe(true);
    await again.click('[data-tool="list"]');
    const t2 = again.locator('.list-view table').nth(1);
    await t2.waitFor();
    await expect.poll(() => t2.locator('.evidence[data-evidence="stated"]').count(), { timeout: 15_000 }).toBe(stated);
    expect(await t2.locator('.evidence[data-evidence="inferred"]').count()).toBe(0);
    await again.close();
    await page.close();
  });

  it('details mark an inferred link and a figure without a year', async () => {
    const page = await app.open('?lang=en&node=segment:p2p-lending');
    await page.locator('.details-title').waitFor();
    expect(await page.locator('.details .figures').textContent()).toContain('year not given');
    expect(await page.locator('.details .neighbour-group .evidence[data-evidence="attributed"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'evidence-details');
    await page.close();
  });

  it('a segment no rule names is regulated through its parent, marked apart from the rest', async () => {
    const page = await app.open('?lang=en&q=regulators&segment=segment:internet-trust');
    const through = page.locator('.answer [data-part="through"]');
    await through.waitFor();
    expect(await through.locator('h4').textContent()).toContain('Regulated through');
    expect(await through.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await through.textContent()).toContain('Implementation Plan for the Special Rectification of Internet Finance Risks');
    await screenshot(page, 'evidence-regulated-through');
    await page.close();
  });

  it('the matrix shows a column regulated only through its parent, marked and not counted', async () => {
    const page = await app.open('?teach=matrix&lang=en');
    await page.locator('.matrix-table').waitFor();
    const cells = page.locator('.matrix-table tbody td[data-segment="segment:internet-trust"]');
    await expect.poll(() => cells.locator('.matrix-rule.through').count()).toBeGreaterThan(0);
    expect(await cells.locator('.matrix-rule.direct').count()).toBe(0);
    expect(await cells.locator('.matrix-rule.through .via').first().textContent()).toContain('through Internet finance');
    await screenshot(page, 'evidence-matrix-through');
    await page.close();
  });
});
