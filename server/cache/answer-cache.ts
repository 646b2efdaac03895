/**
 * Answers kept in memory, least recently used first out, bounded by bytes: the bodies and
 * keys as they sit in memory (a string body counts two bytes per UTF-16 unit) plus a fixed
 * allowance per entry for the map and the entry object. An answer larger than an eighth of
 * the bound is not kept, so one export cannot empty the cache.
 */
export interface CachedAnswer {
  /** What the route passed to `res.send`, replayed as is (so Express sets the same headers). */
  body: string | Buffer;
  /** Headers the route set that describe the body (content type, disposition). */
  headers: Array<[string, string]>;
}

/** Bookkeeping of one entry beyond its key and body (Map slot, objects, header strings). */
const ENTRY_OVERHEAD_BYTES = 256;

export class AnswerCache {
  readonly maxBytes: number;
  private readonly entries = new Map<string, { answer: CachedAnswer; bytes: number }>();
  private used = 0;

  constructor(maxBytes: number) {
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) throw new RangeError(`maxBytes must be a non-negative integer, got ${maxBytes}`);
    this.maxBytes = maxBytes;
  }

  /** Bytes the entries take, by the accounting above; never above `maxBytes`. */
  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    // Map keeps insertion order: re-inserting makes this the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.answer;
  }

  set(key: string, answer: CachedAnswer): void {
    const bytes = sizeOf(key, answer);
    this.delete(key);
    if (bytes > this.maxBytes / 8) return;
    this.entries.set(key, { answer, bytes });
    this.used += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.used -= entry.bytes;
    }
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.used -= entry.bytes;
  }
}

function sizeOf(key: string, answer: CachedAnswer): number {
  const body = typeof answer.body === 'string' ? answer.body.length * 2 : answer.body.byteLength;
  const headers = answer.headers.reduce((sum, [k, v]) => sum + (k.length + v.length) * 2, 0);
  return ENTRY_OVERHEAD_BYTES + key.length * 2 + body + headers;
}
