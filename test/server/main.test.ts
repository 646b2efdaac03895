/**
 * The entry point as an operator meets it: `server/main.ts` in a child process (through
 * tsx), real signals, real sockets.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Child {
  proc: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function runMain(env: Record<string, string>): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    // Only what the test sets: no NEO4J_URI or PORT leaking in from the shell.
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'silent', ...env },
  });
  let out = '';
  let err = '';
  proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { proc, stdout: () => out, stderr: () => err, exit };
}

async function listening(child: Child): Promise<number> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const m = /FinReg Atlas on http:\/\/127\.0\.0\.1:(\d+)\/ \(store: memory\)\n/.exec(child.stdout());
    if (m) return Number(m[1]);
    if (child.proc.exitCode !== null) throw new Error(`server exited: ${child.stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not start: ${child.stdout()} ${child.stderr()}`);
}

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });
}

function readAll(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    socket.on('data', (c: Buffer) => (data += c.toString()));
    socket.on('close', () => resolve(data));
  });
}

/**
 * Resolves once the server has read what was already written on other connections: a request
 * on a new connection is answered only after the event loop polled the sockets that had data
 * before it was opened. An event to wait for, instead of a sleep.
 */
async function serverHasRead(port: number): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}/api/health`, { headers: { Connection: 'close' } });
  await res.arrayBuffer();
}

/** Polls, within a bound, until the listener refuses new connections. */
async function refusesConnections(port: number, boundMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + boundMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
    const refused = await openSocket(port).then(
      (s) => (s.destroy(), false),
      (e: NodeJS.ErrnoException) => e.code === 'ECONNREFUSED',
    );
    if (refused) return;
  }
  throw new Error(`port ${port} still accepts connections after ${boundMs} ms`);
}

describe('server/main.ts', () => {
  it('prints one line and exits 1 on a bad configuration', async () => {
    const child = runMain({ PORT: 'eighty' });
    const { code } = await child.exit;
    expect(code).toBe(1);
    expect(child.stdout()).toBe('');
    expect(child.stderr()).toBe('finreg-atlas: PORT must be a whole number from 0 to 65535, got "eighty"\n');
  });

  it('refuses TRUST_PROXY=true in one line', async () => {
    const child = runMain({ TRUST_PROXY: 'true' });
    expect((await child.exit).code).toBe(1);
    expect(child.stderr().trimEnd().split('\n')).toHaveLength(1);
    expect(child.stderr()).toMatch(/^finreg-atlas: TRUST_PROXY=true would trust any X-Forwarded-For/);
  });

  it('serves, then on SIGTERM refuses new connections, finishes the request in flight and exits 0', { timeout: 90_000 }, async () => {
    const child = runMain({ PORT: '0', HOST: '127.0.0.1', GRAPH_STORE: 'memory', SHUTDOWN_TIMEOUT_MS: '8000', LOG_LEVEL: 'info' });
    try {
      const port = await listening(child);
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect((await health.json()).status).toBe('ok');

      // An idle keep-alive connection must not hold up the shutdown.
      const idle = await openSocket(port);
      const idleClosed = readAll(idle);
      idle.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');

      // A slow client: its request has started but its headers are not complete yet.
      const slow = await openSocket(port);
      const slowResponse = readAll(slow);
      slow.write('GET /api/nodes/agency:cbrc HTTP/1.1\r\nHost: localhost\r\n');
      await serverHasRead(port);

      child.proc.kill('SIGTERM');

      // The listener is closed: a new connection is refused; the idle one is closed.
      await refusesConnections(port);
      expect(await idleClosed).toMatch(/^HTTP\/1\.1 200/);
      expect(child.proc.exitCode).toBeNull();

      // The slow client finishes its request and gets a complete answer.
      slow.write('\r\n');
      const response = await slowResponse;
      expect(response).toMatch(/^HTTP\/1\.1 200 OK/);
      expect(response).toContain('"id":"agency:cbrc"');

      const { code } = await child.exit;
      expect(code).toBe(0);
      // It drained: it was not the drain timeout that closed the slow client.
      expect(child.stdout()).toContain('shut down');
      expect(child.stdout()).not.toContain('drain timeout');
    } finally {
      child.proc.kill('SIGKILL');
    }
  });

  it('closes a connection that never completes once the drain timeout passes', { timeout: 90_000 }, async () => {
    const child = runMain({ PORT: '0', HOST: '127.0.0.1', GRAPH_STORE: 'memory', SHUTDOWN_TIMEOUT_MS: '1000', LOG_LEVEL: 'info' });
    try {
      const port = await listening(child);
      const stuck = await openSocket(port);
      const closed = readAll(stuck);
      stuck.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\n');
      await serverHasRead(port);
      child.proc.kill('SIGTERM');
      // No answer: the drain timeout closed it, and says so.
      expect(await closed).toBe('');
      const { code } = await child.exit;
      expect(code).toBe(0);
      expect(child.stdout()).toContain('drain timeout: closing the remaining connections');
    } finally {
      child.proc.kill('SIGKILL');
    }
  });
});
