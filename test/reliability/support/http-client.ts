/**
 * A raw HTTP client for hostile requests. `fetch` normalises URLs (it resolves `../` and
 * `%2e%2e`, encodes spaces and control characters), which would hide exactly the paths a
 * fuzzer must send; `node:http` sends the request-target byte for byte. Keep-alive agent,
 * per-request timeout, and a small pool for concurrency.
 */
import { Agent, request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  ms: number;
}

export interface RawRequest {
  method: string;
  /** Sent as is: the caller percent-encodes what must be encoded. */
  path: string;
  headers?: Record<string, string>;
}

export class RequestTimeout extends Error {
  constructor(readonly req: RawRequest, readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms: ${req.method} ${req.path.slice(0, 200)}`);
    this.name = 'RequestTimeout';
  }
}

export function keepAliveAgent(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets });
}

export function send(base: string, req: RawRequest, opts: { agent?: Agent; timeoutMs: number }): Promise<RawResponse> {
  const url = new URL(base);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const r = request(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        headers: req.headers,
        agent: opts.agent ?? false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    r.setTimeout(opts.timeoutMs, () => {
      r.destroy(new RequestTimeout(req, opts.timeoutMs));
    });
    r.on('error', reject);
    r.end();
  });
}

/** Runs `tasks` with at most `concurrency` in flight; results in input order. */
export async function pool<T, R>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}
