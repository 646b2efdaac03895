/**
 * A Neo4j for the benchmarks: NEO4J_URI (with NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE)
 * when set — it will be OVERWRITTEN by the load benchmark — else a private embedded Neo4j
 * started through the test launcher on a free port with a fresh data directory under
 * bench/out/, stopped afterwards.
 *
 * The managed Neo4j runs as a server would, not with the test suite's start-up settings:
 * - the full JIT (the tests pass -XX:TieredStopAtLevel=1, the quick tier only, which halves a
 *   start's CPU time but runs long loads and queries on less optimised code);
 * - heap NEO4J_HEAP, default 3g (the tests' 1g cannot hold a large load's flip transaction);
 * - page cache NEO4J_PAGECACHE, default 2g (the 100k store is about 1 GB; the tests' 256m
 *   would measure disk reads). NEO4J_JAVA_OPTS adds JVM options.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { OUT_DIR } from './datasets.js';

export interface BenchNeo4j {
  uri: string;
  database: string;
  driver: Driver;
  managed: boolean;
  /** Heap of the managed Neo4j, for the report. */
  heap: string;
  stop(): Promise<void>;
}

const PASSWORD = 'finreg-atlas-bench';
export const BENCH_HEAP = process.env.NEO4J_HEAP || '3g';
export const BENCH_PAGECACHE = process.env.NEO4J_PAGECACHE || '2g';

export async function acquireNeo4j(): Promise<BenchNeo4j | { unavailable: string }> {
  const external = process.env.NEO4J_URI?.trim();
  if (external) {
    const driver = neo4j.driver(external, neo4j.auth.basic(process.env.NEO4J_USER || 'neo4j', process.env.NEO4J_PASSWORD ?? ''));
    try {
      await driver.verifyConnectivity();
    } catch (err) {
      await driver.close();
      return { unavailable: `NEO4J_URI=${external} does not answer: ${(err as Error).message}` };
    }
    return {
      uri: external,
      database: process.env.NEO4J_DATABASE || 'neo4j',
      driver,
      managed: false,
      heap: 'external',
      stop: () => driver.close(),
    };
  }
  let launcherModule: typeof import('../../test/support/neo4j-process.js');
  try {
    launcherModule = await import('../../test/support/neo4j-process.js');
  } catch (err) {
    return { unavailable: `the Neo4j launcher harness is missing (${(err as Error).message})` };
  }
  const dataDir = join(OUT_DIR, `neo4j-data-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  let launcher;
  try {
    launcher = await launcherModule.startLauncher({
      port: await launcherModule.findFreePort(),
      dataDir,
      password: PASSWORD,
      timeoutMs: 300_000,
      heap: BENCH_HEAP,
      pageCache: BENCH_PAGECACHE,
      javaOpts: process.env.NEO4J_JAVA_OPTS ?? '',
    });
  } catch (err) {
    return { unavailable: `could not start the embedded Neo4j: ${(err as Error).message.split('\n')[0]}` };
  }
  const driver = neo4j.driver(launcher.uri, neo4j.auth.basic('neo4j', PASSWORD), { maxConnectionPoolSize: 50 });
  return {
    uri: launcher.uri,
    database: 'neo4j',
    driver,
    managed: true,
    heap: `${BENCH_HEAP}, page cache ${BENCH_PAGECACHE}`,
    stop: async () => {
      await driver.close().catch(() => undefined);
      await launcher.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** True while the managed Neo4j still answers (an out-of-memory exit kills it). */
export async function alive(driver: Driver): Promise<boolean> {
  try {
    await driver.executeQuery('RETURN 1', {}, {});
    return true;
  } catch {
    return false;
  }
}
