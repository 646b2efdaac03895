/**
 * vitest global setup of the `neo4j` project (vitest.config.ts): finds a Neo4j for the run and
 * hands its coordinates to test files as `inject('neo4j')` (read them through `neo4j.ts`).
 *
 * - NEO4J_URI set: use it with NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE, after checking it
 *   answers.
 * - NEO4J_URI unset: start the embedded launcher once for the whole run on a free port, with an
 *   empty database under .neo4j-data/test/, and stop it at teardown.
 *
 * When no Neo4j can be had, the run fails if CI is set; otherwise the reason is printed once and
 * every `describeNeo4j` block is skipped.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import type { TestProject } from 'vitest/node';
import { findFreePort, removeStaleRunDirs, REPO_ROOT, startLauncher, type RunningLauncher } from './neo4j-process.js';
import {
  DEFAULT_NEO4J_DATABASE,
  DEFAULT_NEO4J_USER,
  isCi,
  LOCAL_NEO4J_PASSWORD,
  type Neo4jAvailability,
  type Neo4jTarget,
} from './neo4j-target.js';

const DEFAULT_START_TIMEOUT_MS = 240_000;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let launcher: RunningLauncher | undefined;
  let dataDir: string | undefined;
  let availability: Neo4jAvailability;

  try {
    const external = process.env.NEO4J_URI?.trim();
    if (external) {
      const target: Neo4jTarget = {
        uri: external,
        user: process.env.NEO4J_USER || DEFAULT_NEO4J_USER,
        password: process.env.NEO4J_PASSWORD ?? '',
        database: process.env.NEO4J_DATABASE || DEFAULT_NEO4J_DATABASE,
      };
      await checkReachable(target);
      availability = { available: true, target, managed: false };
    } else {
      const parent = join(REPO_ROOT, '.neo4j-data/test');
      removeStaleRunDirs(parent);
      dataDir = join(parent, `run-${process.pid}`);
      const password = process.env.NEO4J_PASSWORD || LOCAL_NEO4J_PASSWORD;
      const started = Date.now();
      launcher = await startLauncher({
        port: await findFreePort(),
        dataDir,
        password,
        timeoutMs: Number(process.env.NEO4J_START_TIMEOUT_MS) || DEFAULT_START_TIMEOUT_MS,
      });
      const target: Neo4jTarget = {
        uri: launcher.uri,
        user: DEFAULT_NEO4J_USER,
        password,
        database: DEFAULT_NEO4J_DATABASE,
      };
      await checkReachable(target);
      console.log(`[neo4j] embedded Neo4j ready at ${launcher.uri} in ${Date.now() - started} ms`);
      availability = { available: true, target, managed: true };
    }
  } catch (error) {
    await launcher?.stop();
    const reason = error instanceof Error ? error.message : String(error);
    if (isCi()) {
      throw new Error(`Neo4j is required when CI is set, but none is available: ${reason}`);
    }
    const firstLine = reason.split('\n')[0];
    console.warn(`[neo4j] Neo4j tests skipped: ${firstLine}`);
    if (reason.includes('\n')) console.warn(reason.slice(firstLine!.length + 1));
    availability = { available: false, reason: firstLine! };
  }

  project.provide('neo4j', availability);

  return async () => {
    await launcher?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}

async function checkReachable(target: Neo4jTarget): Promise<void> {
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
    connectionTimeout: 10_000,
  });
  // An auto-commit query, not executeQuery: that one retries for 30 s before giving up.
  const session = driver.session({ database: target.database });
  try {
    await session.run('RETURN 1');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Neo4j at ${target.uri} (user ${target.user}, database ${target.database}) did not answer: ${message}`);
  } finally {
    await session.close();
    await driver.close();
  }
}
