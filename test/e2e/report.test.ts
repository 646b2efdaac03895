/**
 * The report reader in headless Chromium against the real server: "Read in context" from a
 * citation in an answer and in a tour opens the reader at the passage, highlighted; a
 * highlight lists the facts resting on it and lights them on the graph; the passage link
 * reopens the same passage; a fact selects its node. Then the reader on a server without
 * the full text (`SEED_SOURCE=/nonexistent`): the cited passages under their headings and
 * how to install the text. Expected values come from the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp, urlState } from './support/app';
import { launch, openApp, screenshot, type LaunchedBrowser } from './support/browser';
import { buildClient, startServer, type RunningServer } from './support/server';
import { itWithSourceText } from '../support/source-text';

const app = useApp({ width: 1400, height: 900 });

async function api<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
}
interface Fact { kind: string; id: string; source?: string; target?: string }
interface Passage { start: number; end: number; quotes: Array<{ section: string; quote: string }>; facts: Fact[] }
const focusIds = (page: Page): Promise<string[]> => page.evaluate(() => window.atlas!.focus?.() ?? []);
const reportState = async (page: Page) => (await urlState(page))['report'] as { passage: { start: number; end: number } | null } | undefined;

/** The passage the reader marks as current, as `start-end`, once it is there. */
async function currentPassage(page: Page): Promise<string> {
  await page.locator('mark.passage.current').first().waitFor();
  return (await page.locator('.report-card-inner').getAttribute('data-passage'))!;
}

/** The current mark is in the side panel's visible area, below the passage card (scrolled to, not hidden). */
async function isScrolledTo(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const m = document.querySelector('mark.passage.current')!.getBoundingClientRect();
    const panel = document.querySelector('#panel-report')!.getBoundingClientRect();
    const card = document.querySelector('.report-card')!.getBoundingClientRect();
    return m.top >= Math.max(panel.top, card.bottom) && m.bottom <= panel.bottom;
  });
}

