/**
 * What a page shows, read from the DOM and from where the renderer drew nodes, for tests that
 * compare two pages (a URL round trip) by what a reader sees rather than by the app's own
 * state object. `window.atlas.viewport` is used only to ask where on the canvas a node was
 * drawn, which is the camera as seen on screen.
 */
import type { Page } from 'playwright-core';
import { decodePng, type Image } from './png';

export interface OnScreen {
  lang: string | null;
  title: string;
  /** The details panel's heading: the selected node, or null. */
  details: string | null;
  /** Legend toggles, `Label=true|false` (pressed: shown). */
  legend: string[];
  /** Filter checkboxes (`l:Label`, `t:TYPE`) that are unchecked, and the two year selects. */
  filtersOff: string[];
  years: { from: string; to: string };
  /** The counter over the canvas ("111 nodes · 200 relationships"). */
  counter: string;
  /** The layout button's name, which says which layout it switches to. */
  layoutButton: string;
  /** Selected tab of the side panel. */
  tab: string | null;
  /** Screen positions of these nodes, rounded to a pixel (null: not drawn). */
  positions: Record<string, { x: number; y: number } | null>;
}

export async function onScreen(page: Page, ids: string[]): Promise<OnScreen> {
  return page.evaluate((nodeIds) => {
    const text = (sel: string) => document.querySelector(sel)?.textContent?.trim() ?? null;
    const positions: Record<string, { x: number; y: number } | null> = {};
    for (const id of nodeIds) {
      const p = window.atlas!.viewport(id);
      positions[id] = p ? { x: Math.round(p.x), y: Math.round(p.y) } : null;
    }
    const layout = document.querySelector<HTMLElement>('[data-tool="layout"]');
    return {
      lang: document.documentElement.getAttribute('lang'),
      title: text('.app-title') ?? '',
      details: text('.details-title'),
      legend: [...document.querySelectorAll<HTMLElement>('.legend-item')].map((e) => `${e.dataset['label']}=${e.getAttribute('aria-pressed')}`),
      filtersOff: [...document.querySelectorAll<HTMLInputElement>('.filters input[type=checkbox][data-key]')].filter((i) => !i.checked).map((i) => i.dataset['key']!),
      years: {
        from: document.querySelector<HTMLSelectElement>('.filters select[data-key="dateFrom"]')?.value ?? '',
        to: document.querySelector<HTMLSelectElement>('.filters select[data-key="dateTo"]')?.value ?? '',
      },
      counter: text('.counter') ?? '',
      layoutButton: layout?.getAttribute('aria-label') ?? layout?.getAttribute('title') ?? layout?.textContent?.trim() ?? '',
      tab: document.querySelector('[role=tab][aria-selected="true"]')?.getAttribute('data-tab') ?? null,
      positions,
    };
  }, ids);
}

/** The graph canvas as pixels. */
export async function canvasPixels(page: Page): Promise<Image> {
  return decodePng(await page.locator('#graph').screenshot());
}

/** Share of pixels that differ by more than a small step in any channel. */
export function differingShare(a: Image, b: Image): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differ = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      if (Math.abs(a.data[i + c]! - b.data[i + c]!) > 24) {
        differ++;
        break;
      }
    }
  }
  return differ / (a.width * a.height);
}
