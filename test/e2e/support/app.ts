/**
 * One call per test file: build the client (once), start the real server on the memory
 * store, launch Chromium. Returns what the tests need and registers the teardown.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { buildClient, startServer, type RunningServer } from './server';
import { launch, openApp, type LaunchedBrowser } from './browser';

export interface AppHarness {
  url: string;
  browser: LaunchedBrowser;
  /** A new page on the app (optionally with a query string), graph drawn. */
  open(query?: string): Promise<Page>;
}

export function useApp(opts: { width?: number; height?: number; mobile?: boolean } = {}): AppHarness {
  let server: RunningServer | undefined;
  const harness = {} as AppHarness;
  beforeAll(async () => {
    buildClient();
    server = await startServer();
    harness.url = server.url;
    harness.browser = await launch(opts);
    harness.open = async (query = '') => {
      const page = await harness.browser.context.newPage();
      await openApp(page, `${server!.url}/${query}`);
      return page;
    };
  });
  // A console error, page error or CSP violation fails the test that caused it (./page-guard.ts).
  afterEach(() => {
    expect(harness.browser?.takeProblems() ?? [], 'console errors, page errors or CSP violations').toEqual([]);
  });
  afterAll(async () => {
    await harness.browser?.close();
    await server?.stop();
  });
  return harness;
}

/** The app's URL state as the page reports it. */
export function urlState(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => window.atlas!.state() as Record<string, unknown>);
}
