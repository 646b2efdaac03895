/**
 * The reader's endpoints, in the style of `../api/client.ts`: `GET /api/report` and
 * `GET /api/report/passages`, each fetched once and kept (the report changes only with a
 * deploy), and the lookup of a citation's passage.
 */
import type { Passage, PassagesResponse, ReportResponse } from '../../../server/contract/report';
import type { Source } from '../../../server/stores/types';
import { ApiError } from '../api/client';

export type { Passage, PassagesResponse, ReportResponse };

async function get<T>(path: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { headers: { accept: 'application/json' } });
  } catch (e) {
    throw new ApiError(0, 'unreachable', (e as Error).message);
  }
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok || body === null) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? 'http_error', err?.message ?? `HTTP ${res.status}`);
  }
  return body as T;
}

let report: Promise<ReportResponse> | undefined;
let passages: Promise<PassagesResponse> | undefined;

/** Kept once it arrives; a failure is forgotten so a retry asks again. */
function once<T>(load: () => Promise<T>, keep: (p: Promise<T> | undefined) => void): Promise<T> {
  const p = load();
  keep(p);
  p.catch(() => keep(undefined));
  return p;
}

export const reportApi = {
  report: (): Promise<ReportResponse> => report ?? once(() => get<ReportResponse>('/report'), (p) => (report = p)),
  passages: (): Promise<PassagesResponse> => passages ?? once(() => get<PassagesResponse>('/report/passages'), (p) => (passages = p)),
};

/** The passage a citation points at (by its section and quote), or undefined. */
export function passageOf(all: PassagesResponse, s: Pick<Source, 'section' | 'quote'>): Passage | undefined {
  return all.passages.find((p) => p.quotes.some((q) => q.quote === s.quote && q.section === s.section));
}