describe('the report reader', () => {
  itWithSourceText('opens from a citation in an answer at the passage, highlighted; a highlight lists its facts and lights them; the link reopens it', async () => {
    const page = await app.open('?q=rules&topic=topic:real-estate-finance&lang=en');
    await page.locator('.answer-table .citation').first().waitFor();
    const cited = page.locator('.answer-table .citation').first();
    const quote = (await cited.locator('p').textContent())!.replace(/^“|”$/g, '');
    const section = (await cited.locator('footer').evaluate((f) => f.firstChild!.textContent!)).replace(/^— /, '');
    const { passages } = await api<{ passages: Passage[] }>(page, '/api/report/passages');
    const expected = passages.find((p) => p.quotes.some((q) => q.quote === quote && q.section === section))!;
    expect(expected).toBeDefined();

    await cited.locator('.read-in-context').click();
    expect(await currentPassage(page)).toBe(`${expected.start}-${expected.end}`);
    expect(await page.locator('[role=tab][data-tab="report"]').getAttribute('aria-selected')).toBe('true');
    await page.waitForTimeout(300);
    expect(await isScrolledTo(page)).toBe(true);
    // The highlighted text is the quote (whitespace aside).
    const marked = (await page.locator('mark.passage.current').allTextContents()).join('');
    expect(marked.replace(/\s+/g, '')).toBe(quote.replace(/\s+/g, ''));
    expect(await reportState(page)).toEqual({ passage: { start: expected.start, end: expected.end } });
    // The card lists every fact resting on the passage, and the graph lights them.
    expect(await page.locator('.report-facts li').count()).toBe(expected.facts.length);
    const lit = await focusIds(page);
    for (const f of expected.facts) expect(lit).toContain(f.kind === 'relationship' ? f.source : f.id);
    await screenshot(page, 'report-from-answer');
    // The README's picture of the reader: the side panel, cropped to the card and a few cited lines.
    const panel = (await page.locator('#panel-report').boundingBox())!;
    const mark = (await page.locator('mark.passage.current').first().boundingBox())!;
    await page.screenshot({ path: 'test/artifacts/report-reader-crop.png', clip: { x: panel.x, y: panel.y, width: panel.width, height: Math.min(panel.height, mark.y + mark.height + 60 - panel.y) } });

    // The passage link reopens the same passage, highlighted, in a fresh page.
    const href = (await page.locator('.report-link').getAttribute('href'))!;
    expect(href).toContain(`report=${expected.start}-${expected.end}`);
    const linked = await app.open(href.replace(/^\//, ''));
    expect(await currentPassage(linked)).toBe(`${expected.start}-${expected.end}`);
    await linked.waitForTimeout(300);
    expect(await isScrolledTo(linked)).toBe(true);
    await linked.close();

    // Clicking another highlight lists that passage's facts.
    const other = passages.find((p) => p.facts.length >= 2 && p.start !== expected.start)!;
    await page.locator(`mark.passage[data-passage="${other.start}-${other.end}"]`).first().click();
    expect(await currentPassage(page)).toBe(`${other.start}-${other.end}`);
    expect(await page.locator('.report-facts li').count()).toBe(other.facts.length);
    // Clicking a fact selects it.
    const firstFact = other.facts[0]!;
    await page.locator('.report-facts li button').first().click();
    await page.waitForFunction((id) => (window.atlas!.state() as { node: string | null }).node === id, firstFact.kind === 'relationship' ? firstFact.source : firstFact.id);
    await page.close();
  });

  itWithSourceText('opens from a citation in a tour step at the passage', async () => {
    const page = await app.open('?teach=tours&tour=real-estate&step=2&lang=en');
    await page.locator('.tour-step .citation').first().waitFor();
    const cited = page.locator('.tour-step .citation').first();
    const quote = (await cited.locator('p').textContent())!.replace(/^“|”$/g, '');
    const { passages } = await api<{ passages: Passage[] }>(page, '/api/report/passages');
    const expected = passages.find((p) => p.quotes.some((q) => q.quote === quote))!;
    await cited.locator('.read-in-context').click();
    expect(await currentPassage(page)).toBe(`${expected.start}-${expected.end}`);
    const marked = (await page.locator('mark.passage.current').allTextContents()).join('');
    expect(marked.replace(/\s+/g, '')).toBe(quote.replace(/\s+/g, ''));
    await page.waitForTimeout(300);
    expect(await isScrolledTo(page)).toBe(true);
    await screenshot(page, 'report-from-tour');
    await page.close();
  });

  itWithSourceText('every citation has Read in context: details, a path explanation, a matrix cell', async () => {
    const page = await app.open('?node=agency:cbrc&lang=en');
    await page.locator('.details .citation').first().waitFor();
    const n = await page.locator('.details .citation').count();
    expect(await page.locator('.details .citation .read-in-context').count()).toBe(n);

    const path = await app.open('?q=path&a=agency:csrc&b=topic:down-payment-loans&lang=en');
    await path.locator('.explanation .citation').first().waitFor();
    expect(await path.locator('.explanation .citation .read-in-context').count()).toBe(await path.locator('.explanation .citation').count());
    await path.close();

    await page.goto(`${app.url}/?teach=matrix&lang=en`);
    await page.locator('.matrix-cell:not(.empty)').first().click();
    await page.locator('.matrix-cell-sources .citation').first().waitFor();
    const quote = (await page.locator('.matrix-cell-sources .citation p').first().textContent())!.replace(/^“|”$/g, '');
    await page.locator('.matrix-cell-sources .read-in-context').first().click();
    await page.locator('mark.passage.current').first().waitFor();
    const marked = (await page.locator('mark.passage.current').allTextContents()).join('');
    expect(marked.replace(/\s+/g, '')).toBe(quote.replace(/\s+/g, ''));
    await page.close();
  });

  itWithSourceText('shows what the graph says about a section, and the gap list of chapter 1', async () => {
    const page = await app.open('?report=open&lang=en');
    await page.locator('.report-body mark.passage').first().waitFor();
    // The policy section (二、全国互联网金融政策发展) has facts.
    const policy = page.locator('.report-h-wrap', { hasText: '二、全国互联网金融政策发展' }).locator('.section-facts');
    await policy.click();
    await page.locator('.report-card .report-facts li').first().waitFor();
    expect(await page.locator('.report-card .report-facts li').count()).toBeGreaterThan(20);
    expect((await focusIds(page)).length).toBeGreaterThan(10);
    await page.locator('.report-gaps summary').click();
    const gaps = await page.locator('.report-gaps li').count();
    expect(gaps).toBeGreaterThan(0);
    await page.close();
  });
});

describe('the report reader without the full text', () => {
  let server: RunningServer | undefined;
  let browser: LaunchedBrowser | undefined;
  beforeAll(async () => {
    buildClient();
    server = await startServer({ SEED_SOURCE: '/nonexistent' });
    browser = await launch({ width: 1400, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the cited passages in document order under their headings and says how to install the text', async () => {
    const page = await browser!.context.newPage();
    await openApp(page, `${server!.url}/?report=open&lang=en`);
    await page.locator('.report-install').waitFor();
    const note = (await page.locator('.report-install').textContent())!;
    expect(note).toContain('graph-seed/source/report.txt');
    expect(note).toContain('SEED_SOURCE');
    const { passages } = await api<{ installed: boolean; passages: Passage[] }>(page, '/api/report/passages');
    const shown = await page.locator('.report-body mark.passage').evaluateAll((ms) => ms.map((m) => (m as HTMLElement).dataset['passage']));
    expect(shown).toEqual(passages.map((p) => `${p.start}-${p.end}`));
    expect(await page.locator('.report-body h3, .report-body h4').count()).toBeGreaterThan(3);
    // A citation still opens its passage.
    await page.locator('.report-body mark.passage').nth(5).click();
    expect(await currentPassage(page)).toBe(`${passages[5]!.start}-${passages[5]!.end}`);
    await screenshot(page, 'report-without-text');
    await page.close();
  });
});
