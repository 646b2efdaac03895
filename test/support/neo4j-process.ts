/**
 * Starts and stops the embedded Neo4j launcher (`test/neo4j-server/run.sh`) as a child process,
 * for the test global setup. The launcher prints `NEO4J READY bolt://127.0.0.1:<port>` once Bolt
 * answers, or `NEO4J FAILED: <reason>` and exits non-zero.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RUN_SCRIPT = join(REPO_ROOT, 'test/neo4j-server/run.sh');
/** Written by the launcher into every data directory it creates. */
const LAUNCHER_MARKER = '.finreg-atlas-neo4j';
const READY = /^NEO4J READY (bolt:\/\/\S+)$/m;
const OUTPUT_LINES_KEPT = 40;

export interface LauncherOptions {
  port: number;
  dataDir: string;
  password: string;
  /** How long to wait for the readiness line, including a first Maven build. */
  timeoutMs: number;
  /**
   * JVM heap, page cache and extra JVM options; each defaults to its environment variable
   * (NEO4J_HEAP, NEO4J_PAGECACHE, NEO4J_JAVA_OPTS), else to the test settings below.
   */
  heap?: string;
  pageCache?: string;
  javaOpts?: string;
}

export interface RunningLauncher {
  uri: string;
  pid: number;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. Resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** A port that was free a moment ago on 127.0.0.1 (the OS picks it). */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('could not read the port the OS picked'));
      });
    });
  });
}

/**
 * Test runs on one machine may overlap (several people, one work tree), so each run gets its own
 * data directory named after its process id; this removes those whose process is gone.
 */
export function removeStaleRunDirs(parent: string): void {
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    const match = /^run-(\d+)$/.exec(name);
    if (!match) continue;
    const dir = join(parent, name);
    if (!existsSync(join(dir, LAUNCHER_MARKER)) && readdirSync(dir).length > 0) continue;
    if (!isAlive(Number(match[1]))) rmSync(dir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function startLauncher(options: LauncherOptions): Promise<RunningLauncher> {
  const child = spawn('bash', [RUN_SCRIPT, '--fresh'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NEO4J_BOLT_PORT: String(options.port),
      NEO4J_DATA_DIR: options.dataDir,
      NEO4J_PASSWORD: options.password,
      // Test data is small: a smaller heap, and the quick JIT tier only, which halves the CPU
      // time of a start (about 10 s instead of 20 s measured) on a two-core machine.
      NEO4J_HEAP: options.heap ?? process.env.NEO4J_HEAP ?? '1g',
      NEO4J_PAGECACHE: options.pageCache ?? process.env.NEO4J_PAGECACHE ?? '256m',
      NEO4J_JAVA_OPTS: options.javaOpts ?? process.env.NEO4J_JAVA_OPTS ?? '-XX:TieredStopAtLevel=1',
      // The launcher exits when this pipe closes, so a killed test run leaves no Neo4j behind.
      NEO4J_EXIT_ON_STDIN_CLOSE: '1',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
    // Own process group: a timeout can stop the Maven build too, and Ctrl-C in the terminal
    // reaches only vitest, whose teardown then stops Neo4j cleanly.
    detached: true,
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolveExit) => {
    child.once('exit', (code, signal) => resolveExit(code ?? (signal ? 128 : null)));
  });

  return new Promise<RunningLauncher>((resolveStart, rejectStart) => {
    let settled = false;
    const fail = (why: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      killGroup(child, 'SIGKILL');
      const tail = output.slice(-OUTPUT_LINES_KEPT).join('\n');
      rejectStart(new Error(`${why}${tail ? `\n--- launcher output ---\n${tail}` : ''}`));
    };
    const timer = setTimeout(
      () => fail(`Neo4j launcher printed no readiness line within ${options.timeoutMs} ms`),
      options.timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        output.push(line);
        if (output.length > OUTPUT_LINES_KEPT * 4) output.splice(0, output.length - OUTPUT_LINES_KEPT);
      }
      const ready = READY.exec(output.join('\n'));
      if (ready && !settled) {
        settled = true;
        clearTimeout(timer);
        resolveStart({
          uri: ready[1]!,
          pid: child.pid!,
          stop: (graceMs = 30_000) => stop(child, exited, graceMs),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (error) => fail(`could not run ${RUN_SCRIPT}: ${error.message}`));
    void exited.then((code) => {
      const failed = output.find((line) => line.startsWith('NEO4J FAILED:'));
      fail(failed ?? `Neo4j launcher exited with code ${code} before it was ready`);
    });
  });
}

async function stop(child: ChildProcess, exited: Promise<number | null>, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  killGroup(child, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<'timeout'>((r) => {
    timer = setTimeout(() => r('timeout'), graceMs);
  });
  const outcome = await Promise.race([exited, gaveUp]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    killGroup(child, 'SIGKILL');
    await exited;
  }
  child.stdin?.destroy();
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
