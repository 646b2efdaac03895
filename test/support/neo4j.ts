/**
 * The Neo4j test harness as test files see it. The global setup (`global-setup.ts`) has found or
 * started a Neo4j; this reads what it provided.
 *
 *   import { describeNeo4j, neo4jTarget, withDriver } from '../support/neo4j.js';
 *   describeNeo4j('Neo4jStore', () => {
 *     it('...', async () => { const { uri, user, password, database } = neo4jTarget(); ... });
 *   });
 *
 * Only files named `*.neo4j.test.ts` get the global setup (vitest.config.ts, project `neo4j`).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { describe, inject, it } from 'vitest';
import { isCi, type Neo4jAvailability, type Neo4jTarget } from './neo4j-target.js';

export type { Neo4jTarget } from './neo4j-target.js';

/** What the global setup provided; a clear "unavailable" when it did not run for this file. */
export function neo4jAvailability(): Neo4jAvailability {
  const provided = inject('neo4j') as Neo4jAvailability | undefined;
  return (
    provided ?? {
      available: false,
      reason: 'the Neo4j global setup did not run for this file: name it *.neo4j.test.ts',
    }
  );
}

/**
 * A describe block that needs Neo4j. Without one it is skipped (its title carries the reason;
 * the global setup printed it once), or, when CI is set, it fails with the reason.
 */
export function describeNeo4j(name: string, fn: () => void): void {
  const availability = neo4jAvailability();
  if (availability.available) {
    describe(name, fn);
  } else if (isCi()) {
    describe(name, () => {
      it('has a Neo4j to run against', () => {
        throw new Error(`no Neo4j available: ${availability.reason}`);
      });
    });
  } else {
    describe.skip(`${name} (skipped: no Neo4j: ${availability.reason})`, fn);
  }
}

/** The `{ uri, user, password, database }` of this run's Neo4j. Call it inside `describeNeo4j`. */
export function neo4jTarget(): Neo4jTarget {
  const availability = neo4jAvailability();
  if (!availability.available) throw new Error(`no Neo4j available: ${availability.reason}`);
  return { ...availability.target };
}

/** True when this run started the embedded launcher itself, false when NEO4J_URI was given. */
export function neo4jIsManaged(): boolean {
  const availability = neo4jAvailability();
  return availability.available && availability.managed;
}

/**
 * A driver for this run's Neo4j; the caller closes it (or use `withDriver`). Integers come back
 * as JS numbers (disableLosslessIntegers), which is what test assertions want.
 */
export function openDriver(target: Neo4jTarget = neo4jTarget()): Driver {
  return neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
    connectionTimeout: 10_000,
    disableLosslessIntegers: true,
  });
}

/** Runs `fn` with a fresh driver and closes it afterwards, whatever `fn` does. */
export async function withDriver<T>(fn: (driver: Driver, target: Neo4jTarget) => Promise<T>): Promise<T> {
  const target = neo4jTarget();
  const driver = openDriver(target);
  try {
    return await fn(driver, target);
  } finally {
    await driver.close();
  }
}
