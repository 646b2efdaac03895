/**
 * The only module that talks to the server, for the explorer and the teaching views alike.
 * Every call takes an optional AbortSignal (search cancels stale requests) and throws
 * `ApiError` with the server's error code, or code `unreachable` when no response came
 * back. The response types the client reads are named here, so the rest of the client
 * imports them from this one module.
 */
import type {
  ApiNode,
  ApiRelationship,
  ChangesAnswer,
  MatrixAnswer,
  MatrixCell,
  NeighborhoodResult,
  RegulatorsAnswer,
  RulesAnswer,
  SearchHit,
  Source,
  Subgraph,
  TimelineAnswer,
} from '../../../server/stores/types';
import type { Tour, TourQuestion, TourSummary } from '../../../graph-seed/tour-schema';
import type { Quiz } from '../../../server/quiz/generate';
import type { NodeLabel, RelType } from '../graph/model';
import type { AskResponse } from '../../../server/contract/ask';

export type {
  ApiNode,
  ApiRelationship,
  ChangesAnswer,
  MatrixAnswer,
  MatrixCell,
  NeighborhoodResult,
  RegulatorsAnswer,
  RulesAnswer,
  SearchHit,
  Source,
  Subgraph,
  TimelineAnswer,
  Tour,
  TourQuestion,
  TourSummary,
  Quiz,
};

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface SchemaInfo {
  labels: Array<{ label: NodeLabel; count: number; names: { zh: string; en: string } }>;
  relationshipTypes: Array<{ type: RelType; count: number; names: { zh: string; en: string } }>;
  counts: { nodes: number; relationships: number };
}
export interface PathAnswer extends Subgraph {
  explanation: { zh: string[]; en: string[] };
  cypher?: string;
}
export type ExportFormat = 'json' | 'gexf' | 'graphml' | 'csv';
/** The server refuses longer URLs (414). */
export const MAX_URL_LENGTH = 4096;
export type WithCypher<T> = T & { cypher?: string };

type Params = Record<string, string | number | undefined | null | readonly string[]>;

export function buildQuery(params: Params): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) p.set(k, v.join(','));
    } else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function get<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}${buildQuery(params)}`, { signal: signal ?? null, headers: { accept: 'application/json' } });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'unreachable', (e as Error).message);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(res.status, res.ok ? 'bad_response' : 'http_error', `HTTP ${res.status}`);
  }
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } }).error;
    throw new ApiError(res.status, err?.code ?? 'http_error', err?.message ?? `HTTP ${res.status}`);
  }
  return body as T;
}

const enc = encodeURIComponent;

export const api = {
  health: (signal?: AbortSignal) => get<{ status: string }>('/health', {}, signal),
  schema: (signal?: AbortSignal) => get<SchemaInfo>('/schema', {}, signal),
  search: (q: string, opts: { labels?: readonly NodeLabel[]; limit?: number } = {}, signal?: AbortSignal) =>
    get<{ results: SearchHit[] }>('/search', { q, labels: opts.labels, limit: opts.limit ?? 10 }, signal),
  node: (id: string, signal?: AbortSignal) => get<{ node: ApiNode }>(`/nodes/${enc(id)}`, {}, signal),
  neighborhood: (id: string, opts: { depth?: number; limit?: number } = {}, signal?: AbortSignal) =>
    get<NeighborhoodResult>(`/nodes/${enc(id)}/neighborhood`, { depth: opts.depth ?? 1, limit: opts.limit ?? 200 }, signal),
  path: (from: string, to: string, maxLength = 6, signal?: AbortSignal) =>
    get<PathAnswer>('/paths/shortest', { from, to, maxLength }, signal),
  regulators: (segment: string, signal?: AbortSignal, asOf?: string | null) =>
    get<WithCypher<RegulatorsAnswer>>('/questions/regulators', { segment, asOf }, signal),
  rules: (topic: string, signal?: AbortSignal, asOf?: string | null) =>
    get<WithCypher<RulesAnswer>>('/questions/rules', { topic, asOf }, signal),
  /** A question in words (`q`), or a reading given as its kind and parameters. */
  ask: (query: { q: string } | { kind: string; params: Record<string, string> }, lang: 'zh' | 'en', signal?: AbortSignal) =>
    get<AskResponse>('/ask', 'q' in query ? { q: query.q, lang } : { kind: query.kind, ...query.params, lang }, signal),
  timeline: (signal?: AbortSignal) => get<TimelineAnswer>('/timeline', {}, signal),
  changes: (from: string, to: string, signal?: AbortSignal) => get<WithCypher<ChangesAnswer>>('/changes', { from, to }, signal),
  matrix: (asOf: string | null, signal?: AbortSignal) => get<WithCypher<MatrixAnswer>>('/matrix', { asOf }, signal),
  tours: (signal?: AbortSignal) => get<{ tours: TourSummary[] }>('/tours', {}, signal),
  tour: (id: string, signal?: AbortSignal) => get<{ tour: Tour }>(`/tours/${enc(id)}`, {}, signal),
  quiz: (seed: number, count = 5, signal?: AbortSignal) => get<Quiz>('/quiz', { seed, count }, signal),
  graph: (filter: { labels?: readonly NodeLabel[] } = {}, signal?: AbortSignal) =>
    get<Subgraph>('/graph', { labels: filter.labels }, signal),
  /** `ids` undefined exports the whole graph; CSV comes as two tables (`part`). */
  exportUrl: (format: ExportFormat, ids?: readonly string[], part?: 'nodes' | 'relationships') =>
    `/api/export${buildQuery({ format, ids, part })}`,
};
