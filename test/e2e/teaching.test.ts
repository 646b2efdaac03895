/**
 * The Teach tab in headless Chromium against the real server: a tour played through by
 * keyboard and buttons (progress, focus, as-of, step links, citations), the timeline strip
 * and the as-of control (markers, hover, click, slider, playback, answers following the
 * date, the changes view), the matrix (headers, sorting, keyboard navigation, subgraph,
 * CSV) and a quiz completed from a shared link. Expected values come from the API.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp, urlState } from './support/app';
import { screenshot, settled } from './support/browser';

const app = useApp({ width: 1400, height: 900 });

async function api<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
}
const focusIds = (page: Page): Promise<string[]> => page.evaluate(() => window.atlas!.focus?.() ?? []);
const teachState = async (page: Page) => (await urlState(page))['teach'] as { section: string; tour: string | null; step: number; quiz: number | null } | undefined;

describe('teaching', () => {
  it('plays a tour through: keyboard and buttons, progress, graph focus, as-of, links and citations', async () => {
    const page = await app.open('?teach=tours&lang=en');
    const { tour } = await api<{ tour: { id: string; steps: Array<{ title: { en: string }; entities: string[]; asOf?: string; sources: unknown[] }> } }>(page, '/api/tours/p2p-lending');
    expect(await page.locator('[role=tab][data-tab="teach"]').getAttribute('aria-selected')).toBe('true');
    await page.locator('.tour-card[data-tour="p2p-lending"] button').click();
    await page.locator('.tour-step h3').waitFor();
    expect(await page.locator('.tour-step h3').textContent()).toBe(tour.steps[0]!.title.en);
    expect(await page.locator('.tour-count').textContent()).toBe(`Step 1 of ${tour.steps.length}`);

    for (let i = 0; i < tour.steps.length; i++) {
      const step = tour.steps[i]!;
      await page.waitForFunction((t) => document.querySelector('.tour-step h3')?.textContent === t, step.title.en);
      expect(await page.locator('.tour-progress').getAttribute('value')).toBe(String(i + 1));
      expect(await page.locator('.tour-step .citation').count()).toBe(step.sources.length);
      // The URL follows the step: poll it (bounded) rather than wait a fixed time.
      await expect.poll(async () => (await urlState(page))['dateTo'], { message: `step ${i + 1} as-of`, timeout: 10_000 }).toBe(step.asOf ?? null);
      await expect.poll(async () => (await teachState(page))?.step, { timeout: 10_000 }).toBe(i);
      expect((await focusIds(page)).sort()).toEqual(expect.arrayContaining([...step.entities].sort()));
      if (i === 1) {
        await screenshot(page, 'teach-tour-step');
        // The step's question, answered as of the step's date: only the rules issued by then.
        const asked = await api<{ agencies: Array<{ rules: Array<{ rule: { nameEn: string } }> }> }>(page, `/api/questions/regulators?segment=segment:p2p-lending&asOf=${step.asOf}`);
        const names = [...new Set(asked.agencies.flatMap((a) => a.rules.map((r) => r.rule.nameEn)))];
        await page.locator('.tour-question').click();
        await page.locator('.answer-table').waitFor();
        const shown = (await page.locator('.answer-table tbody').textContent())!;
        for (const n of names) expect(shown).toContain(n);
        expect(shown).not.toContain('Implementation Plan for the Special Rectification of P2P Online Lending Risks');
        await page.locator('[role=tab][data-tab="teach"]').click();
        await page.locator('.tour-step').focus();
      }
      if (i < tour.steps.length - 1) {
        // Alternate keyboard and button.
        if (i % 2 === 0) await page.keyboard.press('ArrowRight');
        else await page.locator('.tour-next').click();
      }
    }
    expect(await page.locator('.tour-next').count()).toBe(0);
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((t) => document.querySelector('.tour-step h3')?.textContent === t, tour.steps.at(-2)!.title.en);

    // A step link opens that step directly.
    const href = await page.locator('.step-link').getAttribute('href');
    expect(href).toContain('tour=p2p-lending');
    const linked = await app.open(href!.replace(/^\//, ''));
    await linked.locator('.tour-step h3').waitFor();
    expect(await linked.locator('.tour-step h3').textContent()).toBe(tour.steps.at(-2)!.title.en);
    await linked.close();

    await page.locator('.tour-prev').click();
    await page.locator('.tour-back').click();
    await page.locator('.tour-list').waitFor();
    expect(await page.locator('.tour-card').count()).toBeGreaterThanOrEqual(4);
    await screenshot(page, 'teach-tour-list');
    await page.close();
  });

  it('timeline: phases and dated markers, hover and click, the as-of slider, playback, answers that follow, changes', async () => {
    const page = await app.open('?teach=timeline');
    const timeline = await api<{ phases: unknown[]; rules: Array<{ id: string; name: string; date?: string }> }>(page, '/api/timeline');
    await page.locator('.tl-marker').first().waitFor();
    expect(await page.locator('.tl-phase').count()).toBe(timeline.phases.length);
    expect(await page.locator('.tl-marker').count()).toBe(timeline.rules.filter((r) => r.date).length);

    const first = timeline.rules[0]!;
    await page.locator(`.tl-marker[data-id="${first.id}"]`).hover();
    await page.locator('.tl-tooltip:not([hidden])').waitFor();
    expect(await page.locator('.tl-tooltip').textContent()).toContain(first.name);
    await page.locator(`.tl-marker[data-id="${first.id}"]`).click();
    await page.waitForFunction((id) => (window.atlas!.state() as { node: string | null }).node === id, first.id);
    await page.locator('[role=tab][data-tab="teach"]').click();

    // As of September 2016 by the slider's keyboard: End is "all dates", then step back to 2016-09.
    const slider = page.locator('.tl-slider');
    await slider.focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => (window.atlas!.state() as { dateTo: string | null }).dateTo === null);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => (window.atlas!.state() as { dateTo: string | null }).dateTo === '2016-09');
    expect(await page.locator('.tl-output').textContent()).toContain('2016年9月');
    const later = timeline.rules.filter((r) => r.date && (r.date + '-00-00').slice(0, 10) > '2016-09-99').length;
    expect(await page.locator('.tl-marker.later').count()).toBe(later);
    await screenshot(page, 'teach-timeline');

    // The question answer follows the date.
    const expected = await api<{ agencies: Array<{ rules: Array<{ rule: { id: string } }> }> }>(page, '/api/questions/regulators?segment=segment:p2p-lending&asOf=2016-09');
    const expectedRules = [...new Set(expected.agencies.flatMap((a) => a.rules.map((r) => r.rule.id)))];
    expect(expectedRules).toEqual(['rule:p2p-interim-measures-2016']);
    await page.locator('[role=tab][data-tab="questions"]').click();
    await page.locator('[data-question="regulators"] select').selectOption('segment:p2p-lending');
    await page.locator('[data-question="regulators"] button[type=submit]').click();
    await page.locator('.answer-table').waitFor();
    const shown = await page.locator('.answer-table tbody').textContent();
    expect(shown).toContain('网络借贷信息中介机构业务活动管理暂行办法');
    expect(shown).not.toContain('P2P网络借贷风险专项整治工作实施方案');
    // Moving the date re-asks the question.
    await page.locator('[role=tab][data-tab="teach"]').click();
    await slider.focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.querySelector('.answer-table tbody')?.textContent?.includes('P2P网络借贷风险专项整治工作实施方案'));

    // Playback moves the date forward on its own, and stops.
    await page.locator('.tl-play').click();
    await page.waitForFunction(() => (window.atlas!.state() as { dateTo: string | null }).dateTo !== null);
    const d1 = (await urlState(page))['dateTo'] as string;
    await page.waitForFunction((d) => ((window.atlas!.state() as { dateTo: string | null }).dateTo ?? '') > d, d1, { timeout: 15_000 });
    const d2 = (await urlState(page))['dateTo'] as string;
    expect(d2 > d1).toBe(true);
    await page.locator('.tl-play').click();
    expect(await page.locator('.tl-play').getAttribute('aria-pressed')).toBe('false');

    // What changed between two dates.
    const changes = await api<{ added: Array<{ id: string }> }>(page, '/api/changes?from=2016-08-24&to=2016-10-13');
    await page.locator('.changes-list').waitFor();
    expect(await page.locator('.changes-list > li').count()).toBe(changes.added.length);
    await page.fill('#changes-from', '2016-10');
    await page.fill('#changes-to', '2016-09');
    await page.locator('.changes-form button[type=submit]').click();
    await page.locator('.changes-result [role=alert]').waitFor();
    await page.close();
  });

  it('matrix: a real table, sortable by header buttons, arrow keys between cells, a cell shows its subgraph, CSV', async () => {
    const page = await app.open('?teach=matrix&lang=en');
    const m = await api<{ agencies: unknown[]; segments: Array<{ id: string }>; cells: Array<{ agency: string; segment: string; rules: string[]; rollup: Array<{ rule: string; via: string }> }> }>(page, '/api/matrix');
    await page.locator('.matrix-table').waitFor();
    expect(await page.locator('.matrix-table thead th[scope=col]').count()).toBe(m.segments.length + 2);
    expect(await page.locator('.matrix-table tbody th[scope=row]').count()).toBe(m.agencies.length);
    expect(await page.locator('.matrix-table caption').count()).toBe(1);

    // Sort by the P2P column: descending, marked with aria-sort, others none.
    const p2pHeader = page.locator('.matrix-table thead th[data-segment="segment:p2p-lending"]');
    await p2pHeader.locator('button').click();
    expect(await p2pHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await page.locator('.matrix-table thead th[aria-sort=descending]').count()).toBe(1);
    const counts = await page.locator('.matrix-table tbody td[data-segment="segment:p2p-lending"] .matrix-count').allTextContents();
    const numbers = counts.map((c) => (c === '·' ? 0 : Number(c)));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    const top = m.cells.filter((c) => c.segment === 'segment:p2p-lending').map((c) => new Set([...c.rules, ...c.rollup.map((r) => r.rule)]).size);
    expect(numbers[0]).toBe(Math.max(...top));

    // Roving tabindex: one cell in the tab order; arrows move it.
    expect(await page.locator('.matrix-cell[tabindex="0"]').count()).toBe(1);
    await page.locator('.matrix-cell[data-row="0"][data-col="0"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const at = await page.evaluate(() => [document.activeElement?.getAttribute('data-row'), document.activeElement?.getAttribute('data-col')]);
    expect(at).toEqual(['1', '1']);
    expect(await page.locator('.matrix-cell[tabindex="0"]').getAttribute('data-row')).toBe('1');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-col'))).toBe(String(m.segments.length - 1));

    // Enter on the CBRC × P2P cell puts its agency, segment and rules in focus.
    const row = await page.locator('.matrix-table tbody tr').evaluateAll((trs) => trs.findIndex((tr) => tr.getAttribute('data-agency') === 'agency:cbrc'));
    const col = m.segments.findIndex((s) => s.id === 'segment:p2p-lending');
    await page.locator(`.matrix-cell[data-row="${row}"][data-col="${col}"]`).focus();
    await page.keyboard.press('Enter');
    const cell = m.cells.find((c) => c.agency === 'agency:cbrc' && c.segment === 'segment:p2p-lending')!;
    await page.waitForFunction(() => (window.atlas!.focus?.() ?? []).length > 0);
    expect((await focusIds(page)).sort()).toEqual(expect.arrayContaining(['agency:cbrc', 'segment:p2p-lending', ...cell.rules].sort()));
    await settled(page);
    await screenshot(page, 'teach-matrix');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.matrix-csv').click()]);
    expect(download.suggestedFilename()).toBe('finreg-atlas-matrix.csv');
    const fs = await import('node:fs/promises');
    const csv = (await fs.readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(m.agencies.length + 1);
    expect(lines[0]).toMatch(/^Agency,/);
    expect(csv).toContain('China Banking Regulatory Commission');
    await page.close();
  });

  it("the matrix and the timeline show the app's date whoever sets it: a link, the filters panel, the slider", async () => {
    const page = await app.open('?lang=en&teach=matrix&to=2016-09');
    const rows = async (asOf: string) => (await api<{ agencies: unknown[] }>(page, `/api/matrix?asOf=${asOf}`)).agencies.length;
    // Intl's short English month: `Sep` or `Sept`, by the browser's locale data.
    await page.waitForFunction(() => /as of Sept? 2016$/.test(document.querySelector('.matrix-table caption')?.textContent ?? ''));
    expect(await page.locator('.matrix-table tbody th[scope=row]').count()).toBe(await rows('2016-09'));

    // The filters panel ends the date range in 2015: the matrix asks again for that date.
    await page.locator('[role=tab][data-tab="filters"]').click();
    await page.locator('select[data-key="dateTo"]').selectOption('2015');
    expect((await urlState(page))['dateTo']).toBe('2015');
    await page.locator('[role=tab][data-tab="teach"]').click();
    const in2015 = await rows('2015');
    if (in2015 === 0) await page.locator('.matrix-view').getByText(/no agency/i).waitFor();
    else await page.waitForFunction(() => /as of 2015$/.test(document.querySelector('.matrix-table caption')?.textContent ?? ''));

    // The timeline opens on that date, and its slider sets the date back to all dates for everyone.
    await page.locator('#teach-tab-timeline').click();
    await page.locator('.tl-slider').waitFor();
    expect(await page.locator('.tl-output').textContent()).toBe('As of 2015');
    await page.locator('.tl-slider').focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => (window.atlas!.state() as { dateTo: string | null }).dateTo === null);
    await page.locator('#teach-tab-matrix').click();
    await page.waitForFunction(() => !/as of/.test(document.querySelector('.matrix-table caption')?.textContent ?? 'as of'));
    expect(await page.locator('.matrix-table tbody th[scope=row]').count()).toBe((await api<{ agencies: unknown[] }>(page, '/api/matrix')).agencies.length);
    await page.locator('[role=tab][data-tab="filters"]').click();
    expect(await page.locator('select[data-key="dateTo"]').inputValue()).toBe('');
    await page.close();
  });

  it('completes a quiz from a shared link: feedback with citation and subgraph, then the score', async () => {
    const page = await app.open('?teach=quiz&quiz=4242');
    const quiz = await api<{ questions: Array<{ answer: string; options: Array<{ id: string }>; subgraph: string[] }> }>(page, '/api/quiz?seed=4242&count=5');
    await page.locator('.quiz-prompt').waitFor();
    expect(await page.locator('.quiz-seed').textContent()).toBe('4242');
    let right = 0;
    for (let i = 0; i < quiz.questions.length; i++) {
      const q = quiz.questions[i]!;
      expect(await page.locator('.quiz-option').count()).toBe(q.options.length);
      // Right on even questions, wrong on odd ones.
      const choice = i % 2 === 0 ? q.answer : q.options.find((o) => o.id !== q.answer)!.id;
      if (choice === q.answer) right++;
      await page.locator(`.quiz-option[data-option="${choice}"]`).click();
      await page.locator('.quiz-feedback').waitFor();
      expect(await page.locator('.quiz-option.right').getAttribute('data-option')).toBe(q.answer);
      expect(await page.locator('.quiz-feedback .citation').count()).toBeGreaterThan(0);
      expect(await page.locator(i % 2 === 0 ? '.quiz-right' : '.quiz-wrong').count()).toBe(1);
      expect((await focusIds(page)).sort()).toEqual(expect.arrayContaining(q.subgraph.filter((id) => !id.startsWith('date:')).sort()));
      if (i === 1) {
        await settled(page);
        await screenshot(page, 'teach-quiz');
      }
      await page.keyboard.press('Enter'); // the Next button has the focus
    }
    await page.locator('.quiz-score').waitFor();
    expect(await page.locator('.quiz-score').textContent()).toBe(`共${quiz.questions.length}题，答对${right}题。`);
    expect((await teachState(page))?.quiz).toBe(4242);
    await page.close();
  });
});
