/**
 * The teaching endpoints, in the style of `../api/client.ts` (same error type, same query
 * building). Passed to each teaching module so tests and the shell can supply their own.
 */
import type { ChangesAnswer, MatrixAnswer, RegulatorsAnswer, RulesAnswer, TimelineAnswer } from '../../../server/stores/types';
import type { Tour, TourSummary } from '../../../graph-seed/tour-schema';
import type { Quiz } from '../../../server/quiz/generate';
import { ApiError, buildQuery } from '../api/client';

export type { Tour, TourSummary, Quiz, ChangesAnswer, MatrixAnswer, TimelineAnswer };

async function get<T>(path: string, params: Record<string, string | number | undefined> = {}, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}${buildQuery(params)}`, { signal: signal ?? null, headers: { accept: 'application/json' } });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'unreachable', (e as Error).message);
  }
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok || body === null) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? 'http_error', err?.message ?? `HTTP ${res.status}`);
  }
  return body as T;
}

const enc = encodeURIComponent;

export interface TeachingApi {
  tours(signal?: AbortSignal): Promise<{ tours: TourSummary[] }>;
  tour(id: string, signal?: AbortSignal): Promise<{ tour: Tour }>;
  timeline(signal?: AbortSignal): Promise<TimelineAnswer>;
  changes(from: string, to: string, signal?: AbortSignal): Promise<ChangesAnswer & { cypher?: string }>;
  matrix(asOf: string | null, signal?: AbortSignal): Promise<MatrixAnswer & { cypher?: string }>;
  quiz(seed: number, count?: number, signal?: AbortSignal): Promise<Quiz>;
  regulators(segment: string, asOf: string | null, signal?: AbortSignal): Promise<RegulatorsAnswer>;
  rules(topic: string, asOf: string | null, signal?: AbortSignal): Promise<RulesAnswer>;
}

export const teachingApi: TeachingApi = {
  tours: (signal) => get('/tours', {}, signal),
  tour: (id, signal) => get(`/tours/${enc(id)}`, {}, signal),
  timeline: (signal) => get('/timeline', {}, signal),
  changes: (from, to, signal) => get('/changes', { from, to }, signal),
  matrix: (asOf, signal) => get('/matrix', { asOf: asOf ?? undefined }, signal),
  quiz: (seed, count = 5, signal) => get('/quiz', { seed, count }, signal),
  regulators: (segment, asOf, signal) => get('/questions/regulators', { segment, asOf: asOf ?? undefined }, signal),
  rules: (topic, asOf, signal) => get('/questions/rules', { topic, asOf: asOf ?? undefined }, signal),
};
