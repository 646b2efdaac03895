/**
 * The explorer against the real server (memory store) in headless Chromium: rendering,
 * search → details, filters, language, URL round trip, exports.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useApp, urlState } from './support/app';
import { screenshot } from './support/browser';
import { decodePng, pixelStats } from './support/png';

const app = useApp();

describe('explorer', () => {
  it('loads the graph and draws it (canvas not blank)', async () => {
    const page = await app.open('?lang=zh');
    const order = await page.evaluate(() => window.atlas!.order());
    expect(order).toBeGreaterThan(50);
    const shot = await page.locator('#graph').screenshot();
    const stats = pixelStats(decodePng(shot));
    await screenshot(page, 'explorer-load');
    // A blank canvas has zero variance and no ink; the seed graph covers a good part of it.
    expect(stats.variance).toBeGreaterThan(100);
    expect(stats.inked).toBeGreaterThan(0.02);
    expect(stats.colours).toBeGreaterThan(8);
    await expect.poll(() => page.locator('.counter').textContent()).toMatch(/\d+/);
    await page.close();
  });

  it('shows the start screen with one-click example questions on a plain URL', async () => {
    const page = await app.open();
    await page.locator('.start-screen').waitFor();
    expect(await page.locator('.start-screen .example').count()).toBe(3);
    await screenshot(page, 'explorer-start');
    await page.close();
  });

  it('search (Chinese alias) → select → details with a citation; camera moves to the node', async () => {
    const page = await app.open('?lang=zh');
    const before = await urlState(page);
    await page.fill('.header-search input', '央行');
    await page.locator('.header-search [role=option]').first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.details-title').waitFor();
    expect(await page.locator('.details-title').textContent()).toContain('中国人民银行');
    expect(await page.locator('.details .citation').count()).toBeGreaterThan(0);
    expect(await page.locator('.details .citation footer').first().textContent()).toMatch(/—/);
    expect(await page.locator('.neighbour-group').count()).toBeGreaterThan(0);
    const after = await urlState(page);
    expect(after['node']).toBe('agency:pboc');
    // The camera animates to the node and the URL records it when the move ends; on a busy
    // machine that takes longer than the animation, so wait for it (bounded) rather than a
    // fixed time, then assert.
    const beforeCamera = JSON.stringify(before['camera'] ?? null);
    await page
      .waitForFunction((b) => JSON.stringify((window.atlas!.state() as Record<string, unknown>)['camera'] ?? null) !== b, beforeCamera, { timeout: 10_000 })
      .catch(() => undefined);
    expect((await urlState(page))['camera']).not.toEqual(before['camera']);
    await screenshot(page, 'explorer-details');
    // A neighbour button selects that neighbour.
    const firstNeighbour = page.locator('.neighbour-group button').first();
    const name = (await firstNeighbour.textContent())!.trim();
    await firstNeighbour.click();
    await expect.poll(() => page.locator('.details-title').textContent()).toBe(name);
    await page.close();
  });

  it('English search over English names', async () => {
    const page = await app.open('?lang=en');
    await page.fill('.header-search input', 'banking regulatory');
    await page.locator('.header-search [role=option]').first().waitFor();
    expect(await page.locator('.header-search [role=option]').first().textContent()).toContain('China Banking Regulatory Commission');
    await page.close();
  });

  it('filters hide labels through the legend and the filters panel, and reset', async () => {
    const page = await app.open('?lang=en');
    const count = async () => Number((await page.locator('.counter').textContent())!.match(/\d+/)![0]);
    const all = await count();
    await page.click('.legend-item[data-label="Topic"]');
    expect(await page.locator('.legend-item[data-label="Topic"]').getAttribute('aria-pressed')).toBe('false');
    const noTopics = await count();
    expect(noTopics).toBeLessThan(all);
    expect((await urlState(page))['hideLabels']).toEqual(['Topic']);
    await page.click('[role=tab][data-tab="filters"]');
    await page.selectOption('.filters select[data-key="dateFrom"]', '2016');
    const from2016 = await count();
    expect(from2016).toBeLessThan(noTopics);
    await screenshot(page, 'explorer-filters');
    await page.click('.filters button[data-key="reset"]');
    expect(await count()).toBe(all);
    await page.close();
  });

  it('switches language; every visible string changes', async () => {
    const page = await app.open('?lang=zh');
    expect(await page.locator('.app-title').textContent()).toContain('金融监管图谱');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.click('.lang-switch');
    expect(await page.locator('.app-title').textContent()).toBe('FinReg Atlas');
    expect(await page.locator('[role=tab][data-tab="questions"]').textContent()).toBe('Questions');
    expect(await page.locator('.legend').textContent()).toContain('Agency');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.waitForTimeout(300);
    expect(page.url()).toContain('lang=en');
    await page.close();
  });

  it('URL round trip: a shared link restores selection, filters, layout and camera', async () => {
    const query = '?lang=en&node=agency:cbrc&hide=Technology&hideTypes=PART_OF&layout=time&cam=0.4,0.6,0.5';
    const page = await app.open(query);
    await page.locator('.details-title').waitFor();
    expect(await page.locator('.details-title').textContent()).toContain('China Banking Regulatory Commission');
    const s = await urlState(page);
    expect(s).toMatchObject({ lang: 'en', node: 'agency:cbrc', hideLabels: ['Technology'], hideTypes: ['PART_OF'], layout: 'time' });
    await page.waitForTimeout(800);
    await screenshot(page, 'explorer-url-restore');
    const reloaded = await app.open(new URL(page.url()).search);
    const s2 = await urlState(reloaded);
    expect(s2['node']).toBe('agency:cbrc');
    expect(s2['hideLabels']).toEqual(['Technology']);
    await reloaded.close();
    await page.close();
  });

  it('exports a PNG of the view and the graph as GEXF, GraphML, JSON and CSV', async () => {
    const page = await app.open('?lang=en&hide=Technology');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-tool="png"]')]);
    expect(png.suggestedFilename()).toBe('finreg-atlas.png');
    const img = decodePng(readFileSync((await png.path())!));
    expect(img.width).toBeGreaterThan(300);
    expect(pixelStats(img).variance).toBeGreaterThan(100);
    for (const format of ['gexf', 'graphml', 'json'] as const) {
      await page.selectOption('[data-tool="format"]', format);
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-tool="export"]')]);
      const body = readFileSync((await dl.path())!, 'utf8');
      expect(dl.suggestedFilename()).toMatch(new RegExp(`\\.${format === 'json' ? 'json' : format}$`));
      expect(body.length).toBeGreaterThan(200);
      // The visible graph only: technologies are filtered out.
      expect(body).not.toContain('technology:');
      expect(body).toContain('agency:cbrc');
    }
    await page.selectOption('[data-tool="format"]', 'csv');
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await page.click('[data-tool="export"]');
    await expect.poll(() => downloads.length, { timeout: 10_000 }).toBe(2);
    expect(downloads.every((f) => f.endsWith('.csv'))).toBe(true);
    await page.close();
  });

  it('list view: a table of the visible nodes and relationships; a row selects its node', async () => {
    const page = await app.open('?lang=en');
    await page.click('[data-tool="list"]');
    await page.locator('.list-view table').first().waitFor();
    const rows = await page.locator('.list-view table').first().locator('tbody tr').count();
    expect(rows).toBe(await page.evaluate(() => window.atlas!.order()));
    await page.locator('.list-view tbody button').first().click();
    await page.locator('.details-title').waitFor();
    expect((await urlState(page))['view']).toBe('list');
    await page.close();
  });

  it('shows an error with a retry button when the API fails, and recovers', async () => {
    app.browser.expectConsoleError(/Failed to load resource: .* 503 .*\/api\/graph/, 'the test answers /api/graph with 503 on purpose');
    const page = await app.browser.context.newPage();
    let fail = true;
    await page.route('**/api/graph*', (route) => (fail ? route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'down for test' } }) }) : route.continue()));
    await page.goto(`${app.url}/?lang=en`);
    await page.locator('.status-overlay.error').waitFor();
    expect(await page.locator('.status-overlay').textContent()).toContain('unavailable');
    await screenshot(page, 'explorer-error');
    fail = false;
    await page.click('.status-overlay button');
    await page.waitForFunction(() => window.atlas?.ready());
    await page.close();
  });
});
