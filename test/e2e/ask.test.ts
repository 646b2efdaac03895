/**
 * Ask in your own words, in Chromium against the real server: a question typed in each
 * language, the reading shown as chips, a chip changed (the question is asked again as
 * that reading), the link reproducing the answer, and a question it cannot read.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp, urlState } from './support/app';
import { join } from 'node:path';
import { ARTIFACTS, screenshot } from './support/browser';

const app = useApp();

async function askTyped(page: Page, text: string): Promise<void> {
  await page.click('[data-tab=questions]');
  const input = page.getByTestId('ask-input');
  await input.click();
  await input.pressSequentially(text, { delay: 5 });
  await input.press('Enter');
}

const sentence = (page: Page) => page.getByTestId('ask-sentence').textContent();
const rowNames = (page: Page) => page.locator('.ask-rows .ask-node').allTextContents();

describe('ask a question', () => {
  it('reads a Chinese question, shows the reading as chips and answers it', async () => {
    const page = await app.open('');
    await askTyped(page, '2016年9月谁在监管网贷');
    await page.getByTestId('ask-answer').waitFor();
    expect(await sentence(page)).toBe('网络借贷的监管机构 · 截至2016-09');
    expect(await page.locator('.ask-chip').allTextContents()).toEqual(['网络借贷', '2016-09']);
    expect((await rowNames(page)).join(' ')).toContain('银监会');
    expect(await page.locator('.ask-parts').textContent()).toContain('网贷');
    expect((await urlState(page))['ask']).toEqual({ text: '2016年9月谁在监管网贷', reading: null });
    await page.waitForTimeout(500);
    await screenshot(page, 'ask-zh');
    // The panel alone, small enough for the README.
    await page.locator('.ask-panel').screenshot({ path: join(ARTIFACTS, 'ask-panel-zh.png') });
    await page.close();
  });

  it('reads an English question with a typo, and a changed chip asks again', async () => {
    const page = await app.open('?lang=en');
    await askTyped(page, 'who regulates equity crowdfunidng');
    await page.getByTestId('ask-answer').waitFor();
    expect(await sentence(page)).toBe('Regulators of Equity crowdfunding · as of any date');
    expect((await rowNames(page)).join(' ')).toContain('China Securities Regulatory Commission');
    // Change the segment chip to third-party payment through its search.
    await page.click('.ask-chip[data-param=segment]');
    const editor = page.locator('.ask-node-editor input');
    await editor.fill('third-party');
    await page.locator('.ask-node-editor .search-option').first().waitFor();
    await page.locator('.ask-node-editor .search-option').first().dispatchEvent('mousedown');
    await page.waitForFunction(() => document.querySelector('[data-testid=ask-sentence]')?.textContent?.includes('Third-party payment'));
    expect(await sentence(page)).toBe('Regulators of Third-party payment · as of any date');
    await page.waitForFunction(() => document.querySelector('.ask-rows')?.textContent?.includes("People's Bank of China"));
    // Then the date chip: as of September 2016 no plan of 2016-10-13 regulates it yet.
    await page.click('.ask-chip[data-param=asOf]');
    await page.locator('input.ask-editor[data-param=asOf]').fill('2016-09');
    await page.locator('input.ask-editor[data-param=asOf]').press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=ask-sentence]')?.textContent?.endsWith('2016-09'));
    await page.locator('.ask-answer h3').filter({ hasText: ': 0' }).waitFor();
    const state = (await urlState(page))['ask'];
    expect(state).toEqual({ text: 'who regulates equity crowdfunidng', reading: { kind: 'regulators', params: { segment: 'segment:third-party-payment', asOf: '2016-09' } } });
    await screenshot(page, 'ask-en-chip');
    await page.close();
  });

  it('the link reproduces the answer', async () => {
    const page = await app.open('');
    await askTyped(page, 'how is blockchain related to P2P');
    await page.getByTestId('ask-answer').waitFor();
    const first = { sentence: await sentence(page), rows: await rowNames(page) };
    expect(first.rows.length).toBeGreaterThan(1);
    await page.waitForFunction(() => location.search.includes('ask='));
    const link = await page.evaluate(() => location.search);
    await page.close();

    const again = await app.open(link);
    await again.getByTestId('ask-answer').waitFor();
    expect({ sentence: await sentence(again), rows: await rowNames(again) }).toEqual(first);
    expect(await again.getByTestId('ask-input').inputValue()).toBe('how is blockchain related to P2P');
    await again.close();
  });

  it('says plainly when it cannot read a question, with search results', async () => {
    const page = await app.open('?lang=en');
    await askTyped(page, 'how do I bake bread');
    await page.getByTestId('ask-unknown').waitFor();
    expect(await page.getByTestId('ask-unknown').textContent()).toBe('I did not understand “how do I bake bread”.');
    expect(await page.getByTestId('ask-answer').count()).toBe(0);
    await page.close();
  });

  it('suggests names and question shapes while typing', async () => {
    const page = await app.open('?lang=en');
    await page.click('[data-tab=questions]');
    const input = page.getByTestId('ask-input');
    await input.click();
    await input.pressSequentially('who regulates crowdf', { delay: 5 });
    await page.locator('.ask-suggestion-entity').first().waitFor();
    expect(await page.locator('.ask-suggestion-entity .opt-name').allTextContents()).toContain('Equity crowdfunding');
    await page.locator('.ask-suggestion-entity', { hasText: 'Equity crowdfunding' }).first().dispatchEvent('mousedown');
    expect(await input.inputValue()).toBe('who regulates Equity crowdfunding');
    await input.fill('');
    await input.pressSequentially('who', { delay: 5 });
    await page.locator('.ask-suggestion-shape').first().waitFor();
    expect((await page.locator('.ask-suggestion-shape .opt-name').allTextContents())[0]).toBe('who regulates …');
    await page.close();
  });
});
