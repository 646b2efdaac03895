/**
 * A Neo4j of the fault tests' own (test/neo4j-server/run.sh on another free port and data
 * directory), which they may stop and start again without disturbing the run's shared
 * test Neo4j. A restart keeps the data (no --fresh).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findFreePort } from '../../support/neo4j-process.js';
import { REPO_ROOT } from './main-process.js';

export interface OwnNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** Stops it (SIGTERM to the launcher's process group) and waits for the exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data; resolves at the readiness line, with its time. */
  start(): Promise<number>;
  /** True while the launcher process is alive. */
  running(): boolean;
  /** Stops it for good and removes its data. */
  dispose(): Promise<void>;
}

const PASSWORD = 'reliability-faults-pw';

export async function startOwnNeo4j(): Promise<OwnNeo4j> {
  const port = await findFreePort();
  const dataDir = join(REPO_ROOT, '.neo4j-data', 'reliability', `run-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  let child: ChildProcess | undefined;

  const launch = (fresh: boolean): Promise<number> =>
    new Promise((resolve, reject) => {
      const c = spawn('bash', [join(REPO_ROOT, 'test/neo4j-server/run.sh'), ...(fresh ? ['--fresh'] : [])], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          NEO4J_BOLT_PORT: String(port),
          NEO4J_DATA_DIR: dataDir,
          NEO4J_PASSWORD: PASSWORD,
          NEO4J_HEAP: '1g',
          NEO4J_PAGECACHE: '256m',
          NEO4J_JAVA_OPTS: '-XX:TieredStopAtLevel=1',
          // Gone with the test process, whatever happens to it.
          NEO4J_EXIT_ON_STDIN_CLOSE: '1',
        },
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true,
      });
      child = c;
      let out = '';
      const timer = setTimeout(() => reject(new Error(`own Neo4j not ready in 240 s: ${out.slice(-2000)}`)), 240_000);
      const onData = (d: Buffer) => {
        out += d.toString();
        if (/NEO4J READY bolt:\/\//.test(out)) {
          clearTimeout(timer);
          c.stdout!.off('data', onData);
          c.stderr!.off('data', onData);
          resolve(Date.now());
        }
        if (/NEO4J FAILED/.test(out)) {
          clearTimeout(timer);
          reject(new Error(out.slice(-2000)));
        }
      };
      c.stdout!.on('data', onData);
      c.stderr!.on('data', onData);
      // Keep draining output so the launcher never blocks on a full pipe.
      c.stdout!.resume();
      c.stderr!.resume();
    });

  const stop = async (): Promise<void> => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise<void>((r) => c.once('exit', () => r()));
    try {
      process.kill(-c.pid!, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-c.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }, 30_000);
    await exited;
    clearTimeout(timer);
    c.stdin?.destroy();
  };

  await launch(true);
  return {
    uri: `bolt://127.0.0.1:${port}`,
    user: 'neo4j',
    password: PASSWORD,
    database: 'neo4j',
    stop,
    start: () => launch(false),
    running: () => child !== undefined && child.exitCode === null && child.signalCode === null,
    dispose: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
