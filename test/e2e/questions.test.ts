/**
 * The three questions, by mouse from the start screen and by keyboard alone, against the
 * real server; the answers must come with citations and the Cypher behind them.
 */
import { describe, expect, it } from 'vitest';
import { useApp, urlState } from './support/app';
import { screenshot, settled } from './support/browser';

const app = useApp();

describe('questions', () => {
  it('who regulates P2P lending: one click from the start screen', async () => {
    const page = await app.open('');
    await page.click('.start-screen .ex-regulators');
    await page.locator('.answer-table').waitFor();
    expect(await page.locator('.answer h3').first().textContent()).toContain('网络借贷');
    const agencies = await page.locator('.answer-table tbody th[scope=row]').allTextContents();
    expect(agencies.join(' ')).toContain('银监会');
    expect(await page.locator('.answer-table .citation').count()).toBeGreaterThan(0);
    await page.click('.answer .cypher summary');
    expect(await page.locator('.answer .cypher code').textContent()).toMatch(/MATCH/);
    expect((await urlState(page))['question']).toEqual({ kind: 'regulators', segment: 'segment:p2p-lending' });
    await settled(page);
    await screenshot(page, 'question-regulators');
    await page.close();
  });

  it('which rules touch real-estate lending: rules, what they do, the narrower topic, the quote', async () => {
    const page = await app.open('');
    await page.click('.start-screen .ex-rules');
    await page.locator('.answer-table').waitFor();
    const rows = page.locator('.answer-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(1);
    const verbs = await page.locator('.answer-table .verb').allTextContents();
    expect(verbs.some((v) => /禁止|要求|涉及/.test(v))).toBe(true);
    // At least one rule matches through a narrower topic (首付贷 is part of 房地产金融).
    expect((await page.locator('.answer-table tbody').textContent())!).toContain('首付贷');
    expect(await page.locator('.answer-table .citation').count()).toBeGreaterThan(1);
    expect(await page.locator('.answer .truncated').count()).toBe(0);
    await settled(page);
    await screenshot(page, 'question-rules');
    await page.close();
  });

  it('a long answer says where the server cut it', async () => {
    // The real server cuts the real answer: the request only asks for a smaller limit than
    // the client's default, so the seed's answer is long enough to be cut.
    const page = await app.open('?lang=en');
    await page.route('**/api/questions/rules?*', (route) => route.continue({ url: `${route.request().url()}&limit=2` }));
    await page.click('.start-screen .ex-rules');
    await page.locator('.answer-table').waitFor();
    expect(await page.locator('.answer-table tbody tr').count()).toBe(2);
    const note = (await page.locator('.answer .truncated').textContent())!;
    expect(note).toMatch(/^Showing the first 2 of \d+ entries/);
    expect(await page.locator('.answer h3').first().textContent()).toMatch(/^At least \d+ rules touch/);
    expect(Number(/of (\d+)/.exec(note)![1])).toBeGreaterThan(2);
    await screenshot(page, 'question-truncated');
    await page.close();
  });

  it('how are CSRC and down-payment loans connected: path highlighted and explained with citations', async () => {
    const page = await app.open('?lang=en');
    await page.click('.start-screen .ex-path');
    await page.locator('.explanation li').first().waitFor();
    const steps = await page.locator('.explanation li').count();
    expect(steps).toBeGreaterThan(0);
    expect(await page.locator('.path-chain button').count()).toBe(steps + 1);
    expect(await page.locator('.explanation .citation').count()).toBeGreaterThan(0);
    const s = await urlState(page);
    expect(s['question']).toEqual({ kind: 'path', a: 'agency:csrc', b: 'topic:down-payment-loans' });
    await settled(page);
    await screenshot(page, 'question-path');
    await page.close();
  });

  it('path finder with two search boxes', async () => {
    const page = await app.open('?lang=en');
    await page.click('[role=tab][data-tab="questions"]');
    const [a, b] = [page.locator('[data-question="path"] input').nth(0), page.locator('[data-question="path"] input').nth(1)];
    await a.fill('CIRC');
    await page.locator('[data-question="path"] [role=option]').first().waitFor();
    await a.press('Enter');
    await b.fill('区块链');
    await page.locator('[data-question="path"] [role=option]:visible').first().waitFor();
    await b.press('Enter');
    await page.click('[data-question="path"] button[type=submit]');
    await page.locator('.answer h3').waitFor();
    const state = await urlState(page);
    expect((state['question'] as { kind: string }).kind).toBe('path');
    // A path was found ("How A and B are connected", with its steps), not "No connection within n steps".
    expect(await page.locator('.answer h3').first().textContent()).toMatch(/^How .+ and .+ are connected$/);
    expect(await page.locator('.answer .explanation li').count()).toBeGreaterThan(0);
    expect(await page.locator('.answer').textContent()).not.toMatch(/No connection within/);
    await page.close();
  });

  it('keyboard only: search with arrows and Enter, then ask a question through the tabs', async () => {
    const page = await app.open('?lang=en');
    // Skip link first, then into the header search.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await page.keyboard.type('p2p');
    await page.locator('.header-search [role=option]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    const active = await page.evaluate(() => document.activeElement?.getAttribute('aria-activedescendant'));
    expect(active).toMatch(/-1$/);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.locator('.details-title').waitFor();
    expect((await urlState(page))['node']).toBeTruthy();
    // Escape on an empty list clears; focus stays in the box.
    await page.keyboard.press('Escape');

    // Reach the Questions tab with Tab and arrow keys.
    await page.focus('[role=tab][data-tab="details"]');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-tab'))).toBe('questions');
    await page.keyboard.press('Tab'); // into the tab panel
    await page.keyboard.press('Tab'); // the question box comes first
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('ask-input');
    await page.keyboard.press('Tab'); // its Ask button
    await page.keyboard.press('Tab'); // the segment select (answer area is empty)
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab'); // Ask
    await page.keyboard.press('Enter');
    await page.locator('.answer h3').waitFor();
    expect(((await urlState(page))['question'] as { kind: string }).kind).toBe('regulators');
    await screenshot(page, 'question-keyboard');
    await page.close();
  });
});
