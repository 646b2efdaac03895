/**
 * axe-core (from npm, injected into the page) on every view of the explorer, at desktop
 * (1440×900) and phone (390×844) size, in both languages: no critical or serious finding.
 * Also: focus is visible, and the graph is described for screen readers with the list view
 * named as its text alternative.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildClient, startServer, type RunningServer } from './support/server';
import { launch, openApp, screenshot, type LaunchedBrowser } from './support/browser';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Every view a reader can reach, by link, and what shows it is ready. */
const VIEWS: Array<{ name: string; query: string; ready: string }> = [
  { name: 'start', query: '', ready: '.start-screen' },
  { name: 'regulators', query: 'q=regulators&segment=segment:p2p-lending', ready: '.answer-head' },
  { name: 'rules', query: 'q=rules&topic=topic:real-estate-finance', ready: '.answer-head' },
  { name: 'path', query: 'q=path&a=agency:csrc&b=topic:down-payment-loans', ready: '.explanation li' },
  { name: 'details', query: 'node=agency:cbrc', ready: '.details-title' },
  { name: 'tours', query: 'teach=tours', ready: '.tour-list' },
  { name: 'tour-step', query: 'teach=tours&tour=p2p-lending&step=2', ready: '.tour-step h3' },
  { name: 'timeline', query: 'teach=timeline', ready: '.tl-marker' },
  { name: 'matrix', query: 'teach=matrix', ready: '.matrix-table' },
  { name: 'quiz', query: 'teach=quiz&quiz=4242', ready: '.quiz-prompt' },
  { name: 'list', query: 'view=list', ready: '.list-view table' },
  { name: 'compare', query: 'compare=segment:p2p-lending,segment:equity-crowdfunding', ready: '.compare-view table' },
];

const SIZES = [
  { size: 'desktop', width: 1440, height: 900, mobile: false },
  { size: 'phone', width: 390, height: 844, mobile: true },
] as const;

let server: RunningServer;
const browsers: Partial<Record<(typeof SIZES)[number]['size'], LaunchedBrowser>> = {};

beforeAll(async () => {
  buildClient();
  server = await startServer();
  for (const s of SIZES) browsers[s.size] = await launch(s);
});
afterAll(async () => {
  for (const b of Object.values(browsers)) await b?.close();
  await server?.stop();
});

async function open(size: (typeof SIZES)[number]['size'], query: string): Promise<Page> {
  const page = await browsers[size]!.context.newPage();
  await openApp(page, `${server.url}/?${query}`);
  return page;
}

async function axe(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the debugging protocol: the app's Content-Security-Policy (rightly) refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeFinding[] }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

function describeFindings(found: AxeFinding[]): string {
  return found.map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`).join('\n');
}

describe.each(SIZES)('axe-core at $size size', ({ size }) => {
  describe.each(['zh', 'en'] as const)('in %s', (lang) => {
    it.each(VIEWS)('$name has no critical or serious violation', async ({ name, query, ready }) => {
      const page = await open(size, [query, `lang=${lang}`].filter(Boolean).join('&'));
      // On a phone the panel with the answer or the details may be a sheet: it is enough that it is in the DOM.
      await page.locator(ready).first().waitFor({ state: 'attached' });
      await page.waitForTimeout(400);
      const found = (await axe(page)).filter((v) => v.impact === 'critical' || v.impact === 'serious');
      if (lang === 'en') await screenshot(page, `a11y-${size}-${name}`);
      await page.close();
      expect(found, describeFindings(found)).toEqual([]);
    });
  });
});

describe('keyboard and screen readers', () => {
  it('focus is visible: the focused control has an outline', async () => {
    const page = await open('desktop', 'lang=en');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const cs = getComputedStyle(el);
      return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('the graph is an application with a description that names the list view as its text alternative', async () => {
    const page = await open('desktop', 'lang=en');
    const graph = page.locator('#graph');
    expect(await graph.getAttribute('role')).toBe('application');
    const describedBy = (await graph.getAttribute('aria-describedby'))!;
    const description = await page.locator(`#${describedBy}`).textContent();
    expect(description).toMatch(/\d+ nodes/);
    expect(description).toMatch(/list view/i);
    // The description offers the list view itself; its button shows itself when focused.
    await page.focus('.graph-description button');
    expect((await page.locator('.graph-description').boundingBox())!.width).toBeGreaterThan(100);
    await page.keyboard.press('Enter');
    await page.locator('.list-view table').first().waitFor();
    expect((await page.evaluate(() => window.atlas!.state()) as { view: string }).view).toBe('list');
    await page.close();
  });
});
