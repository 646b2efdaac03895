/**
 * Answers people can read, cite and share, in the built client against the real server:
 * the wide answer view (desktop, both languages, grouped, sortable, with how it was derived
 * and counts that match the rows), briefs (Markdown and the print page), copy with
 * citations, a comparison opened from its link, and the details panel after an unknown id.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './support/app';
import { screenshot } from './support/browser';

const app = useApp({ width: 1440, height: 900 });

/**
 * CJK characters outside quotes, the report's section headings they cite (both as written)
 * and the bracketed Chinese titles that help find a rule in the report.
 */
function chineseOutsideBrackets(text: string): string[] {
  const stripped = text.replace(/“[^“”]*(?:“[^“”]*”[^“”]*)*”/g, '').replace(/source: [^,]+,/g, '').replace(/\(《[^》]*》[^)]*\)/g, '').replace(/《[^》]*》/g, '');
  return stripped.match(/[\u4e00-\u9fff]+/g) ?? [];
}

async function answerText(page: Page, selector: string): Promise<string> {
  // The names in the answer, without the quotes (which stay as the report writes them).
  return page.evaluate((sel) => {
    const root = document.querySelector(sel)!.cloneNode(true) as HTMLElement;
    for (const q of root.querySelectorAll('.citation, .cypher, [lang="zh-CN"]')) q.remove();
    return root.textContent ?? '';
  }, selector);
}

const QUESTIONS = [
  { name: 'regulators', query: 'q=regulators&segment=segment:p2p-lending', ready: '.answer-table' },
  { name: 'rules', query: 'q=rules&topic=topic:real-estate-finance', ready: '.answer-table' },
  { name: 'path', query: 'q=path&a=agency:csrc&b=topic:down-payment-loans', ready: '.explanation li' },
] as const;

