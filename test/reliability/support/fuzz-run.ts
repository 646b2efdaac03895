/**
 * Runs generated requests against a listening server in batches (concurrently within a
 * batch, over keep-alive connections) under fast-check, and fails with the exact requests
 * whose answers broke the rules of `response-check.ts`. fast-check prints the seed, so a
 * failure can be replayed with FUZZ_SEED.
 */
import fc from 'fast-check';
import type { SeedGraph } from '../../../graph-seed/schema.js';
import { fuzzRequest, type FuzzIds } from './fuzz-requests.js';
import { keepAliveAgent, pool, send, type RawResponse } from './http-client.js';
import { problemsWith, type CheckOptions } from './response-check.js';

export interface FuzzOptions {
  /** Batches; requests = runs × batch. */
  runs: number;
  batch: number;
  concurrency: number;
  /** A request without an answer by then is a failure (a hang). */
  timeoutMs: number;
  check?: CheckOptions;
}

export interface FuzzStats {
  requests: number;
  byStatus: Record<string, number>;
  byEndpoint: Record<string, number>;
  slowestMs: number;
  ms: number;
}

export function idsOf(graph: SeedGraph): FuzzIds {
  return {
    all: graph.nodes.map((n) => n.id),
    segments: graph.nodes.filter((n) => n.label === 'Segment').map((n) => n.id),
    topics: graph.nodes.filter((n) => n.label === 'Topic').map((n) => n.id),
  };
}

export function fuzzSeed(): number | undefined {
  const s = process.env['FUZZ_SEED'];
  return s === undefined || s === '' ? undefined : Number(s);
}

export async function fuzzApi(base: string, ids: FuzzIds, opts: FuzzOptions): Promise<FuzzStats> {
  const agent = keepAliveAgent(opts.concurrency);
  const stats: FuzzStats = { requests: 0, byStatus: {}, byEndpoint: {}, slowestMs: 0, ms: 0 };
  const started = performance.now();
  const seed = fuzzSeed();
  try {
    const details = await fc.check(
      fc.asyncProperty(fc.array(fuzzRequest(ids), { minLength: opts.batch, maxLength: opts.batch }), async (batch) => {
        const answers = await pool(batch, opts.concurrency, (req) =>
          send(base, req, { agent, timeoutMs: opts.timeoutMs }).then(
            (res): RawResponse | Error => res,
            (err: unknown): RawResponse | Error => (err instanceof Error ? err : new Error(String(err))),
          ),
        );
        const problems: string[] = [];
        answers.forEach((res, i) => {
          const req = batch[i]!;
          stats.requests++;
          stats.byEndpoint[req.endpoint] = (stats.byEndpoint[req.endpoint] ?? 0) + 1;
          if (res instanceof Error) {
            stats.byStatus['error'] = (stats.byStatus['error'] ?? 0) + 1;
            problems.push(`${req.method} ${req.path.slice(0, 300)} -> ${res.message}`);
            return;
          }
          stats.byStatus[res.status] = (stats.byStatus[res.status] ?? 0) + 1;
          stats.slowestMs = Math.max(stats.slowestMs, res.ms);
          for (const p of problemsWith(req.method, req.path, res, opts.check)) {
            problems.push(`${req.method} ${req.path.slice(0, 300)} -> ${res.status}: ${p}`);
          }
        });
        if (problems.length > 0) {
          throw new Error(`${problems.length} bad answers in a batch of ${batch.length}:\n${problems.slice(0, 10).join('\n')}`);
        }
      }),
      // The failing requests are named in the error; shrinking would only re-send batches.
      { numRuns: opts.runs, endOnFailure: true, ...(seed === undefined ? {} : { seed }) },
    );
    if (details.failed) {
      // The counterexample is a whole batch of long URLs: report the bad answers and the seed only.
      const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(`API fuzzing failed (replay with FUZZ_SEED=${details.seed}):\n${cause}`);
    }
  } finally {
    agent.destroy();
  }
  stats.ms = performance.now() - started;
  return stats;
}

export function summary(name: string, s: FuzzStats): string {
  const statuses = Object.entries(s.byStatus)
    .sort()
    .map(([k, v]) => `${k}:${v}`)
    .join(' ');
  return `[fuzz] ${name}: ${s.requests} requests in ${(s.ms / 1000).toFixed(1)} s (${statuses}); slowest ${Math.round(s.slowestMs)} ms`;
}
