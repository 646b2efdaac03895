/** Headless Debian Chromium through playwright-core, with a fresh profile per launch. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './server';
import { CHROMIUM, CHROMIUM_ARGS } from '../../support/chromium';

export const ARTIFACTS = join(REPO, 'test/artifacts');

export { CHROMIUM, CHROMIUM_ARGS };

export interface LaunchedBrowser {
  context: BrowserContext;
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
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Open the app and wait until the graph is drawn. */
export async function openApp(page: Page, url: string): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => window.atlas?.ready() === true, undefined, { timeout: 30_000 });
  // Let sigma draw a frame and the layout settle.
  await page.waitForTimeout(300);
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
}

export async function screenshot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}
