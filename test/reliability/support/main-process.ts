/**
 * `server/main.ts` as a child process (through tsx), the way an operator runs it: only the
 * environment the test gives, stdout and stderr captured whole (the log is pino JSON on
 * stdout), the port read from the start-up line.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface MainChild {
  proc: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Resolves with the port once the start-up line is printed; rejects if the process exits first. */
  listening(timeoutMs?: number): Promise<number>;
  kill(): void;
}

export function runMain(env: Record<string, string>, nodeArgs: string[] = []): MainChild {
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env },
  });
  let out = '';
  let err = '';
  proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return {
    proc,
    stdout: () => out,
    stderr: () => err,
    exit,
    kill: () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    },
    async listening(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const m = /FinReg Atlas on http:\/\/[^:]+:(\d+)\//.exec(out);
        if (m) return Number(m[1]);
        if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}: ${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`server did not start within ${timeoutMs} ms: ${out.slice(-500)} ${err.slice(-500)}`);
    },
  };
}
