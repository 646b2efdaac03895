/** Headless Debian Chromium through playwright-core, with a fresh profile per launch. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './server';
import { CHROMIUM, CHROMIUM_ARGS } from '../../support/chromium';
import { guardPages } from './page-guard';

export const ARTIFACTS = join(REPO, 'test/artifacts');

export { CHROMIUM, CHROMIUM_ARGS };

export interface LaunchedBrowser {
  context: BrowserContext;
  /**
   * Console errors, page errors and CSP violation reports of every page of this browser since
   * the last `takeProblems()`; the app harness fails each test that leaves any (see
   * ./page-guard.ts for the few expected messages it allows).
   */
  takeProblems(): string[];
  /** Allows console errors matching `pattern` in the current test only, saying why. */
  expectConsoleError(pattern: RegExp, why: string): void;
  close(): Promise<void>;
}

export async function launch(opts: { width?: number; height?: number; mobile?: boolean } = {}): Promise<LaunchedBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: run \`bash scripts/test-prerequisites.sh\` as root (Debian), or set CHROMIUM_PATH`,
    );
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'finreg-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    deviceScaleFactor: 1,
    isMobile: opts.mobile ?? false,
    hasTouch: opts.mobile ?? false,
    acceptDownloads: true,
    locale: 'zh-CN',
  });
  const guard = guardPages(context);
  return {
    context,
    takeProblems: guard.take,
    expectConsoleError: guard.expect,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves after the page has painted two more frames (sigma draws on animation frames). */
export function nextFrames(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

/**
 * Resolves once the camera has stopped moving: the drawn position of a node is the same over
 * a few consecutive frames (camera animations are a few hundred ms). A bounded poll, for
 * screenshots that should show the end state rather than a frame of an animation.
 */
export async function settled(page: Page, nodeId = 'agency:cbrc'): Promise<void> {
  await page.waitForFunction(
    (id) =>
      new Promise<boolean>((resolve) => {
        const at = () => JSON.stringify(window.atlas?.viewport(id) ?? null);
        const first = at();
        let frames = 0;
        const tick = () => {
          if (at() !== first) return resolve(false);
          if (++frames >= 5) return resolve(true);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    nodeId,
    { timeout: 10_000, polling: 50 },
  );
}

/** Open the app and wait until the graph is drawn. Page errors fail the test (./page-guard.ts). */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.atlas?.ready() === true, undefined, { timeout: 30_000 });
  await nextFrames(page);
}

export async function screenshot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}
