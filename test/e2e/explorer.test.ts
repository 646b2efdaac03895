/**
 * The explorer against the real server (memory store) in headless Chromium: rendering,
 * search → details, filters, language, URL round trip, exports.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useApp, urlState } from './support/app';
import { screenshot } from './support/browser';
import { decodePng, pixelStats } from './support/png';
import { canvasPixels, differingShare, onScreen } from './support/on-screen';

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
    // Every piece of the interface's own text on screen (not graph data): tabs, title, toolbar
    // names, legend, search placeholder, start-screen questions, the language switch.
    const strings = () =>
      page.evaluate(() => {
        const out: Array<[string, string]> = [];
        const visible = (e: Element) => (e as HTMLElement).offsetParent !== null || getComputedStyle(e).position === 'fixed';
        const add = (sel: string, read: (e: HTMLElement) => string | null) =>
          document.querySelectorAll<HTMLElement>(sel).forEach((e, i) => {
            const v = read(e)?.trim();
            if (visible(e) && v) out.push([`${sel}#${i}`, v]);
          });
        add('.app-title', (e) => e.textContent);
        add('[role=tab]', (e) => e.textContent);
        add('[data-tool]', (e) => e.getAttribute('aria-label') ?? e.getAttribute('title') ?? e.textContent);
        add('.legend-item', (e) => e.textContent);
        add('.header-search input', (e) => e.getAttribute('placeholder'));
        add('.start-screen button', (e) => e.getAttribute('aria-label') ?? e.textContent);
        add('.lang-switch', (e) => e.textContent);
        return out;
      });
    const zh = await strings();
    expect(zh.length).toBeGreaterThan(15);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.click('.lang-switch');
    await page.waitForFunction(() => document.documentElement.getAttribute('lang') === 'en');
    const en = new Map(await strings());
    const unchanged = zh.filter(([key, text]) => en.get(key) === text).map(([key, text]) => `${key}: ${text}`);
    expect(unchanged).toEqual([]);
    expect(zh.map(([key]) => key).filter((key) => !en.has(key))).toEqual([]);
    // In English nothing of the interface is left in Chinese but the language's own name, 中文
    // (the switch back, and the search box saying it takes both).
    const stillChinese = [...en].filter(([, text]) => /[\u4e00-\u9fff]/.test(text.replaceAll('中文', '')));
    expect(stillChinese).toEqual([]);
    expect(await page.locator('.app-title').textContent()).toBe('FinReg Atlas');
    await page.waitForFunction(() => /[?&]lang=en/.test(location.search), undefined, { timeout: 10_000 });
    await page.close();
  });

  it('URL round trip: a page reloaded from its own URL shows the same selection, filters, layout, camera and language', async () => {
    // A state reached by hand (not typed into the link), so what is compared is what the app wrote.
    const page = await app.open('?lang=en');
    await page.click('.legend-item[data-label="Technology"]');
    await page.click('[role=tab][data-tab="filters"]');
    await page.locator('.filters input[data-key="t:PART_OF"]').uncheck();
    await page.selectOption('.filters select[data-key="dateTo"]', '2016');
    await page.click('[data-tool="layout"]');
    await page.fill('.header-search input', 'banking regulatory');
    await page.locator('.header-search [role=option]').first().click();
    await page.locator('.details-title').waitFor();
    // Wheel-zoom the camera off its fitted position, then wait until the URL has it.
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction(() => /[?&]cam=/.test(location.search), undefined, { timeout: 10_000 });
    // Settled: the URL stops changing between two polls.
    let last = '';
    await expect.poll(async () => {
      const now = page.url();
      const same = now === last;
      last = now;
      return same;
    }, { timeout: 10_000, interval: 250 }).toBe(true);
    await page.click('[role=tab][data-tab="filters"]');
    const ids = ['agency:cbrc', 'agency:csrc', 'segment:p2p-lending'];
    const before = await onScreen(page, ids);
    const pixels = await canvasPixels(page);
    await screenshot(page, 'explorer-url-before');

    const link = new URL(page.url()).search;
    const reloaded = await app.open(link);
    await reloaded.locator('.details-title').waitFor();
    await reloaded.click('[role=tab][data-tab="filters"]');
    const after = await onScreen(reloaded, ids);
    await screenshot(reloaded, 'explorer-url-after');

    // The state reached by hand is on screen before the reload ...
    expect(before.lang).toBe('en');
    expect(before.details).toContain('China Banking Regulatory Commission');
    expect(before.legend).toContain('Technology=false');
    expect(before.filtersOff).toEqual(expect.arrayContaining(['l:Technology', 't:PART_OF']));
    expect(before.years.to).toBe('2016');
    expect(before.layoutButton).toBe('Network layout');
    expect(Object.values(before.positions).every((p) => p !== null)).toBe(true);
    // ... and the reloaded page shows all of it again, the camera included (the link rounds
    // it to three decimals, a pixel or two at this zoom).
    expect({ ...after, positions: {} }).toEqual({ ...before, positions: {} });
    for (const id of ids) {
      const [a, b] = [after.positions[id]!, before.positions[id]!];
      expect(Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y)), id).toBeLessThanOrEqual(2);
    }
    expect(differingShare(pixels, await canvasPixels(reloaded))).toBeLessThan(0.01);
    await reloaded.close();
    await page.close();
  });

  it('URL round trip of the Teach view: the tour and step come back', async () => {
    const page = await app.open('?lang=en&teach=tours');
    await page.locator('.tour-card[data-tour="p2p-lending"] button').click();
    await page.locator('.tour-step h3').waitFor();
    const first = await page.locator('.tour-step h3').textContent();
    await page.locator('.tour-next').click();
    await page.waitForFunction((t) => document.querySelector('.tour-step h3')?.textContent !== t, first);
    await page.waitForFunction(() => /[?&]step=2/.test(location.search), undefined, { timeout: 10_000 });
    const shown = async (p: typeof page) => ({
      tab: await p.locator('[role=tab][aria-selected="true"]').first().getAttribute('data-tab'),
      step: await p.locator('.tour-step h3').textContent(),
      count: await p.locator('.tour-count').textContent(),
      lang: await p.locator('html').getAttribute('lang'),
    });
    const before = await shown(page);
    const reloaded = await app.open(new URL(page.url()).search);
    await reloaded.locator('.tour-step h3').waitFor();
    expect(before.count).toMatch(/^Step 2 of \d+$/);
    expect(await shown(reloaded)).toEqual(before);
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
