/**
 * Graph walks of the memory store over a CompactGraph (integers in id order). Both walks
 * are deterministic and match the Cypher of the Neo4j store:
 * - neighbourhood: breadth-first, nodes ordered by depth then id;
 * - shortest path: of all shortest paths, the one whose node-id sequence is
 *   lexicographically smallest, then the smallest relationship ids step by step.
 *
 * Scratch arrays (visit stamps, distances) are allocated once per graph and reused; the
 * walks are synchronous, so two requests never share them at the same time.
 */
import type { CompactGraph } from './compact-graph.js';

/** Which ends of a relationship a step may leave through. */
const OUT = 1;
const IN = 2;
const BOTH = OUT | IN;

export class Walker {
  private readonly g: CompactGraph;
  private generation = 0;
  private readonly stampA: Int32Array;
  private readonly stampB: Int32Array;
  private readonly stampC: Int32Array;
  private readonly distA: Int32Array;
  private readonly distB: Int32Array;

  constructor(g: CompactGraph) {
    this.g = g;
    const n = g.size;
    this.stampA = new Int32Array(n);
    this.stampB = new Int32Array(n);
    this.stampC = new Int32Array(n);
    this.distA = new Int32Array(n);
    this.distB = new Int32Array(n);
  }

  private nextGeneration(): number {
    this.generation++;
    if (this.generation === 0x7fffffff) {
      this.stampA.fill(0);
      this.stampB.fill(0);
      this.stampC.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }

  /**
   * Undirected breadth-first walk up to `depth` from `centre`, following relationship types
   * in `typeMask`. Nodes failing `nodeOk` are neither kept nor walked through; the centre is
   * always kept. Returns kept node indices (centre, then by depth, then id) and whether
   * `limit` cut the result.
   */
  neighbourhood(
    centre: number,
    depth: number,
    limit: number,
    typeMask: number,
    nodeOk: (i: number) => boolean,
  ): { kept: number[]; truncated: boolean } {
    const g = this.g;
    const gen = this.nextGeneration();
    const seen = this.stampA;
    const cap = Math.max(1, limit);
    seen[centre] = gen;
    const order = [centre];
    let frontier = [centre];
    for (let d = 1; d <= depth && frontier.length > 0 && order.length <= cap; d++) {
      const next: number[] = [];
      for (const f of frontier) {
        for (let k = g.adjStart[f]!, end = g.adjStart[f + 1]!; k < end; k++) {
          const w = g.adjNode[k]!;
          if (seen[w] === gen || ((typeMask >>> g.relType[g.adjRel[k]!]!) & 1) === 0) continue;
          seen[w] = gen;
          if (!nodeOk(w)) continue;
          next.push(w);
          // From a single node the entries come in id order: stop once past the limit.
          if (frontier.length === 1 && order.length + next.length > cap) break;
        }
      }
      if (frontier.length > 1) next.sort((a, b) => a - b);
      for (const w of next) order.push(w);
      frontier = next;
    }
    return { kept: order.slice(0, cap), truncated: order.length > cap };
  }

  /** Indices of relationships in `typeMask` with both ends in `nodes`, ascending (= id order). */
  relationshipsAmong(nodes: readonly number[], typeMask: number): number[] {
    const g = this.g;
    const gen = this.nextGeneration();
    const inSet = this.stampB;
    for (const i of nodes) inSet[i] = gen;
    const sorted = [...nodes].sort((a, b) => a - b);
    const rels: number[] = [];
    const take = (k: number): void => {
      if (g.adjOut[k] === 1 && ((typeMask >>> g.relType[g.adjRel[k]!]!) & 1) === 1) rels.push(g.adjRel[k]!);
    };
    for (const u of nodes) {
      const start = g.adjStart[u]!;
      const end = g.adjStart[u + 1]!;
      if (end - start <= sorted.length * 8) {
        for (let k = start; k < end; k++) if (inSet[g.adjNode[k]!] === gen) take(k);
      } else {
        // A hub among few nodes: look each of them up in the hub's sorted entries.
        for (const v of sorted) {
          for (let k = lowerBound(g.adjNode, start, end, v); k < end && g.adjNode[k] === v; k++) take(k);
        }
      }
    }
    return rels.sort((a, b) => a - b);
  }

  /**
   * Bidirectional breadth-first search for the shortest path within `maxLength` hops, then a
   * greedy walk from `from` that always takes the smallest next node (and relationship)
   * still on a shortest path. Null when there is none.
   */
  shortestPath(
    from: number,
    to: number,
    maxLength: number,
    directed: boolean,
    typeMask: number,
  ): { nodes: number[]; rels: number[] } | null {
    if (from === to) return { nodes: [from], rels: [] };
    const g = this.g;
    const gen = this.nextGeneration();
    const seenF = this.stampA;
    const seenT = this.stampB;
    const onPath = this.stampC;
    const distF = this.distA;
    const distT = this.distB;
    const forward = directed ? OUT : BOTH;
    const backward = directed ? IN : BOTH;
    const allowed = (k: number, dir: number): boolean =>
      ((typeMask >>> g.relType[g.adjRel[k]!]!) & 1) === 1 && (dir === BOTH || (g.adjOut[k] === 1) === (dir === OUT));

    seenF[from] = gen;
    distF[from] = 0;
    seenT[to] = gen;
    distT[to] = 0;
    const levelsF: number[][] = [[from]];
    let frontT = [to];
    let depthF = 0;
    let depthT = 0;
    let met = false;
    while (!met && depthF + depthT < maxLength) {
      const frontF = levelsF[depthF]!;
      if (frontF.length === 0 || frontT.length === 0) break;
      // Expand the smaller side by one whole level.
      const expandF = frontF.length <= frontT.length;
      const front = expandF ? frontF : frontT;
      const seen = expandF ? seenF : seenT;
      const dist = expandF ? distF : distT;
      const other = expandF ? seenT : seenF;
      const dir = expandF ? forward : backward;
      const level = (expandF ? depthF : depthT) + 1;
      const next: number[] = [];
      for (const u of front) {
        for (let k = g.adjStart[u]!, end = g.adjStart[u + 1]!; k < end; k++) {
          const w = g.adjNode[k]!;
          if (seen[w] === gen || !allowed(k, dir)) continue;
          seen[w] = gen;
          dist[w] = level;
          next.push(w);
          if (other[w] === gen) met = true;
        }
      }
      if (expandF) {
        depthF = level;
        levelsF.push(next);
      } else {
        depthT = level;
        frontT = next;
      }
    }
    if (!met) return null;
    // No meeting before this level: every meeting node lies at depthF from `from` and depthT
    // from `to`, so the length is depthF + depthT.
    const length = depthF + depthT;

    // Nodes on the `from` side that lead, level by level, to a meeting node.
    for (const v of levelsF[depthF]!) if (seenT[v] === gen && distT[v] === depthT) onPath[v] = gen;
    for (let i = depthF - 1; i >= 0; i--) {
      for (const v of levelsF[i]!) {
        for (let k = g.adjStart[v]!, end = g.adjStart[v + 1]!; k < end; k++) {
          const w = g.adjNode[k]!;
          if (onPath[w] === gen && seenF[w] === gen && distF[w] === i + 1 && allowed(k, forward)) {
            onPath[v] = gen;
            break;
          }
        }
      }
    }

    const nodes = [from];
    const rels: number[] = [];
    let current = from;
    for (let i = 1; i <= length; i++) {
      let chosen = -1;
      // Entries are sorted by (neighbour id, relationship id): the first fit is the smallest.
      for (let k = g.adjStart[current]!, end = g.adjStart[current + 1]!; k < end; k++) {
        const w = g.adjNode[k]!;
        if (!allowed(k, forward)) continue;
        const fits =
          i <= depthF
            ? seenF[w] === gen && distF[w] === i && onPath[w] === gen
            : seenT[w] === gen && distT[w] === length - i;
        if (fits) {
          chosen = k;
          break;
        }
      }
      if (chosen < 0) throw new Error('shortest path walk lost its way');
      current = g.adjNode[chosen]!;
      nodes.push(current);
      rels.push(g.adjRel[chosen]!);
    }
    return { nodes, rels };
  }

  /** The node and every node reaching it through incoming PART_OF chains (narrower ones). */
  /**
   * A visited-set for one query: `firstTime(i)` is true the first time it sees node `i`,
   * until the next walk or set (they share the generation stamps).
   */
  freshMarks(): (i: number) => boolean {
    const gen = this.nextGeneration();
    const seen = this.stampC;
    return (i) => {
      if (seen[i] === gen) return false;
      seen[i] = gen;
      return true;
    };
  }

  partOfClosure(root: number, partOfType: number): number[] {
    const g = this.g;
    const gen = this.nextGeneration();
    const seen = this.stampA;
    seen[root] = gen;
    const queue = [root];
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q]!;
      for (let k = g.adjStart[u]!, end = g.adjStart[u + 1]!; k < end; k++) {
        if (g.adjOut[k] === 1 || g.relType[g.adjRel[k]!] !== partOfType) continue;
        const w = g.adjNode[k]!;
        if (seen[w] === gen) continue;
        seen[w] = gen;
        queue.push(w);
      }
    }
    return queue;
  }
}

function lowerBound(arr: Int32Array, lo: number, hi: number, key: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
