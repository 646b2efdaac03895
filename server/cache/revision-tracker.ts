/**
 * What the server knows of the store's revision, with bounded staleness: `current()` reads
 * the store at most once per `stalenessMs` (concurrent callers share one read), so a flip
 * made by a load is seen by every server within that bound, without any shared state
 * between servers. `fresh()` always reads, for the check after an answer was computed.
 */
export interface RevisionTrackerOptions {
  /** Reads the revision from the store (GraphStore.revision). */
  read: () => Promise<string>;
  /** How old a known revision may be and still be used; 0 reads on every request. */
  stalenessMs: number;
  /** Milliseconds; injectable so tests move time without sleeping. */
  now?: () => number;
  /** Called once for each revision different from the last one seen (to drop older answers). */
  onChange?: (revision: string) => void;
}

export class RevisionTracker {
  private readonly read: () => Promise<string>;
  private readonly stalenessMs: number;
  private readonly now: () => number;
  private readonly onChange: (revision: string) => void;
  /** The newest reading: its value and when the read that gave it started. */
  private known: { value: string; at: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(options: RevisionTrackerOptions) {
    if (!Number.isInteger(options.stalenessMs) || options.stalenessMs < 0) {
      throw new RangeError(`stalenessMs must be a non-negative integer, got ${options.stalenessMs}`);
    }
    this.read = options.read;
    this.stalenessMs = options.stalenessMs;
    this.now = options.now ?? Date.now;
    this.onChange = options.onChange ?? (() => {});
  }

  /** The revision as of at most `stalenessMs` ago. */
  current(): Promise<string> {
    const known = this.known;
    if (known !== undefined && this.now() - known.at < this.stalenessMs) return Promise.resolve(known.value);
    // A read already under way started within the bound, so it is as good as a new one.
    this.pending ??= this.fresh().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** The revision read now, by a read that starts after this call. */
  async fresh(): Promise<string> {
    const at = this.now();
    const value = await this.read();
    // Reads can finish out of order; the one that started last is the newest knowledge.
    if (this.known === undefined || at >= this.known.at) {
      const changed = this.known !== undefined && this.known.value !== value;
      this.known = { value, at };
      if (changed) this.onChange(value);
    }
    return value;
  }
}