describe('the wide answer view', () => {
  for (const lang of ['en', 'zh'] as const) {
    for (const q of QUESTIONS) {
      it(`${q.name} in ${lang}: wide beside the graph, one language, derived and counted`, async () => {
        const page = await app.open(`?${q.query}&lang=${lang}`);
        await page.locator(q.ready).first().waitFor();
        await page.waitForTimeout(500);
        // The panel takes the room the answer needs; the graph stays beside it and highlights the answer.
        const panel = (await page.locator('.side-panel').boundingBox())!;
        const graph = (await page.locator('#graph').boundingBox())!;
        expect(panel.width).toBeGreaterThan(700);
        expect(graph.width).toBeGreaterThan(400);
        expect((await page.evaluate(() => window.atlas!.focus!())).length).toBeGreaterThan(1);
        // No horizontal scroll in the table.
        if (q.name !== 'path') {
          const overflow = await page.evaluate(() => {
            const w = document.querySelector('.answer .table-wrap')!;
            return w.scrollWidth - w.clientWidth;
          });
          expect(overflow).toBeLessThanOrEqual(1);
        }
        const text = await answerText(page, '.answer');
        if (lang === 'en') expect(chineseOutsideBrackets(text), text).toEqual([]);
        else expect(text).toMatch(/[\u4e00-\u9fff]/);
        if (q.name === 'regulators') {
          // Counts match what is listed: agencies = row groups, entries = rows.
          const groups = await page.locator('.answer-table tbody th[scope=row]').count();
          const rows = await page.locator('.answer-table tbody tr').count();
          const counts = (await page.locator('.answer-counts').textContent())!;
          const numbers = counts.match(/\d+/g)!.map(Number);
          expect(numbers[0]).toBe(groups);
          expect(numbers[2]).toBe(rows);
          const ruleIds = await page.evaluate(() => new Set([...document.querySelectorAll('.answer-table tbody tr td:nth-of-type(1)')].map((td) => td.textContent)).size);
          expect(numbers[1]).toBe(ruleIds);
        }
        if (q.name === 'rules') {
          const rows = await page.locator('.answer-table tbody tr').count();
          const numbers = (await page.locator('.answer-counts').textContent())!.match(/\d+/g)!.map(Number);
          expect(numbers[1]).toBe(rows);
          // Derived through narrower topics (首付贷 is part of 房地产金融).
          expect(await page.locator('.answer-derivation').textContent()).toMatch(lang === 'en' ? /narrower topics.*Down-payment loans/ : /更窄的主题.*首付贷/);
          // Sortable by date: the header says so and the rows follow.
          await page.click('.answer-table thead button[data-sort="date"]');
          expect(await page.locator('.answer-table thead th[aria-sort="ascending"]').count()).toBe(1);
          const dates = (await page.locator('.answer-table tbody tr td:nth-of-type(3)').allTextContents()).filter(Boolean);
          expect(dates).toEqual([...dates].sort());
        }
        await screenshot(page, `answer-wide-${q.name}-${lang}`);
        await page.close();
      });
    }
  }

  it('a phone keeps its cards (no wide view)', async () => {
    const page = await app.browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.url}/?q=regulators&segment=segment:p2p-lending&lang=en`);
    await page.locator('.answer-table').waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.answer-table thead')!).display)).toBe('none');
    await page.close();
  });
});

describe('briefs', () => {
  it('a brief in Markdown: question, as-of date, every fact with quote, section and evidence, permalink, reference', async () => {
    const page = await app.open('?q=rules&topic=topic:real-estate-finance&lang=en&to=2016-12');
    await page.locator('.answer .brief-actions').waitFor();
    const href = (await page.locator('.answer .brief-md').getAttribute('href'))!;
    const md = await page.evaluate(async (u) => (await fetch(u)).text(), href);
    expect(md).toMatch(/^# \d+ rules? touch Real-estate lending/m);
    expect(md).toContain('**Question:** Which rules touch');
    expect(md).toContain('**As of:** 2016-12');
    expect(md).toMatch(/\*\*Link:\*\* <http:\/\/127\.0\.0\.1:\d+\/\?lang=en&q=rules&topic=topic:real-estate-finance&to=2016-12>/);
    expect(md).toMatch(/- .+ \*\((stated in the report|inferred from the report|attributed by the report)\)\*/);
    expect(md).toMatch(/ {2}- “[^”]+” — Section: .+/);
    expect(md).toContain('ISBN 978-7-5543-0438-9');
    // The permalink opens the same answer.
    const link = /<(http[^>]+)>/.exec(md)![1]!;
    const again = await app.open(new URL(link).search);
    await again.locator('.answer-table').waitFor();
    expect(await again.locator('.answer h3').first().textContent()).toBe(await page.locator('.answer h3').first().textContent());
    await again.close();
    await page.close();
  });

  it('the print page: a clean document under print media', async () => {
    const page = await app.open('?q=regulators&segment=segment:p2p-lending&lang=en');
    await page.locator('.answer .brief-actions').waitFor();
    const href = (await page.locator('.answer .brief-print').getAttribute('href'))!;
    const print = await app.browser.context.newPage();
    await print.goto(`${app.url}${href}`);
    await print.emulateMedia({ media: 'print' });
    expect(await print.locator('h1').textContent()).toMatch(/agencies regulate Online lending/);
    expect(await print.locator('blockquote').count()).toBeGreaterThan(3);
    expect(await print.locator('.evidence').count()).toBeGreaterThan(3);
    expect(await print.locator('footer.reference').textContent()).toContain('ISBN');
    // Print media: no page chrome, links in text colour.
    expect(await print.evaluate(() => getComputedStyle(document.querySelector('a')!).textDecorationLine)).toBe('none');
    await print.screenshot({ path: 'test/artifacts/brief-print.png', fullPage: true });
    const pdf = await print.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await print.close();
    await page.close();
  });

  it('copy with citations puts the Markdown brief on the clipboard', async () => {
    await app.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    const page = await app.open('?q=path&a=agency:csrc&b=topic:down-payment-loans&lang=en');
    await page.locator('.answer .brief-copy').waitFor();
    await page.click('.answer .brief-copy');
    await page.waitForFunction(() => document.querySelector('.answer .brief-msg')?.textContent !== '');
    expect(await page.locator('.answer .brief-msg').textContent()).toMatch(/Copied/);
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    const href = (await page.locator('.answer .brief-md').getAttribute('href'))!;
    expect(clip).toBe(await page.evaluate(async (u) => (await fetch(u)).text(), href));
    expect(clip).toMatch(/^# How are China Securities Regulatory Commission and Down-payment loans connected\?/);
    expect(clip).toContain('“对于“首付贷”更是明令禁止”');
    await screenshot(page, 'answer-copied');
    await page.close();
  });

  it('a tour exports as a brief', async () => {
    const page = await app.open('?teach=tours&tour=p2p-lending&step=1&lang=en');
    await page.locator('.tour-head .brief-actions').waitFor();
    const md = await page.evaluate(async (u) => (await fetch(u)).text(), (await page.locator('.tour-head .brief-md').getAttribute('href'))!);
    const title = (await page.locator('#tour-heading').textContent())!;
    expect(md.startsWith(`# ${title}`)).toBe(true);
    expect(md).toContain((await page.locator('.tour-step h3').textContent())!);
    expect(md).toMatch(/teach=tours&tour=p2p-lending/);
    await page.close();
  });

  it('a node brief from the details panel', async () => {
    const page = await app.open('?node=agency:cbrc&lang=en');
    await page.locator('.details .brief-actions').waitFor();
    const md = await page.evaluate(async (u) => (await fetch(u)).text(), (await page.locator('.details .brief-md').getAttribute('href'))!);
    expect(md).toMatch(/^# China Banking Regulatory Commission/);
    expect(md).toMatch(/China Banking Regulatory Commission issued .+\(《/);
    await page.close();
  });
});

describe('compare', () => {
  it('two segments side by side from a link: shared and only-in-one, the graph highlighting both', async () => {
    const page = await app.open('?compare=segment:p2p-lending,segment:equity-crowdfunding&lang=en');
    await page.locator('.compare-view table').first().waitFor();
    expect(await page.locator('#compare-heading').textContent()).toMatch(/Online lending \(P2P\).* and .*crowdfunding/i);
    const facets = await page.locator('.compare-facet').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['facet']));
    expect(facets).toEqual(['rules', 'agencies', 'prohibits', 'requires', 'addresses']);
    const api = await page.evaluate(async () => (await fetch('/api/compare?a=segment:p2p-lending&b=segment:equity-crowdfunding')).json());
    const rules = (api as { facets: Array<{ facet: string; items: unknown[] }> }).facets.find((f) => f.facet === 'rules')!;
    expect(await page.locator('.compare-facet[data-facet="rules"] tbody tr').count()).toBe(rules.items.length);
    expect(await page.locator('.compare-facet tr.shared').count()).toBeGreaterThan(0);
    expect(await page.locator('.compare-facet tr.only-a').count()).toBeGreaterThan(0);
    const focus = await page.evaluate(() => window.atlas!.focus!());
    expect(focus).toEqual(expect.arrayContaining(['segment:p2p-lending', 'segment:equity-crowdfunding']));
    await page.waitForTimeout(400);
    await screenshot(page, 'compare-segments');
    await page.close();
  });

  it('the details panel offers "compare with…", and the link keeps the comparison', async () => {
    const page = await app.open('?node=agency:cbrc&lang=en');
    await page.click('.details .compare-with');
    await page.locator('.compare-view select[name=b]').selectOption('agency:csrc');
    await page.click('.compare-view button[type=submit]');
    await page.locator('.compare-view table').first().waitFor();
    await page.waitForFunction(() => location.search.includes('compare='));
    const again = await app.open(new URL(page.url()).search);
    await again.locator('.compare-view table').first().waitFor();
    expect(await again.locator('.compare-facet').count()).toBe(5);
    expect(await again.locator('.compare-facet[data-facet="segments"]').count()).toBe(1);
    await again.close();
    await page.close();
  });

  it('the matrix offers "compare with…" for the segment of the active cell', async () => {
    const page = await app.open('?teach=matrix&lang=en');
    const cell = page.locator('.matrix-cell:not(.empty)').first();
    await cell.click();
    const segment = await page.evaluate(() => {
      const b = document.querySelector<HTMLElement>('.matrix-cell[tabindex="0"]')!;
      return b.closest('td')!.dataset['segment'];
    });
    await page.click('.matrix-tools .compare-with');
    await page.locator('.compare-view select[name=b]').waitFor();
    expect(await page.locator('.compare-view select[name=a]').inputValue()).toBe(segment);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('b');
    await page.close();
  });

  it('one segment at two dates', async () => {
    const page = await app.open('?compare=segment:p2p-lending,segment:p2p-lending&compareAt=2016-01,2016-12&lang=en');
    await page.locator('.compare-view table').first().waitFor();
    expect(await page.locator('.compare-facet[data-facet="rules"] tr.only-b').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('defects', () => {
  it('?node= with an unknown id: the details panel does not stay on "Loading details…"', async () => {
    app.browser.expectConsoleError(/Failed to load resource: .* 404 .*no-such-agency/, 'the link names an id the graph does not have, on purpose');
    const page = await app.open('?node=agency:no-such-agency&lang=en');
    await page.waitForFunction(() => !(document.querySelector('.details')?.textContent ?? '').includes('Loading details'));
    expect(await page.locator('.details').textContent()).not.toContain('Loading details');
    expect(await page.locator('.status-overlay').textContent()).toMatch(/not found/i);
    await page.close();
  });
});
