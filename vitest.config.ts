/**
 * Test projects:
 * - unit:  everything that needs neither Neo4j nor a browser; runs in parallel.
 * - neo4j: `*.neo4j.test.ts`, against the real embedded Neo4j that the global setup starts
 *          (or `NEO4J_URI` when set). One database, so files run one after another.
 * - e2e:   `test/e2e/**`, headless Chromium against the real server; one file at a time
 *          because two cores cannot run two browsers and a server well.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.neo4j.test.ts', 'test/e2e/**', 'node_modules/**'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'neo4j',
          include: ['test/**/*.neo4j.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          globalSetup: ['test/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
