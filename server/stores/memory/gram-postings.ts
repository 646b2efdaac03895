/**
 * Posting lists of the search index's grams (characters and character pairs), all in one
 * Int32Array in compressed-sparse-row form: `ranks[starts[slot] .. starts[slot + 1])` are
 * the ranks holding gram `slot`, ascending.
 *
 * A first version kept a JS array per gram. On the synthetic graphs that is ~260 postings
 * per node at 8 bytes each plus growth slack, all of it on the heap the garbage collector
 * walks: at 1M nodes the store took a 10.7 GB heap and its build spent most of 354 s in GC.
 * Here a posting is 4 bytes off the collected heap. The build reads every field twice
 * (count, then fill), which costs less than the growth and collection it saves.
 */

/**
 * Calls `fn` with every character and adjacent character pair of `text` as an integer
 * (code unit, or 65536 + first * 65536 + second; the seed is BMP text), so the index
 * holds numbers, not millions of two-character strings.
 */
export function forEachGram(text: string, fn: (gram: number) => void): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    fn(c);
    if (i + 1 < text.length) fn(65536 + c * 65536 + text.charCodeAt(i + 1));
  }
}

export class GramPostings {
  private readonly slots = new Map<number, number>();
  private readonly starts: Int32Array;
  private readonly ranks: Int32Array;

  /** Postings of the grams of `fieldsOf(rank)` for every rank in 0 … count - 1, each rank once per gram. */
  constructor(count: number, fieldsOf: (rank: number) => readonly string[]) {
    const counts: number[] = [];
    const lastRank: number[] = [];
    for (let rank = 0; rank < count; rank++) {
      for (const field of fieldsOf(rank)) {
        forEachGram(field, (gram) => {
          let slot = this.slots.get(gram);
          if (slot === undefined) {
            slot = counts.length;
            this.slots.set(gram, slot);
            counts.push(0);
            lastRank.push(-1);
          }
          if (lastRank[slot] !== rank) {
            lastRank[slot] = rank;
            counts[slot]!++;
          }
        });
      }
    }
    this.starts = new Int32Array(counts.length + 1);
    for (let s = 0; s < counts.length; s++) this.starts[s + 1] = this.starts[s]! + counts[s]!;
    this.ranks = new Int32Array(this.starts[counts.length]!);
    const fill = this.starts.slice(0, counts.length);
    lastRank.fill(-1);
    for (let rank = 0; rank < count; rank++) {
      for (const field of fieldsOf(rank)) {
        forEachGram(field, (gram) => {
          const slot = this.slots.get(gram)!;
          if (lastRank[slot] !== rank) {
            lastRank[slot] = rank;
            this.ranks[fill[slot]!++] = rank;
          }
        });
      }
    }
  }

  /** The ranks holding `gram`, ascending (a view, not a copy), or undefined when none does. */
  get(gram: number): Int32Array | undefined {
    const slot = this.slots.get(gram);
    return slot === undefined ? undefined : this.ranks.subarray(this.starts[slot]!, this.starts[slot + 1]!);
  }

  /** A number naming the gram's list (equal grams, equal slots), or -1. */
  slotOf(gram: number): number {
    return this.slots.get(gram) ?? -1;
  }
}
